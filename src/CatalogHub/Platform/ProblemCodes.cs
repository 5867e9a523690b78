using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CatalogHub.Platform;

/// <summary>
/// Gives a stable <c>code</c> to the problem responses the framework writes on its own: Wolverine's
/// "Invalid JSON format" for a body it cannot deserialize, and the bodiless 404/405/406/415 that the
/// status-code-pages middleware turns into problems. Problems this API writes already carry a code.
/// </summary>
public static partial class ProblemCodes
{
    [GeneratedRegex(@"Path: \$\.?(?<path>\S*)")]
    private static partial Regex JsonPath();

    [GeneratedRegex(@"The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return;

        string code;
        if (problem.Title == "Invalid JSON format")
        {
            code = "malformed-json";
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
                413 => "body-too-large",
                415 => "unsupported-media-type",
                _ when problem.Status >= 500 => "internal-error",
                _ => "request-refused",
            };
        }
        problem.Type = Problems.TypePrefix + code;
        problem.Extensions["code"] = code;
    }
}
