using CatalogHub.Publication.Lists;

namespace CatalogHub.Catalogue.Drafting;

/// <summary>Starts a new base catalogue entry as a draft of the caller's department, in the caller's region.</summary>
/// <param name="DerivedFrom">For a county entry taken over from the city (承接): the city entry it derives from.</param>
public sealed record DraftEntry(string ItemCode, string RegionCode, EntryContent Content, Guid? DerivedFrom, string Reason);

public static class DraftEntryEndpoint
{
    [WolverinePost("/catalogue/entries", Name = "DraftEntry"), Idempotent]
    [ProblemCodes(typeof(EntryContentRules), nameof(EntryContentRules.CheckItemCode))]
    [ProblemCodes(typeof(EntryContentRules), nameof(EntryContentRules.Check))]
    [ProblemCodes(400, "invalid-region-code", "unknown-region")]
    [ProblemCodes(403, "other-region")]
    [ProblemCodes(409, "duplicate-item-code")]
    [ProblemCodes(422, "derived-entry-not-published", "derivation-not-from-parent-region")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static async Task<IResult> Post(
        DraftEntry command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var input = new Validation();
        EntryContentRules.CheckItemCode(input, command.ItemCode);
        RegionCode.CheckCurrent(input, "regionCode", command.RegionCode);
        EntryContentRules.Check(input, command.Content);
        input.Text("reason", command.Reason, 500);
        if (input.Failed) return input.Problem();

        var caller = Caller.Required(user);
        if (command.RegionCode != caller.RegionCode)
            return Problems.Forbidden("other-region", $"A department of {caller.RegionCode} drafts entries of its own region only.");
        var list = CatalogueList.Definition;
        if ((await list.CodesTaken(session, command.RegionCode, [command.ItemCode], http.RequestAborted)).Count > 0)
            return Problems.Conflict(list.DuplicateCodeProblem, $"{command.RegionCode} already has an entry {command.ItemCode}.", "itemCode");
        if (command.DerivedFrom is { } source
            && await Derivation.Refusal(session, list.Name, source, command.RegionCode, list.DerivedNotPublishedProblem, http.RequestAborted) is { } refused)
            return refused;

        var id = Guid.CreateVersion7();
        var drafted = new ItemDrafted<EntryContent>(id, command.RegionCode, command.ItemCode, caller.DepartmentId, caller.DepartmentCode,
            command.DerivedFrom, command.Content, caller.DepartmentCode, clock.GetUtcNow());
        session.Events.StartStream<ListItem<EntryContent>>(id, drafted);
        session.Record(caller, command.Reason, http);

        http.SetETag(1);
        return Idempotency.Created(session, http, $"/catalogue/entries/{id}/draft",
            EntryDraftView.Of(ItemDraftView<EntryContent>.Of(CatalogueList.Name, ListItem<EntryContent>.Started(drafted), 1)));
    }
}
