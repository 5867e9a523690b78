namespace CatalogHub.Site.Pages.Public;

/// <summary>An item of any registered list as of a date: its version in force, rendered from its content, with its citation.</summary>
public sealed class ListItemModel(IQuerySession session, TimeProvider clock) : SitePage(clock)
{
    public SiteList List { get; private set; } = null!;
    public SiteVersion Version { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string region, string list, Guid id, string? date)
    {
        if (ReadPlace(region, date) is { } answer) return answer;
        if (SiteList.Find(list) is not { } found) return NotFoundPage($"没有名为“{list}”的清单。");
        if (list == CatalogHub.Catalogue.CatalogueList.Name) return Redirect(Links.Entry(id));
        var asOf = await found.AsOf(session, id, AsKnownNow, HttpContext.RequestAborted);
        if (asOf.InForce is not { } version || version.RegionCode != RegionCode)
            return NotFoundPage(asOf.Repeal is { } repeal && repeal.EffectiveAt <= Instant
                ? $"该项已于 {SiteText.Time(repeal.EffectiveAt)} 废止（取消）：{repeal.Reason}"
                : $"{Model(found)}中没有 {Date} 施行的此项（可能尚未发布、尚未施行，或从未公布）。");
        (List, Version) = (found, version);
        return Page();
    }

    private string Model(SiteList list) => RegionName + list.Caption;
}
