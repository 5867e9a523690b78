
namespace CatalogHub.Platform;

/// <summary>One field that failed validation, with a stable code a client can switch on.</summary>
public sealed record FieldError(string Field, string Code, string Message);

/// <summary>
/// RFC 9457 problem responses. Every rejection the API gives goes through here, so each carries a
/// stable <c>code</c> (also the last segment of <c>type</c>) and, where one field is at fault, <c>field</c>.
/// </summary>
public static class Problems
{
    public const string TypePrefix = "urn:cataloghub:problem:";

    public static ProblemDetails Details(int status, string code, string title, string? detail = null,
        string? field = null, IReadOnlyList<FieldError>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Type = TypePrefix + code,
            Status = status,
            Title = title,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (field is not null) problem.Extensions["field"] = field;
        if (errors is { Count: > 0 }) problem.Extensions["errors"] = errors;
        return problem;
    }

    public static IResult Result(ProblemDetails problem) =>
        TypedResults.Problem(problem);

    public static IResult Of(int status, string code, string title, string? detail = null, string? field = null) =>
        Result(Details(status, code, title, detail, field));

    public static IResult Invalid(IReadOnlyList<FieldError> errors) =>
        Result(Details(StatusCodes.Status400BadRequest, errors.Count == 1 ? errors[0].Code : "validation-failed",
            "The request is invalid.", string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")),
            errors[0].Field, errors));

    public static IResult NotFound(string what) =>
        Of(StatusCodes.Status404NotFound, "not-found", $"{what} was not found.");

    public static IResult Forbidden(string code, string detail) =>
        Of(StatusCodes.Status403Forbidden, code, "The caller may not do this.", detail);

    public static IResult Conflict(string code, string detail, string? field = null) =>
        Of(StatusCodes.Status409Conflict, code, "The request conflicts with the current state.", detail, field);

    /// <summary>A business rule of the regulations refused the request (the input was well formed).</summary>
    public static IResult Rule(string code, string detail, string? field = null, IReadOnlyList<FieldError>? errors = null) =>
        Result(Details(StatusCodes.Status422UnprocessableEntity, code, "A rule of the catalogue refuses this.", detail, field, errors));

    public static IResult PreconditionFailed(string detail) =>
        Of(StatusCodes.Status412PreconditionFailed, "stale-version",
            "The resource changed since you read it.", detail, "If-Match");
}
