namespace CatalogHub.Site.Pages.Public;

/// <summary>
/// Every other published list of a region on a date (<see cref="ListRegistry.All"/>, generically): without a list, each list
/// with how many items are in force; with one, its items in force, in code order.
/// </summary>
public sealed class ListsModel(IQuerySession session, TimeProvider clock) : SitePage(clock)
{
    public const int PageSize = 50;

    public SiteList? List { get; private set; }
    public IReadOnlyList<(SiteList List, long Total)> Counts { get; private set; } = [];
    public long Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<SiteVersion> Items { get; private set; } = [];

    /// <summary>The base catalogue has a page of its own (filters, service guides); every other list is listed here.</summary>
    public static IEnumerable<SiteList> Others => SiteList.All.Where(l => l.Name != CatalogHub.Catalogue.CatalogueList.Name);

    public async Task<IActionResult> OnGetAsync(string region, string? list, string? date, [FromQuery(Name = "page")] string? pageText)
    {
        if (ReadPlace(region, date) is { } answer) return answer;
        var ct = HttpContext.RequestAborted;
        if (list is null)
        {
            var counts = new List<(SiteList, long)>();
            foreach (var l in Others) counts.Add((l, (await l.InForce(session, RegionCode, AsKnownNow, new Paging(1, 1), ct)).Total));
            Counts = counts;
            return Page();
        }
        if (list == CatalogHub.Catalogue.CatalogueList.Name) return Redirect(Links.Catalogue());
        if (SiteList.Find(list) is not { } found) return NotFoundPage($"没有名为“{list}”的清单。");
        if (pageText is not null && !(int.TryParse(pageText, out var number) && number is >= 1 and <= Paging.MaxPage))
            return Fail(StatusCodes.Status400BadRequest, "页码有误", $"页码须为 1 至 {Paging.MaxPage} 之间的整数。");
        (List, PageNumber) = (found, pageText is null ? 1 : int.Parse(pageText));
        (Total, Items) = await found.InForce(session, RegionCode, AsKnownNow, new Paging(PageNumber, PageSize), ct);
        return Page();
    }
}
