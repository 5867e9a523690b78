namespace CatalogHub.Site.Pages.Console;

/// <summary>
/// A catalogue manager's review queue: the drafts of its region submitted for review, across every list (chosen as the API's
/// drafts operations choose them), each with how many fields differ from the version in force; the item's page shows the
/// diff field by field and publishes.
/// </summary>
public sealed class ReviewModel(IQuerySession session, IAuthorizationService authorization, TimeProvider clock) : ConsolePage(authorization)
{
    public IReadOnlyList<(SiteDraft Draft, SiteList List, int Changes, int? InForce)> Queue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = ReadCaching.NoStore;
        if (!Caller.Has(Role.CatalogueManager) || !await May(Policies.CatalogueWriter)) return Forbidden();
        var ct = HttpContext.RequestAborted;
        var now = clock.GetUtcNow();
        var queue = new List<(SiteDraft, SiteList, int, int?)>();
        foreach (var list in SiteList.All)
            foreach (var draft in (await list.Drafts(session, Caller, ct)).Where(d => d.Stage == Stage.InReview && d.RegionCode == Caller.RegionCode))
            {
                var item = await list.Item(session, draft.Id, Caller, ct);
                var inForce = (await list.AsOf(session, draft.Id, Clocks.Current(now, now), ct)).InForce;
                queue.Add((draft, list, item is null ? 0 : JsonDiff.Of(inForce?.Content, item.Draft).Count, inForce?.Citation.Version));
            }
        Queue = queue;
        return Page();
    }
}
