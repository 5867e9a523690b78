using System.Globalization;

namespace CatalogHub.Platform;

/// <summary>Reads the <c>asOf</c> instants of queries.</summary>
public static class Instants
{
    /// <summary>China Standard Time: an instant written without an offset is read as Beijing time, as a city's users mean it.</summary>
    public static readonly TimeSpan DefaultOffset = TimeSpan.FromHours(8);

    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset instant, out IResult? problem, string field = "asOf")
    {
        problem = null;
        instant = now;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > 9;
            instant = (hasOffset ? parsed : new DateTimeOffset(DateTime.SpecifyKind(parsed.DateTime, DateTimeKind.Unspecified), DefaultOffset))
                .ToUniversalTime();
            return true;
        }
        problem = Problems.Invalid([new FieldError(field, "invalid-instant", "must be an ISO 8601 date or date-time, e.g. 2026-12-01T00:00:00+08:00.")]);
        return false;
    }
}
