
namespace CatalogHub.Catalogue.Reading;

public static class ListDraftsEndpoint
{
    /// <summary>
    /// Entries with pending work (drafting or in review) that the caller may edit: its own department's,
    /// plus, for a catalogue manager, every pending entry of its region.
    /// </summary>
    [WolverineGet("/catalogue/drafts", Name = "ListDrafts")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: drafting")]
    [ProducesResponseType<IReadOnlyList<EntryDraftView>>(StatusCodes.Status200OK)]
    public static async Task<IReadOnlyList<EntryDraftView>> Get(ClaimsPrincipal user, IQuerySession session, HttpContext http)
    {
        var caller = Caller.Required(user);
        var manager = caller.Has(Role.CatalogueManager);
        var pending = await session.Query<Entry>()
            .Where(e => e.Lifecycle.Stage == Stage.Drafting || e.Lifecycle.Stage == Stage.InReview)
            .Where(e => e.OwnerDepartmentId == caller.DepartmentId || (manager && e.RegionCode == caller.RegionCode))
            .OrderBy(e => e.ItemCode)
            .Take(1000)
            .ToListAsync(http.RequestAborted);
        return [.. pending.Select(EntryDraftView.From)];
    }
}
