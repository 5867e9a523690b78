using Wolverine;

namespace CatalogHub.Catalogue.Publishing;

public static class PublishEntryEndpoint
{
    /// <summary>Publishes the reviewed draft as the next immutable version (the region's catalogue manager only).</summary>
    [WolverinePost("/catalogue/entries/{id}/publish", Name = "PublishEntry")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: publishing")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, Publish command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMessageBus bus)
    {
        var now = clock.GetUtcNow();
        return PublicationWrites.Publish<Entry>(id, command, http, user, session, now, (_, _) => Task.FromResult<IResult?>(null),
            (entry, caller, effectiveAt) => new EntryPublished(id, entry.Lifecycle.LatestVersion + 1, entry.ItemCode, entry.RegionCode,
                entry.DerivedFrom, entry.Draft, effectiveAt, command.Note, caller.DepartmentCode, now), EntryDraftView.Of, bus);
    }
}
