using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CatalogHub.Departments;

/// <summary>
/// Authenticates <c>Authorization: ApiKey {key}</c> (or <c>X-Api-Key</c>) against the departments' key hashes.
/// The key never reaches a log: failures are logged by key id only. Departments of good keys are cached briefly
/// (<see cref="ApiKeyCache"/>: revocation immediate on this node, at most five seconds late on others).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDocumentStore store, ApiKeyCache cache, AuthenticationThrottle throttle, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string FailureKey = "cataloghub:auth-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey();
        if (key is null) return AuthenticateResult.NoResult();

        var keyId = ApiKeys.KeyIdOf(key);
        var client = Context.Connection.RemoteIpAddress;
        if (throttle.Refusal(client, keyId) is { } retryAfter)
        {
            Context.Items[FailureKey] = new Failure(StatusCodes.Status429TooManyRequests, "too-many-failed-authentications",
                "Too many failed authentications from this client or for this key; try again later.", retryAfter);
            return AuthenticateResult.Fail("Too many failed authentications.");
        }
        if (keyId is null) return Fail(client, null, "malformed-api-key", "The API key is not in the form chk_{keyId}_{secret}.");

        var (accepted, fromStore) = cache.Find(keyId) is { } cached ? (cached, false) : await LoadOrRecall(keyId);
        var department = accepted?.Department;
        var info = department?.Keys.SingleOrDefault(k => k.KeyId == keyId);
        if (department is null || info is null || !ApiKeys.Matches(key, info.KeyHash))
        {
            Logger.LogInformation("Rejected unknown API key {KeyId}", keyId);
            return Fail(client, keyId, "unknown-api-key", "The API key is not known.");
        }
        if (department.DeregisteredAt is not null)
            return Fail(client, keyId, "deregistered-department", "The API key's department has been deregistered.");
        if (info.RevokedAt is not null) return Fail(client, keyId, "revoked-api-key", "The API key has been revoked.");
        if (!info.IsUsableAt(clock.GetUtcNow())) return Fail(client, keyId, "expired-api-key", "The API key has expired.");

        // Only a department read from the store restarts the cache's lifetime: were every cache hit to restart it, a key
        // in steady use would never be re-read, and its revocation on another node would never reach this one.
        if (fromStore) cache.Keep(keyId, accepted!);
        return AuthenticateResult.Success(new AuthenticationTicket(accepted!.Principal, SchemeName));
    }

    /// <summary>
    /// While the store is unreachable, a key this node accepted within <see cref="ApiKeyCache.OutageGrace"/> still
    /// authenticates, so what is served from memory (the basis check) keeps answering; everything else answers 503
    /// anyway. Any other key gets the store's failure: 503, not 401.
    /// </summary>
    private async Task<(ApiKeyCache.Accepted?, bool FromStore)> LoadOrRecall(string keyId)
    {
        try
        {
            return (await Load(keyId) is { } department ? new ApiKeyCache.Accepted(department, PrincipalOf(department, keyId)) : null, true);
        }
        catch (Exception e) when (StoreFailures.IsUnavailable(e) && cache.Recall(keyId) is { } known)
        {
            return (known, false);
        }
    }

    private static System.Security.Claims.ClaimsPrincipal PrincipalOf(Department department, string keyId) =>
        new Caller(department.Id, department.Code, department.RegionCode, keyId, department.Roles.ToHashSet()).ToPrincipal(SchemeName);

    private async Task<Department?> Load(string keyId)
    {
        await using var session = store.QuerySession();
        var index = await session.LoadAsync<ApiKeyIndex>(keyId, Context.RequestAborted);
        return index is null ? null : await session.LoadAsync<Department>(index.DepartmentId, Context.RequestAborted);
    }

    private string? ReadKey()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase)) return header[(SchemeName.Length + 1)..].Trim();
        var alt = Request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(alt) ? null : alt.Trim();
    }

    private sealed record Failure(int Status, string Code, string Message, TimeSpan? RetryAfter = null);

    /// <summary>Every failure counts against the client and the key id (<see cref="AuthenticationThrottle"/>).</summary>
    private AuthenticateResult Fail(System.Net.IPAddress? client, string? keyId, string code, string message)
    {
        throttle.Failed(client, keyId);
        Context.Items[FailureKey] = new Failure(StatusCodes.Status401Unauthorized, code, message);
        return AuthenticateResult.Fail(message);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Items[FailureKey] as Failure ??
            new Failure(StatusCodes.Status401Unauthorized, "missing-api-key", "This endpoint needs an API key: send 'Authorization: ApiKey {key}'.");
        if (failure.RetryAfter is { } after)
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        else Response.Headers.WWWAuthenticate = SchemeName;
        return Write(Problems.Details(failure.Status, failure.Code,
            failure.RetryAfter is null ? "Authentication is required." : "Too many failed authentications.", failure.Message));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Write(Problems.Details(StatusCodes.Status403Forbidden, "missing-role",
            "The caller may not do this.", "The department's roles do not allow this operation."));

    private Task Write(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        Response.StatusCode = problem.Status!.Value;
        Response.ContentType = "application/problem+json";
        return Response.WriteAsync(JsonSerializer.Serialize(problem, ApiJson.Options));
    }
}
