using Wolverine;

namespace CatalogHub.Catalogue.Repealing;

public static class RepealEntryEndpoint
{
    /// <summary>Ends the entry's legal effect at the given time (the region's catalogue manager only).</summary>
    [WolverinePost("/catalogue/entries/{id}/repeal", Name = "RepealEntry")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: publishing")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, Repeal command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMessageBus bus)
    {
        var now = clock.GetUtcNow();
        return PublicationWrites.Repeal<Entry>(id, command, http, user, session, now,
            (_, caller, effectiveAt) => new EntryRepealed(id, effectiveAt, command.Reason, command.Basis, caller.DepartmentCode, now), EntryDraftView.Of, bus);
    }
}
