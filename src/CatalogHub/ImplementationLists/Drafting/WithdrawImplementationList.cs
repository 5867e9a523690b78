
namespace CatalogHub.ImplementationLists.Drafting;

public static class WithdrawImplementationListEndpoint
{
    [WolverinePost("/implementation-lists/{id}/withdraw", Name = "WithdrawImplementationList")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Implementation lists: drafting")]
    [ProducesResponseType<ImplementationListDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, WithdrawDraft command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationWrites.Withdraw<ImplementationList>(id, command, http, user, session,
            (_, caller) => new ImplementationListDraftWithdrawn(id, caller.DepartmentCode, clock.GetUtcNow()), ImplementationListDraftView.Of);
}
