using CatalogHub.Catalogue;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Catalogue;

/// <summary>Given-states of the base catalogue, reached through the API as a department would.</summary>
public abstract class CatalogueContext(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>A service department of 许昌市 that drafts; <see cref="IntegrationContext.Admin"/> is the city's catalogue manager.</summary>
    protected TestDepartment Market { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Market = await Register(TestDepartments.MarketRegulation);
    }

    public static EntryContent FoodLicence(string name = "食品经营许可") => new(
        name, "行政许可", "许昌市市场监督管理局", "许昌市市场监督管理局",
        [new LegalBasis("中华人民共和国食品安全法", "法律", "第三十五条"), new LegalBasis("食品经营许可和备案管理办法", "规章", "第二条")],
        "410000-000147011000");

    public static object DraftOf(EntryContent content, string itemCode = "000147011000", string region = "411000", Guid? derivedFrom = null) =>
        new { itemCode, regionCode = region, content, derivedFrom, reason = "依据《许昌市政务服务条例》第十三条编制基本目录" };

    protected async Task<EntryDraftView> Draft(EntryContent? content = null, string itemCode = "000147011000", string? key = null,
        string region = "411000", Guid? derivedFrom = null)
    {
        var result = await Post("/catalogue/entries", DraftOf(content ?? FoodLicence(), itemCode, region, derivedFrom), key ?? Market.Key, 201);
        return Read<EntryDraftView>(result);
    }

    protected async Task<EntryDraftView> Submit(EntryDraftView entry, string? key = null) =>
        Read<EntryDraftView>(await Post($"/catalogue/entries/{entry.Id}/submit", new { reason = "提交审核" }, key ?? Market.Key, 200, $"\"{entry.Version}\""));

    protected async Task<EntryDraftView> Publish(EntryDraftView entry, DateTimeOffset? effectiveAt = null, string? key = null) =>
        Read<EntryDraftView>(await Post($"/catalogue/entries/{entry.Id}/publish",
            new { effectiveAt, note = "按条例公布", reason = "经审核同意公布" }, key ?? Admin.Key, 200, $"\"{entry.Version}\""));

    protected async Task<EntryDraftView> Revise(EntryDraftView entry, EntryContent content, string? key = null) =>
        Read<EntryDraftView>(await Put($"/catalogue/entries/{entry.Id}/draft", new { content, reason = "法律修订后调整" }, key ?? Market.Key, 200, $"\"{entry.Version}\""));

    /// <summary>Drafted, submitted and published in one go.</summary>
    protected async Task<EntryDraftView> Published(EntryContent? content = null, string itemCode = "000147011000", DateTimeOffset? effectiveAt = null) =>
        await Publish(await Submit(await Draft(content, itemCode)), effectiveAt);
}
