using CatalogHub.Catalogue;
using CatalogHub.Demo;
using CatalogHub.ImplementationLists;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.ImplementationLists;

/// <summary>Given-states of implementation lists: a published 食品经营许可 entry of 许昌市 and its service guide.</summary>
public abstract class ImplementationListContext(AppFixture fixture) : CatalogueContext(fixture)
{
    /// <summary>营业执照, issued by the State Administration for Market Regulation (type code: its credit code + serial).</summary>
    public const string BusinessLicenceType = DemoData.BusinessLicenceType;
    /// <summary>居民身份证, issued by the Ministry of Public Security.</summary>
    public const string IdentityCardType = DemoData.IdentityCardType;

    public static Material Applicant(string name, bool required = true) => DemoData.Applicant(name, required);

    /// <summary>The service guide of 食品经营许可 in 许昌市, complete and publishable (the demo dataset's).</summary>
    public static ImplementationListContent FoodGuide() => DemoData.FoodBusinessGuide();

    public static object DraftListOf(Guid entryId, ImplementationListContent content, string region = "411000") =>
        new { entryId, regionCode = region, content, reason = "依据《许昌市政务服务条例》第十四条编制实施清单" };

    protected async Task<ImplementationListDraftView> DraftList(Guid entryId, ImplementationListContent? content = null, string? key = null) =>
        Read<ImplementationListDraftView>(await Post("/implementation-lists", DraftListOf(entryId, content ?? FoodGuide()), key ?? Market.Key, 201));

    protected async Task<ImplementationListDraftView> SubmitList(ImplementationListDraftView list) =>
        Read<ImplementationListDraftView>(await Post($"/implementation-lists/{list.Id}/submit", new { reason = "提交审核" }, Market.Key, 200, $"\"{list.Version}\""));

    protected async Task<ImplementationListDraftView> PublishList(ImplementationListDraftView list, DateTimeOffset? effectiveAt = null) =>
        Read<ImplementationListDraftView>(await Post($"/implementation-lists/{list.Id}/publish",
            new { effectiveAt, note = "按条例公布实施清单", reason = "经审核同意公布" }, Admin.Key, 200, $"\"{list.Version}\""));

    protected async Task<ImplementationListDraftView> ReviseList(ImplementationListDraftView list, ImplementationListContent content) =>
        Read<ImplementationListDraftView>(await Put($"/implementation-lists/{list.Id}/draft", new { content, reason = "调整办事指南" },
            Market.Key, 200, $"\"{list.Version}\""));

    protected async Task<ImplementationListDraftView> RepealList(ImplementationListDraftView list, DateTimeOffset effectiveAt) =>
        Read<ImplementationListDraftView>(await Post($"/implementation-lists/{list.Id}/repeal",
            new { effectiveAt, basis = "《国务院关于取消和下放一批行政许可事项的决定》", reason = "事项调整" }, Admin.Key, 200, $"\"{list.Version}\""));

    /// <summary>A published entry and its list, drafted, submitted and published.</summary>
    protected async Task<(EntryDraftView Entry, ImplementationListDraftView List)> PublishedGuide(
        DateTimeOffset? entryEffectiveAt = null, DateTimeOffset? listEffectiveAt = null, ImplementationListContent? content = null)
    {
        var entry = await Published(effectiveAt: entryEffectiveAt);
        var list = await PublishList(await SubmitList(await DraftList(entry.Id, content)), listEffectiveAt ?? entryEffectiveAt);
        return (entry, list);
    }
}
