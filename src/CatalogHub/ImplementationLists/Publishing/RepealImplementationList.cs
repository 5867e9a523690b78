
namespace CatalogHub.ImplementationLists.Publishing;

public static class RepealImplementationListEndpoint
{
    /// <summary>Ends the list's legal effect at the given time (the region's catalogue manager only).</summary>
    [WolverinePost("/implementation-lists/{id}/repeal", Name = "RepealImplementationList")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Implementation lists: publishing")]
    [ProducesResponseType<ImplementationListDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, Repeal command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return PublicationWrites.Repeal<ImplementationList>(id, command, http, user, session, now,
            (_, caller, effectiveAt) => new ImplementationListRepealed(id, effectiveAt, command.Reason, command.Basis, caller.DepartmentCode, now),
            ImplementationListDraftView.Of);
    }
}
