using CatalogHub.Catalogue;

namespace CatalogHub.ImplementationLists.Publishing;

public static class PublishImplementationListEndpoint
{
    /// <summary>
    /// Publishes the reviewed draft as the next immutable version (the region's catalogue manager only). Refused
    /// (422, each offending element in <c>errors</c>) when the content may not become law, and when the base
    /// entry has no published version in legal force at the list version's effective time: a list implements
    /// an item that is law, so it cannot take effect before, or after the repeal of, the item it implements. So too
    /// for the proof items its materials are and the intermediary services it needs (422 <c>reference-not-in-force</c>).
    /// </summary>
    [WolverinePost("/implementation-lists/{id}/publish", Name = "PublishImplementationList")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Implementation lists: publishing")]
    [ProducesResponseType<ImplementationListDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, Publish command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return PublicationWrites.Publish<ImplementationList>(id, command, http, user, session, now,
            async (list, effectiveAt) => ImplementationListRules.PublishProblem(list.Draft)
                ?? await EntryInForce(session, list.EntryId, effectiveAt, http.RequestAborted)
                ?? await PublishRefusals.ReferencesNotInForce(session, ImplementationListRules.References(list.Draft), effectiveAt, http.RequestAborted),
            (list, caller, effectiveAt) => new ImplementationListPublished(id, list.Lifecycle.LatestVersion + 1, list.EntryId, list.ItemCode,
                list.RegionCode, list.Draft, effectiveAt, command.Note, caller.DepartmentCode, now), ImplementationListDraftView.Of);
    }

    private static async Task<IResult?> EntryInForce(IQuerySession session, Guid entryId, DateTimeOffset effectiveAt, CancellationToken ct)
    {
        var entry = await EntryQueries.AsOf(session, entryId, effectiveAt, ct);
        if (entry.InForce is not null) return null;
        return entry.Repeal is { } repeal && repeal.EffectiveAt <= effectiveAt
            ? Problems.Rule("entry-repealed", $"The base catalogue entry is repealed with effect from {repeal.EffectiveAt:O}.", "effectiveAt")
            : Problems.Rule("entry-not-in-force",
                $"The base catalogue entry has no published version in force at {effectiveAt:O}; publish it first, or let the list take effect later.", "effectiveAt");
    }
}
