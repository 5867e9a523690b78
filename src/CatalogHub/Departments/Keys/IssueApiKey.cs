
namespace CatalogHub.Departments.Keys;

/// <param name="ExpiresAt">Defaults to one year from now; at most two years ahead.</param>
public sealed record IssueApiKey(string Label, DateTimeOffset? ExpiresAt, string Reason);

/// <summary>The only response that ever contains the key. Store it now: the hub keeps its hash only.</summary>
public sealed record IssuedApiKey(string KeyId, string Key, DateTimeOffset ExpiresAt);

public static class IssueApiKeyEndpoint
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(365);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(730);

    /// <summary>Issues a department a new API key, valid for a year unless the request says otherwise (at most two); the key is shown in this response only.</summary>
    [WolverinePost("/departments/{id}/keys", Name = "IssueApiKey")]
    [ProblemCodes(400, "out-of-range")]
    [ProblemCodes(409, "department-deregistered")]
    [Authorize(Policy = Policies.HubAdmin)]
    [Tags("Departments")]
    [ProducesResponseType<IssuedApiKey>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Post(Guid id, IssueApiKey command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var input = new Validation();
        input.Text("label", command.Label, 100);
        input.Text("reason", command.Reason, 500);
        input.Check(command.ExpiresAt is null || (command.ExpiresAt > now && command.ExpiresAt <= now + MaxLifetime),
            "expiresAt", "out-of-range", "must be in the future and at most two years ahead.");
        if (input.Failed) return input.Problem();

        var stream = await session.Events.FetchForWriting<Department>(id, http.RequestAborted);
        if (stream.Aggregate is null) return Problems.NotFound("The department");
        if (stream.Aggregate.DeregisteredAt is not null)
            return Problems.Conflict("department-deregistered", "The department has been deregistered; its keys can never authenticate.", "id");

        var caller = Caller.Required(user);
        var (issued, key) = Issue(id, command.Label, command.ExpiresAt ?? now + DefaultLifetime, caller.DepartmentCode, now);
        stream.AppendOne(issued);
        session.Record(caller, command.Reason, http);
        return TypedResults.Created($"/departments/{id}", new IssuedApiKey(issued.KeyId, key, issued.ExpiresAt));
    }

    public static (ApiKeyIssued Event, string Key) Issue(Guid departmentId, string label, DateTimeOffset expiresAt, string by, DateTimeOffset now)
    {
        var (keyId, key) = ApiKeys.Generate();
        return (new ApiKeyIssued(departmentId, keyId, ApiKeys.Hash(key), label, expiresAt, by, now), key);
    }
}
