
namespace CatalogHub.Catalogue.Repealing;

/// <summary>Ends the legal effect of an entry at <paramref name="EffectiveAt"/> (now when omitted), citing why (取消、调整, 002:12).</summary>
public sealed record RepealEntry(DateTimeOffset? EffectiveAt, string Basis, string Reason);

public static class RepealEntryEndpoint
{
    [WolverinePost("/catalogue/entries/{id}/repeal", Name = "RepealEntry")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: publishing")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, RepealEntry command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var input = new Validation();
        input.Text("basis", command.Basis, 500);
        var now = clock.GetUtcNow();
        var effectiveAt = command.EffectiveAt ?? now;
        return PublicationWrites.Change<Entry>(id, command.Reason, input, http, user, session, PublicationAccess.MayPublish,
            (entry, caller) => Decision.Unless(LifecycleRules.CanRepeal(entry.Lifecycle, effectiveAt, now),
                () => new EntryRepealed(id, effectiveAt, command.Reason, command.Basis, caller.DepartmentCode, now)), EntryDraftView.Of);
    }
}
