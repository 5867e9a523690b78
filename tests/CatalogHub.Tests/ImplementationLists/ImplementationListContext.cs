using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.ImplementationLists;

/// <summary>Given-states of implementation lists: a published 食品经营许可 entry of 许昌市 and its service guide.</summary>
public abstract class ImplementationListContext(AppFixture fixture) : CatalogueContext(fixture)
{
    /// <summary>营业执照, issued by the State Administration for Market Regulation (type code: its credit code + serial).</summary>
    public const string BusinessLicenceType = "11100000000013338W001";
    /// <summary>居民身份证, issued by the Ministry of Public Security.</summary>
    public const string IdentityCardType = "11100000000013127D001";

    private static LegalBasis FoodSafetyLaw(string article) => new("中华人民共和国食品安全法", "法律", article);
    private static LegalBasis LicensingLaw(string article) => new("中华人民共和国行政许可法", "法律", article);

    public static Material Applicant(string name, bool required = true) =>
        new(name, required, MaterialForm.Both, 1, MaterialSource.Applicant, null);

    /// <summary>The service guide of 食品经营许可 in 许昌市, complete and publishable.</summary>
    public static ImplementationListContent FoodGuide() => new(
        ServiceObjects: ["企业法人", "个体工商户", "其他组织"],
        Conditions:
        [
            new("申请人已依法取得营业执照等合法主体资格", FoodSafetyLaw("第三十五条")),
            new("具有与经营的食品品种、数量相适应的经营场所", FoodSafetyLaw("第三十三条第一款第一项")),
        ],
        Steps:
        [
            new("受理", "窗口当场或者在五个工作日内作出是否受理的决定", LicensingLaw("第三十二条")),
            new("审查", "对申请材料进行审查，必要时进行现场核查", LicensingLaw("第三十四条")),
            new("决定", "作出准予或者不予许可的书面决定", LicensingLaw("第三十八条")),
            new("送达", "颁发食品经营许可证", LicensingLaw("第四十四条")),
        ],
        Materials:
        [
            Applicant("食品经营许可申请书"),
            new("营业执照", true, MaterialForm.Electronic, 1, MaterialSource.ELicence, BusinessLicenceType),
            new("法定代表人居民身份证", true, MaterialForm.Electronic, 1, MaterialSource.ELicence, IdentityCardType),
            Applicant("主要设备设施布局图及操作流程说明"),
            Applicant("食品安全管理制度文本"),
            Applicant("委托代理人授权委托书", required: false),
        ],
        ReviewStandard: "依据《食品经营许可和备案管理办法》第十二条至第十五条审查经营场所、设备设施、管理制度与经营项目是否相适应",
        StatutoryLimitDays: 20,
        PromisedLimitDays: 5,
        Result: "食品经营许可证",
        Free: true,
        Fees: [],
        Channels: ["许昌市政务服务中心市场监管窗口", "河南政务服务网（许昌市站点）"],
        ProgressQuery: "河南政务服务网“办件查询”，或拨打12345政务服务便民热线",
        Remedies: new("自知道之日起六十日内向许昌市人民政府申请行政复议", "自知道之日起六个月内向许昌市魏都区人民法院提起行政诉讼"));

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
