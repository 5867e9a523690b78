using System.Text.Json;
using CatalogHub.BasisCheck;
using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;

namespace CatalogHub.Site.Pages.Public;

/// <summary>
/// A catalogue item as of a date: the version in force with its citation, and its service guide (办事指南: the item's
/// implementation list in force then), printable on A4. The guide is found as the basis check finds it (the published index,
/// by region and item code) and read from the store like any as-of read.
/// </summary>
public sealed class EntryModel(IQuerySession session, PublishedIndex index, TimeProvider clock) : SitePage(clock)
{
    public ItemVersion<EntryContent> Entry { get; private set; } = null!;
    public SiteVersion EntryVersion { get; private set; } = null!;
    public ItemVersion<ImplementationListContent>? Guide { get; private set; }
    public SiteVersion? GuideVersion { get; private set; }
    public RepealCitation? GuideRepeal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string region, Guid id, string? date)
    {
        if (ReadPlace(region, date) is { } answer) return answer;
        var ct = HttpContext.RequestAborted;
        var found = await EntryQueries.AsOf(session, id, AsKnownNow, ct);
        if (found.InForce is not { } entry || entry.RegionCode != RegionCode)
            return NotFoundPage(found.Repeal is { } repeal && repeal.EffectiveAt <= Instant
                ? $"该事项已于 {SiteText.Time(repeal.EffectiveAt)} 废止：{repeal.Reason}"
                : $"{Date} {RegionName}没有施行中的此事项（可能尚未发布、尚未施行，或从未公布）。");
        (Entry, EntryVersion) = (entry, SiteVersion.From(entry));

        if (index.Find(ImplementationListsList.Name, entry.RegionCode, entry.Code) is { } timeline)
        {
            var guide = await AsOfReads.Read<ItemVersion<ImplementationListContent>, ItemRepeal>(session, ImplementationListsList.Name,
                ImplementationListsList.Definition.VersionsTable, timeline.Id, AsKnownNow, ct);
            (Guide, GuideRepeal) = (guide.InForce, guide.Repeal is { } r && r.EffectiveAt <= Instant ? r.Citation : null);
            GuideVersion = Guide is null ? null : SiteVersion.From(Guide);
        }
        return Page();
    }

    public static string Source(Material m) => m.Source switch
    {
        MaterialSource.ELicence => $"电子证照（类型 {m.LicenceTypeCode}），无需提交纸质材料",
        MaterialSource.SharedData => "部门间共享获取，无需申请人提交",
        _ => "申请人提交",
    };

    public static string Form(Material m) => m.Form is { } form ? SiteText.Value(JsonSerializer.SerializeToElement(form, ApiJson.Options).GetString()!) : "不限";
}
