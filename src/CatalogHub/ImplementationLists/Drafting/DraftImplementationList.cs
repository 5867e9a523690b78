using CatalogHub.Catalogue;
using CatalogHub.Publication.Lists;

namespace CatalogHub.ImplementationLists.Drafting;

/// <summary>
/// Starts the implementation list of a base catalogue entry in the caller's region, as a draft of the caller's
/// department. The entry may be of that region or of a region above it (a county implements a city item); a region
/// has one list per item code, which is how the basis check finds it.
/// </summary>
public sealed record DraftImplementationList(Guid EntryId, string RegionCode, ImplementationListContent Content, string Reason);

public static class DraftImplementationListEndpoint
{
    [WolverinePost("/implementation-lists", Name = "DraftImplementationList"), Idempotent]
    [ProblemCodes(typeof(ImplementationListRules), nameof(ImplementationListRules.Check))]
    [ProblemCodes(400, "invalid-region-code", "unknown-region")]
    [ProblemCodes(403, "other-region")]
    [ProblemCodes(409, "duplicate-list")]
    [ProblemCodes(422, "entry-not-found", "entry-of-other-region")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Implementation lists")]
    [ProducesResponseType<ImplementationListDraftView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static async Task<IResult> Post(
        DraftImplementationList command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var input = new Validation();
        input.Check(command.EntryId != Guid.Empty, "entryId", "required", "is required.");
        RegionCode.CheckCurrent(input, "regionCode", command.RegionCode);
        ImplementationListRules.Check(input, command.Content);
        input.Text("reason", command.Reason, 500);
        if (input.Failed) return input.Problem();

        var caller = Caller.Required(user);
        if (command.RegionCode != caller.RegionCode)
            return Problems.Forbidden("other-region", $"A department of {caller.RegionCode} drafts lists of its own region only.");
        var entry = await session.LoadAsync<ListItem<EntryContent>>(command.EntryId, http.RequestAborted);
        // A draft entry of another department stays invisible: the caller learns nothing of it.
        if (entry is null || (entry.Lifecycle.LatestVersion == 0 && !PublicationAccess.MaySeeDrafts(caller, entry)))
            return Problems.Rule("entry-not-found", "There is no base catalogue entry with this id.", "entryId");
        if (!IsSameOrAbove(entry.RegionCode, command.RegionCode))
            return Problems.Rule("entry-of-other-region",
                $"The entry belongs to {entry.RegionCode}; {command.RegionCode} implements entries of its own region or the regions above it.", "entryId");
        if (await session.Query<ListItem<ImplementationListContent>>()
                .AnyAsync(l => l.RegionCode == command.RegionCode && l.Code == entry.Code && l.Lifecycle.Stage != Stage.Withdrawn, http.RequestAborted))
            return Problems.Conflict("duplicate-list", $"{command.RegionCode} already has an implementation list for item {entry.Code}.", "entryId");

        var id = Guid.CreateVersion7();
        var drafted = new ItemDrafted<ImplementationListContent>(id, command.RegionCode, entry.Code, caller.DepartmentId, caller.DepartmentCode,
            null, command.Content with { EntryId = entry.Id }, caller.DepartmentCode, clock.GetUtcNow());
        session.Events.StartStream<ListItem<ImplementationListContent>>(id, drafted);
        session.Record(caller, command.Reason, http);

        http.SetETag(1);
        return Idempotency.Created(session, http, $"/implementation-lists/{id}/draft",
            ImplementationListDraftView.Of(ItemDraftView<ImplementationListContent>.Of(ImplementationListsList.Name, ListItem<ImplementationListContent>.Started(drafted), 1)));
    }

    private static bool IsSameOrAbove(string entryRegion, string listRegion)
    {
        for (string? r = listRegion; r is not null; r = RegionCode.Parent(r))
            if (r == entryRegion) return true;
        return false;
    }
}
