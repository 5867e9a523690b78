using CatalogHub.Filing;

namespace CatalogHub.Site.Pages.Public;

/// <summary>
/// Every published version of an item of any list (drafts never: they are not versions), its repeals, and a field-by-field
/// difference between two versions (by default the last two), computed by the same diff as the filings'.
/// </summary>
public sealed class HistoryModel(IQuerySession session, TimeProvider clock) : SitePage(clock)
{
    public SiteList List { get; private set; } = null!;
    public IReadOnlyList<SiteVersion> Versions { get; private set; } = [];
    public IReadOnlyList<RepealCitation> Repeals { get; private set; } = [];
    public SiteVersion? From { get; private set; }
    public SiteVersion? To { get; private set; }
    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];

    /// <summary>The version in force at the page's instant, if any: histories say which one a citizen would have been shown.</summary>
    public int? InForce { get; private set; }

    public async Task<IActionResult> OnGetAsync(string region, string list, Guid id, string? date, string? from, string? to)
    {
        if (ReadPlace(region, date) is { } answer) return answer;
        if (SiteList.Find(list) is not { } found) return NotFoundPage($"没有名为“{list}”的清单。");
        var (versions, repeals) = await found.Versions(session, id, AsKnownNow, HttpContext.RequestAborted);
        if (versions.Count == 0 || versions[0].RegionCode != RegionCode) return NotFoundPage($"{RegionName}{found.Caption}中没有已公布的此项。");
        (List, Versions, Repeals) = (found, versions, repeals);
        InForce = (await found.AsOf(session, id, AsKnownNow, HttpContext.RequestAborted)).InForce?.Citation.Version;
        if (versions.Count < 2) return Page();

        int? Number(string? text) => int.TryParse(text, out var n) ? n : null;
        if ((from is not null && Number(from) is null) || (to is not null && Number(to) is null))
            return Fail(StatusCodes.Status400BadRequest, "版本号有误", "对比的版本须为整数版本号。");
        var (a, b) = (Number(from) ?? versions[^2].Citation.Version, Number(to) ?? versions[^1].Citation.Version);
        From = versions.FirstOrDefault(v => v.Citation.Version == a);
        To = versions.FirstOrDefault(v => v.Citation.Version == b);
        if (From is null || To is null) return NotFoundPage($"该项没有第 {(From is null ? a : b)} 版。");
        Changes = JsonDiff.Of(From.Content, To.Content);
        return Page();
    }
}
