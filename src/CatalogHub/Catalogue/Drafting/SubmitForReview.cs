
namespace CatalogHub.Catalogue.Drafting;

public static class SubmitForReviewEndpoint
{
    [WolverinePost("/catalogue/entries/{id}/submit", Name = "SubmitForReview")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: drafting")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, SubmitForReview command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationWrites.Submit<Entry>(id, command, http, user, session,
            (_, caller) => new EntrySubmittedForReview(id, caller.DepartmentCode, clock.GetUtcNow()), EntryDraftView.Of);
}
