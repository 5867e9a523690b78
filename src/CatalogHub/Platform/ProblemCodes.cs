using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CatalogHub.Platform;

/// <summary>
/// The stable codes of malformed requests (refused by <see cref="RequestHygiene"/> before any endpoint runs), and the
/// codes of the problem responses the framework writes on its own: Wolverine's "Invalid JSON format" for a body it
/// cannot deserialize, and the bodiless 404/405/406/415 that the status-code-pages middleware turns into problems.
/// Problems this API writes already carry a code.
/// </summary>
public static partial class ProblemCodes
{
    /// <summary>400: the body is not JSON, or not of the operation's shape: a wrong JSON type (numbers are never read
    /// from strings), an unknown or repeated property, an unknown enum name. <c>field</c> names where, when known.</summary>
    public const string MalformedJson = "malformed-json";
    /// <summary>400: the operation takes a JSON object and the body is empty.</summary>
    public const string BodyRequired = "body-required";
    /// <summary>400: the body is JSON but not an object: <c>null</c>, an array, a string, a number or a boolean.</summary>
    public const string BodyNotAnObject = "body-not-an-object";
    /// <summary>400: a control character (NUL included) in the path or the query, or in the body's text other than tab and line breaks.</summary>
    public const string ControlCharacter = "control-character";
    /// <summary>400: text in the body that is not valid Unicode (an unpaired surrogate escape).</summary>
    public const string InvalidUnicode = "invalid-unicode";
    /// <summary>400: a query parameter the operation does not declare, names compared case-sensitively (<c>asof</c> is not <c>asOf</c>).</summary>
    public const string UnknownParameter = "unknown-parameter";
    /// <summary>400: a query parameter given more than once.</summary>
    public const string RepeatedParameter = "repeated-parameter";
    /// <summary>400: a query value that does not parse as its declared type (<c>page=abc</c>, <c>limit=99999999999</c>).</summary>
    public const string InvalidParameter = "invalid-parameter";
    /// <summary>400: an instant that is not ISO 8601 (see <see cref="Instants"/>).</summary>
    public const string InvalidInstant = "invalid-instant";
    /// <summary>400: a date alone where only an instant makes sense (anything but asOf, effectiveAt, from, to).</summary>
    public const string DateWithoutTime = "date-without-time";
    /// <summary>413: the body exceeds <see cref="RequestHygiene.MaxBodyBytes"/>.</summary>
    public const string BodyTooLarge = "body-too-large";
    /// <summary>415: an operation that takes a body got one that is not <c>application/json</c> (UTF-8), or no Content-Type.</summary>
    public const string UnsupportedMediaType = "unsupported-media-type";

    [GeneratedRegex(@"Path: \$\.?(?<path>\S*)")]
    private static partial Regex JsonPath();

    [GeneratedRegex(@"The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    /// <summary>The field a JSON error is about, as the API names fields (<c>content.legalBases[0]</c>), or null for the whole body.</summary>
    public static string? FieldOf(JsonException e)
    {
        var path = e.Path is { Length: > 0 } p ? p.TrimStart('$').TrimStart('.') : null;
        if (UnmappedProperty().Match(e.Message) is not { Success: true } unmapped) return path is { Length: > 0 } ? path : null;
        var name = unmapped.Groups["name"].Value;
        return path is { Length: > 0 } && !path.EndsWith(name, StringComparison.Ordinal) ? $"{path}.{name}" : name;
    }

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return;

        string code;
        if (problem.Title == "Invalid JSON format")
        {
            code = MalformedJson;
            problem.Title = "The request body is not valid JSON for this operation.";
            var detail = problem.Detail ?? "";
            if (UnmappedProperty().Match(detail) is { Success: true } unmapped)
                problem.Extensions["field"] = unmapped.Groups["name"].Value;
            else if (JsonPath().Match(detail) is { Success: true } m && m.Groups["path"].Value is { Length: > 0 } path)
                problem.Extensions["field"] = path;
            problem.Extensions.Remove("lineNumber");
            problem.Extensions.Remove("bytePositionInLine");
        }
        else
        {
            code = problem.Status switch
            {
                400 => "bad-request",
                404 => "not-found",
                405 => "method-not-allowed",
                406 => "not-acceptable",
                413 => BodyTooLarge,
                415 => UnsupportedMediaType,
                _ when problem.Status >= 500 => "internal-error",
                _ => "request-refused",
            };
        }
        problem.Type = Problems.TypePrefix + code;
        problem.Extensions["code"] = code;
    }
}
