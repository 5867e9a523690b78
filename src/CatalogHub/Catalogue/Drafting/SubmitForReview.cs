
namespace CatalogHub.Catalogue.Drafting;

public sealed record SubmitForReview(string Reason);

public static class SubmitForReviewEndpoint
{
    [WolverinePost("/catalogue/entries/{id}/submit", Name = "SubmitForReview")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: drafting")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, SubmitForReview command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationWrites.Change<Entry>(id, command.Reason, new Validation(), http, user, session, PublicationAccess.MayEdit,
            (entry, caller) => Decision.Unless(LifecycleRules.CanSubmit(entry.Lifecycle),
                () => new EntrySubmittedForReview(id, caller.DepartmentCode, clock.GetUtcNow())), EntryDraftView.Of);
}
