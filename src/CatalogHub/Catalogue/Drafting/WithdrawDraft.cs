
namespace CatalogHub.Catalogue.Drafting;

/// <summary>Discards the pending draft. A never-published entry is thereby closed; a published one keeps its versions.</summary>
public sealed record WithdrawDraft(string Reason);

public static class WithdrawDraftEndpoint
{
    [WolverinePost("/catalogue/entries/{id}/withdraw", Name = "WithdrawDraft")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: drafting")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, WithdrawDraft command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationWrites.Change<Entry>(id, command.Reason, new Validation(), http, user, session, PublicationAccess.MayEdit,
            (entry, caller) => Decision.Unless(LifecycleRules.CanWithdraw(entry.Lifecycle),
                () => new EntryDraftWithdrawn(id, caller.DepartmentCode, clock.GetUtcNow())), EntryDraftView.Of);
}
