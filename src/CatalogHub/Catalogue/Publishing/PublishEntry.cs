
namespace CatalogHub.Catalogue.Publishing;

/// <summary>Publishes the reviewed draft as the next immutable version.</summary>
/// <param name="EffectiveAt">When the version takes legal effect; now when omitted, and never earlier than now.</param>
public sealed record PublishEntry(DateTimeOffset? EffectiveAt, string? Note, string Reason);

public static class PublishEntryEndpoint
{
    [WolverinePost("/catalogue/entries/{id}/publish", Name = "PublishEntry")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: publishing")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, PublishEntry command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var input = new Validation();
        input.Text("note", command.Note, 500, required: false);
        var now = clock.GetUtcNow();
        var effectiveAt = command.EffectiveAt ?? now;
        return PublicationWrites.Change<Entry>(id, command.Reason, input, http, user, session, PublicationAccess.MayPublish,
            (entry, caller) => Decision.Unless(LifecycleRules.CanPublish(entry.Lifecycle, effectiveAt, now),
                () => new EntryPublished(id, entry.Lifecycle.LatestVersion + 1, entry.ItemCode, entry.RegionCode, entry.DerivedFrom,
                    entry.Draft, effectiveAt, command.Note, caller.DepartmentCode, now)), EntryDraftView.Of);
    }
}
