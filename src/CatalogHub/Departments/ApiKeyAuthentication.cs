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
    IDocumentStore store, ApiKeyCache cache, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string FailureKey = "cataloghub:auth-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey();
        if (key is null) return AuthenticateResult.NoResult();

        var keyId = ApiKeys.KeyIdOf(key);
        if (keyId is null) return Fail("malformed-api-key", "The API key is not in the form chk_{keyId}_{secret}.");

        var (department, recalled) = cache.Find(keyId) is { } cached ? (cached, false) : await LoadOrRecall(keyId);
        var info = department?.Keys.SingleOrDefault(k => k.KeyId == keyId);
        if (department is null || info is null || !ApiKeys.Matches(key, info.KeyHash))
        {
            Logger.LogInformation("Rejected unknown API key {KeyId}", keyId);
            return Fail("unknown-api-key", "The API key is not known.");
        }
        if (info.RevokedAt is not null) return Fail("revoked-api-key", "The API key has been revoked.");
        if (!info.IsUsableAt(clock.GetUtcNow())) return Fail("expired-api-key", "The API key has expired.");

        if (!recalled) cache.Keep(keyId, department);
        var caller = new Caller(department.Id, department.Code, department.RegionCode, keyId, department.Roles.ToHashSet());
        return AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
    }

    /// <summary>
    /// While the store is unreachable, a key this node accepted within <see cref="ApiKeyCache.OutageGrace"/> still
    /// authenticates, so what is served from memory (the basis check) keeps answering; everything else answers 503
    /// anyway. Any other key gets the store's failure: 503, not 401.
    /// </summary>
    private async Task<(Department?, bool Recalled)> LoadOrRecall(string keyId)
    {
        try
        {
            return (await Load(keyId), false);
        }
        catch (Exception e) when (StoreFailures.IsUnavailable(e) && cache.Recall(keyId) is { } known)
        {
            return (known, true);
        }
    }

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

    private AuthenticateResult Fail(string code, string message)
    {
        Context.Items[FailureKey] = (code, message);
        return AuthenticateResult.Fail(message);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var (code, message) = Context.Items[FailureKey] as (string, string)? ??
            ("missing-api-key", "This endpoint needs an API key: send 'Authorization: ApiKey {key}'.");
        Response.Headers.WWWAuthenticate = SchemeName;
        return Write(Problems.Details(StatusCodes.Status401Unauthorized, code, "Authentication is required.", message));
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
