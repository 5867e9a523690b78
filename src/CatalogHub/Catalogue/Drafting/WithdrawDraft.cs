
namespace CatalogHub.Catalogue.Drafting;

public static class WithdrawDraftEndpoint
{
    [WolverinePost("/catalogue/entries/{id}/withdraw", Name = "WithdrawDraft")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: drafting")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, WithdrawDraft command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationWrites.Withdraw<Entry>(id, command, http, user, session,
            (_, caller) => new EntryDraftWithdrawn(id, caller.DepartmentCode, clock.GetUtcNow()), EntryDraftView.Of);
}
