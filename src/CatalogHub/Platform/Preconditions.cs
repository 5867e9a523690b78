namespace CatalogHub.Platform;

/// <summary>
/// Optimistic concurrency over HTTP: reads return the stream version as a strong ETag, writes must send it
/// back in If-Match. A write without it is refused (428) rather than silently merged.
/// </summary>
public static class Preconditions
{
    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>The expected version from If-Match, or a problem response when it is missing or unreadable.</summary>
    public static (long? Version, IResult? Problem) ExpectedVersion(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
            return (null, Problems.Of(StatusCodes.Status428PreconditionRequired, "if-match-required",
                "This write needs the version you read.", "Send the resource's ETag in an If-Match header.", "If-Match"));
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        return long.TryParse(header.Trim('"'), out var version) && version > 0
            ? (version, null)
            : (null, Problems.Of(StatusCodes.Status400BadRequest, "invalid-if-match",
                "If-Match must be an ETag this API returned.", $"'{header}' is not a version ETag.", "If-Match"));
    }

    public static void SetETag(this HttpContext http, long version) => http.Response.Headers.ETag = ETag(version);
}
