
namespace CatalogHub.Departments.Keys;

public sealed record RevokeApiKey(string Reason);

public static class RevokeApiKeyEndpoint
{
    /// <summary>Revokes a key at once. A hub-admin may revoke any key; a department may revoke its own.</summary>
    [WolverinePost("/departments/{id}/keys/{keyId}/revoke", Name = "RevokeApiKey")]
    [ProblemCodes(403, "not-key-owner")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Departments")]
    [ProducesResponseType<DepartmentView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Post(Guid id, string keyId, RevokeApiKey command, HttpContext http, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock)
    {
        var input = new Validation();
        input.Text("reason", command.Reason, 500);
        if (input.Failed) return input.Problem();

        var caller = Caller.Required(user);
        if (!caller.Has(Role.HubAdmin) && caller.DepartmentId != id)
            return Problems.Forbidden("not-key-owner", "Only the key's department or a hub-admin may revoke it.");
        var stream = await session.Events.FetchForWriting<Department>(id, http.RequestAborted);
        var key = stream.Aggregate?.Keys.SingleOrDefault(k => k.KeyId == keyId);
        if (stream.Aggregate is null || key is null) return Problems.NotFound("The key");
        // Revoking twice is what the caller meant anyway: answer with the state, record nothing new.
        if (key.RevokedAt is not null) return TypedResults.Ok(DepartmentView.For(stream.Aggregate, caller));

        var revoked = new ApiKeyRevoked(id, keyId, command.Reason, caller.DepartmentCode, clock.GetUtcNow());
        stream.AppendOne(revoked);
        session.Record(caller, command.Reason, http);
        return TypedResults.Ok(DepartmentView.For(stream.Aggregate.Apply(revoked), caller));
    }
}
