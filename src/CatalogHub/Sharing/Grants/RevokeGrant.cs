
namespace CatalogHub.Sharing.Grants;

public sealed record RevokeGrant(string Reason);

public static class RevokeGrantEndpoint
{
    /// <summary>Ends a grant at once; by its grantor department or a hub-admin. Revoking twice is a no-op.</summary>
    [WolverinePost("/sharing/grants/{id}/revoke", Name = "RevokeGrant")]
    [ProblemCodes(403, "not-grantor")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: grants")]
    [ProducesResponseType<GrantView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static Task<IResult> Post(Guid id, RevokeGrant command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        StreamWrites.Change<Grant>(id, command.Reason, new Validation(), http, user, session,
            (caller, grant) => caller.DepartmentCode == grant.GrantedBy || caller.Has(Role.HubAdmin) ? null
                : Problems.Forbidden("not-grantor", "Only the department that granted access, or a hub-admin, revokes it."),
            (grant, caller) => grant.RevokedAt is not null ? Decision.Nothing
                : Decision.Record(new GrantRevoked(id, command.Reason, caller.DepartmentCode, clock.GetUtcNow())),
            GrantView.Of);
}
