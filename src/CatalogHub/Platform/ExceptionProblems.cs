using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using ExistingStreamIdCollisionException = JasperFx.Events.ExistingStreamIdCollisionException;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace CatalogHub.Platform;

/// <summary>
/// The one place where infrastructure exceptions become problem responses: stale writes (412), unique
/// keys taken (409), unreadable bodies (400/413), an unreachable database (503). Anything else is a 500
/// that reveals nothing of the request.
/// </summary>
public sealed partial class ExceptionProblems(ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("Request {Method} {Path} refused: the store is unavailable ({Error})", context.Request.Method, context.Request.Path,
                exception.GetBaseException().GetType().Name);
            context.Response.Headers.RetryAfter = StoreFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (problem.Status >= 500)
            logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = problem.Status!.Value;
        await context.Response.WriteAsJsonAsync(problem, ApiJson.Options, "application/problem+json", cancellationToken);
        return true;
    }

    /// <summary>The store cannot be reached; the client retries after <c>Retry-After</c> (with its Idempotency-Key, for writes).</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails DatabaseUnavailable => Problems.Details(503, "database-unavailable",
        "The store is unavailable; retry later.", $"PostgreSQL could not be reached. Retry after {StoreFailures.RetryAfterSeconds} seconds.");

    /// <summary>How ASP.NET reports a route or query value of a minimal-API endpoint that does not parse as its type.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"Failed to bind parameter ""(?<type>\w+)\?? (?<name>\w+)""")]
    private static partial System.Text.RegularExpressions.Regex UnboundParameter();

    internal static Microsoft.AspNetCore.Mvc.ProblemDetails Map(Exception exception) => exception switch
    {
        ExistingStreamIdCollisionException =>
            Problems.Details(409, "already-exists", "The resource already exists.", "A resource with this identity already exists."),
        ConcurrencyException =>
            Problems.Details(412, "stale-version", "The resource changed since you read it.",
                "Another change was committed first; read the resource again and retry with its new ETag.", "If-Match"),
        DocumentAlreadyExistsException =>
            Problems.Details(409, "already-exists", "The resource already exists.", "A resource with this identity already exists."),
        MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
            Problems.Details(409, "duplicate", "The request conflicts with the current state.",
                "A unique value in this request is already taken."),
        JsonException json =>
            Problems.Details(400, "malformed-json", "The request body is not valid JSON for this operation.",
                "The body could not be read: check types and enum values.", json.Path is { Length: > 0 } p ? p.TrimStart('$', '.') : null),
        BadHttpRequestException { StatusCode: 413 } =>
            Problems.Details(413, "body-too-large", "The request body is too large."),
        BadHttpRequestException { InnerException: JsonException json } =>
            Map(json),
        BadHttpRequestException bad when UnboundParameter().Match(bad.Message) is { Success: true } unbound =>
            Problems.Details(400, ProblemCodes.InvalidParameter, "The request is invalid.",
                $"{unbound.Groups["name"].Value}: must be a {unbound.Groups["type"].Value.ToLowerInvariant()}.", unbound.Groups["name"].Value),
        BadHttpRequestException bad =>
            Problems.Details(400, "bad-request", "The request could not be read.", bad.Message),
        _ when StoreFailures.IsUnavailable(exception) => DatabaseUnavailable,
        _ => Problems.Details(500, "internal-error", "The server failed to handle the request."),
    };
}
