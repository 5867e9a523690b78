
namespace CatalogHub.ImplementationLists.Drafting;

public static class SubmitImplementationListEndpoint
{
    [WolverinePost("/implementation-lists/{id}/submit", Name = "SubmitImplementationList")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Implementation lists: drafting")]
    [ProducesResponseType<ImplementationListDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, SubmitForReview command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationWrites.Submit<ImplementationList>(id, command, http, user, session,
            (_, caller) => new ImplementationListSubmittedForReview(id, caller.DepartmentCode, clock.GetUtcNow()), ImplementationListDraftView.Of);
}
