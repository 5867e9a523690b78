using System.Text.Json;
using CatalogHub.Catalogue;
using CatalogHub.Filing;
using CatalogHub.Lists.Promises;
using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;
using CatalogHub.Tests.Lists;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Filing;

/// <summary>
/// 魏都区 takes over (承接) 许昌市's entries and files them (备案, 004:11, 002:12): the city sees each filed version with its
/// diff, acknowledges it; when the city publishes again, the county sees "city version changed" until it confirms or
/// publishes anew. Shown for the base catalogue and for the 告知承诺 list, which go through the same code.
/// </summary>
public sealed class Filing_with_the_city(AppFixture fixture) : ListContext(fixture)
{
    private const string WeiduAuthority = "许昌市魏都区行政审批和政务信息管理局";
    private TestDepartment Weidu { get; set; } = null!;
    private TestDepartment Yuzhou { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Weidu = await Register(TestDepartments.WeiduManager);
        Yuzhou = await Register(TestDepartments.YuzhouManager);
    }

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value);

    private async Task<FilingPage> Filings(string query = "", string? key = null) => Read<FilingPage>(await Get($"/filings{query}", key ?? Admin.Key));

    private async Task<IReadOnlyList<CityChangeView>> CityChanges(string? key = null) =>
        Read<CityChangeList>(await Get("/filings/city-changes", key ?? Weidu.Key)).Items;

    private async Task<EntryDraftView> WeiduEntry(Guid cityEntry, EntryContent content) =>
        await Publish(await Submit(await Draft(content, key: Weidu.Key, region: "411002", derivedFrom: cityEntry), Weidu.Key), Now.AddMinutes(2), Weidu.Key);

    [Fact]
    public async Task a_derived_county_entry_is_filed_with_its_diff_acknowledged_by_the_city_and_flagged_when_the_city_moves_on()
    {
        var city = await Published(FoodLicence(), effectiveAt: Now.AddMinutes(1));
        var county = await WeiduEntry(city.Id, FoodLicence() with { ImplementingAuthority = WeiduAuthority });

        // Filed: the city sees exactly the field the county changed, against the city version in force when it took effect.
        var filing = Assert.Single((await Filings()).Items);
        Assert.Equal(("base-catalogue", county.Id, "411002", "411000", 1, city.Id, 1),
            (filing.List, filing.ItemId, filing.RegionCode, filing.ParentRegionCode, filing.Citation.Version, filing.SourceId, filing.SourceCitation!.Version));
        AssertSameJson<IReadOnlyList<FieldChange>>(
            [new("/implementingAuthority", DiffKind.Changed, Json("许昌市市场监督管理局"), Json(WeiduAuthority))], filing.Changes);
        Assert.Equal((FilingStatus.Unacknowledged, 0L), (filing.Status, filing.Version));
        var url = $"/filings/base-catalogue/{county.Id}/1";
        AssertSameJson(filing, Read<FilingView>(await Get(url, Weidu.Key)));

        // 禹州市 is not 魏都区's city: it sees no filing and cannot acknowledge one; the county cannot acknowledge its own.
        Assert.Empty((await Filings(key: Yuzhou.Key)).Items);
        AssertProblem(await Get(url, Yuzhou.Key, 404), "not-found");
        var acknowledge = new { reason = "已审查，承接事项与市级目录一致", note = "实施机关调整为区行政审批局，予以备案" };
        AssertProblem(await Post($"{url}/acknowledge", acknowledge, Yuzhou.Key, 404, "\"0\""), "not-found");
        AssertProblem(await Post($"{url}/acknowledge", acknowledge, Weidu.Key, 403, "\"0\""), "filing-acknowledged-by-parent-region");

        var acknowledged = Read<FilingView>(await Post($"{url}/acknowledge", acknowledge, Admin.Key, 200, "\"0\""));
        Assert.Equal((FilingStatus.Acknowledged, 1L, TestDepartments.HubAdmin.Code, "实施机关调整为区行政审批局，予以备案"),
            (acknowledged.Status, acknowledged.Version, acknowledged.Acknowledgement!.AcknowledgedBy, acknowledged.Acknowledgement.Note));
        var events = await EventCount();
        AssertSameJson(acknowledged, Read<FilingView>(await Post($"{url}/acknowledge", acknowledge, Admin.Key, 200, "\"1\"")));
        Assert.Equal(events, await EventCount());
        AssertProblem(await Post($"{url}/acknowledge", acknowledge, Admin.Key, 412, "\"0\""), "stale-version");
        Assert.Empty((await Filings("?status=unacknowledged")).Items);
        AssertSameJson(acknowledged, Assert.Single((await Filings("?status=acknowledged&list=base-catalogue")).Items));

        // Nothing changed in the city yet.
        Assert.Empty(await CityChanges());

        // The city publishes v2 (a new legal basis); once in force, 魏都区's entry shows "city version changed".
        var cityV2Content = FoodLicence() with
        {
            LegalBases = [.. FoodLicence().LegalBases, new LegalBasis("许昌市政务服务条例", "地方性法规", "第十三条")],
        };
        await Publish(await Submit(await Revise(city, cityV2Content)), Now.AddMinutes(3));
        Assert.Empty(await CityChanges());
        Clock.Advance(TimeSpan.FromMinutes(4));
        var changed = Assert.Single(await CityChanges());
        Assert.Equal((county.Id, 1, 1, 2, false), (changed.ItemId, changed.Citation.Version, changed.BasisCitation!.Version,
            changed.CurrentSourceCitation!.Version, changed.SourceRepealed));
        // The change log keeps documents as jsonb, which orders an object's members its own way: the value is compared as a record.
        var added = Assert.Single(changed.Changes);
        Assert.Equal(("/legalBases/2", DiffKind.Added, (JsonElement?)null), (added.Path, added.Kind, added.Old));
        Assert.Equal(new LegalBasis("许昌市政务服务条例", "地方性法规", "第十三条"), added.New!.Value.Deserialize<LegalBasis>(ApiJson.Options));
        // The city's manager is not the county's owner: the list is the county's own.
        Assert.Empty(await CityChanges(Admin.Key));

        // The owner keeps its version: cleared, until the city publishes v3.
        var confirm = new { reason = "本区实施机关与依据不变，市级新增依据不影响本区事项" };
        AssertProblem(await Post($"/filings/base-catalogue/{county.Id}/confirm", confirm, Yuzhou.Key, 404, "\"0\""), "not-found");
        var confirmed = Read<CityChangeView>(await Post($"/filings/base-catalogue/{county.Id}/confirm", confirm, Weidu.Key, 200, "\"0\""));
        Assert.Equal((false, 2, 2, 1L), (confirmed.Changed, confirmed.BasisCitation!.Version, confirmed.Confirmation!.SourceVersion, confirmed.Version));
        Assert.Empty(await CityChanges());
        var cityV2 = Read<EntryDraftView>(await Get($"/catalogue/entries/{city.Id}/draft", Market.Key));
        await Publish(await Submit(await Revise(cityV2, cityV2Content with { Name = "食品经营许可（含仅销售预包装食品备案）" })), Now.AddMinutes(1));
        Clock.Advance(TimeSpan.FromMinutes(2));
        var again = Assert.Single(await CityChanges());
        Assert.Equal((2, 3), (again.BasisCitation!.Version, again.CurrentSourceCitation!.Version));
        AssertSameJson<IReadOnlyList<FieldChange>>(
            [new("/name", DiffKind.Changed, Json("食品经营许可"), Json("食品经营许可（含仅销售预包装食品备案）"))], again.Changes);

        // The county takes the change over by publishing v2: cleared, and filed anew against city v3.
        var countyDraft = Read<EntryDraftView>(await Get($"/catalogue/entries/{county.Id}/draft", Weidu.Key));
        var countyV2Content = cityV2Content with { Name = "食品经营许可（含仅销售预包装食品备案）", ImplementingAuthority = WeiduAuthority };
        await Publish(await Submit(await Revise(countyDraft, countyV2Content, Weidu.Key), Weidu.Key), Now.AddMinutes(1), Weidu.Key);
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(await CityChanges());
        var filings = (await Filings()).Items;
        Assert.Equal([(2, FilingStatus.Unacknowledged, 3), (1, FilingStatus.Acknowledged, 1)],
            filings.Select(f => (f.Citation.Version, f.Status, f.SourceCitation!.Version)));
        AssertSameJson<IReadOnlyList<FieldChange>>(
            [new("/implementingAuthority", DiffKind.Changed, Json("许昌市市场监督管理局"), Json(WeiduAuthority))], filings[0].Changes);
    }

    [Fact]
    public async Task the_county_hears_when_the_city_moves_on_and_reads_its_city_changes_in_pages()
    {
        await using var receiver = await CatalogHub.Tests.Sharing.WebhookReceiver.Start();
        await Post("/sharing/subscriptions", new { url = receiver.Url, kinds = new[] { "city-version-changed" }, reason = "订阅市级事项变更通知" },
            Weidu.Key, 201);
        var food = await Published(FoodLicence(), effectiveAt: Now.AddMinutes(1));
        var trader = await Published(FoodLicence("个体工商户登记"), "000147023000", Now.AddMinutes(1));
        var countyFood = await WeiduEntry(food.Id, FoodLicence() with { ImplementingAuthority = WeiduAuthority });
        await Publish(await Submit(await Draft(FoodLicence("个体工商户登记") with { ImplementingAuthority = WeiduAuthority }, "000147023000",
            key: Weidu.Key, region: "411002", derivedFrom: trader.Id), Weidu.Key), Now.AddMinutes(2), Weidu.Key);
        // A county draft taken over from the same city item, then withdrawn, hears nothing.
        var withdrawn = await Draft(FoodLicence("食品经营许可（仅销售预包装食品）"), "000147011001", key: Weidu.Key, region: "411002", derivedFrom: food.Id);
        await Post($"/catalogue/entries/{withdrawn.Id}/withdraw", new { reason = "重复承接" }, Weidu.Key, 200, "\"1\"");

        // The city publishes a new version of 食品经营许可: the county item derived from it is named, with the city item as the cause.
        await Publish(await Submit(await Revise(Read<EntryDraftView>(await Get($"/catalogue/entries/{food.Id}/draft", Market.Key)),
            FoodLicence("食品经营许可（含仅销售预包装食品备案）"))), Now.AddMinutes(3));
        var notice = JsonSerializer.Deserialize<CatalogHub.Sharing.Notifications.ChangeNotice>((await receiver.Accepted()).Body, ApiJson.Options)!;
        Assert.Equal((CatalogHub.Sharing.Notifications.ChangeKind.CityVersionChanged, countyFood.Id, "base-catalogue", food.Id, 2),
            (notice.Kind, notice.SubjectId, notice.List, notice.Cause, notice.Version));

        // Its repeal of 个体工商户登记 is heard the same way; both changed items are listed once in force, a page at a time.
        var tradingDraft = Read<EntryDraftView>(await Get($"/catalogue/entries/{trader.Id}/draft", Market.Key));
        await Post($"/catalogue/entries/{trader.Id}/repeal", new { effectiveAt = Now.AddMinutes(3), basis = "《国务院关于取消和下放一批行政许可事项的决定》",
            reason = "事项取消" }, Admin.Key, 200, $"\"{tradingDraft.Version}\"");
        var repealNotice = JsonSerializer.Deserialize<CatalogHub.Sharing.Notifications.ChangeNotice>((await receiver.Accepted()).Body, ApiJson.Options)!;
        Assert.Equal((CatalogHub.Sharing.Notifications.ChangeKind.CityVersionChanged, trader.Id, (int?)null), (repealNotice.Kind, repealNotice.Cause, repealNotice.Version));
        Assert.Equal(2, receiver.Received.Count);
        Clock.Advance(TimeSpan.FromMinutes(4));
        var first = Read<CityChangeList>(await Get("/filings/city-changes?pageSize=1", Weidu.Key));
        var second = Read<CityChangeList>(await Get("/filings/city-changes?pageSize=1&page=2", Weidu.Key));
        Assert.Equal((2L, 1, 2L, 1), (first.Total, first.Items.Count, second.Total, second.Items.Count));
        Assert.Equal([countyFood.Id, repealNotice.SubjectId], new[] { first.Items[0].ItemId, second.Items[0].ItemId }.Order());
        Assert.Empty(Read<CityChangeList>(await Get("/filings/city-changes?page=3&pageSize=1", Weidu.Key)).Items);
        AssertProblem(await Get("/filings/city-changes?pageSize=201", Weidu.Key, 400), "out-of-range");
    }

    [Fact]
    public async Task a_derived_promise_is_filed_and_flagged_through_the_same_path_as_the_catalogue()
    {
        var promises = PromisesList.Definition;
        var cityEntry = await Published(FoodLicence(), effectiveAt: Now.AddMinutes(1));
        var countyEntry = await WeiduEntry(cityEntry.Id, FoodLicence() with { ImplementingAuthority = WeiduAuthority });
        var cityContent = PromiseExamples.FoodBusinessPremises with { EntryId = cityEntry.Id };
        var cityPromise = await PublishedItem(promises, cityContent, "000147011000", Now.AddMinutes(1));

        var countyContent = cityContent with
        {
            EntryId = countyEntry.Id,
            ComplianceCheck = cityContent.ComplianceCheck with { WithinWorkingDays = 15 },
        };
        var drafted = Read<ItemDraftView<PromiseContent>>(await Post(promises.Route, new
        {
            regionCode = "411002", code = "000147011000", content = countyContent, derivedFrom = cityPromise.Id,
            reason = "承接市级告知承诺事项，核查时限压缩至15个工作日",
        }, Weidu.Key, 201));
        var submitted = Read<ItemDraftView<PromiseContent>>(await Post($"/promises/{drafted.Id}/submit", new { reason = "提交审核" }, Weidu.Key, 200, "\"1\""));
        await Post($"/promises/{drafted.Id}/publish", new { effectiveAt = Now.AddMinutes(2), note = "按条例公布", reason = "经审核同意公布" },
            Weidu.Key, 200, $"\"{submitted.Version}\"");

        var filing = Assert.Single((await Filings("?list=promises")).Items);
        Assert.Equal((drafted.Id, cityPromise.Id, 1), (filing.ItemId, filing.SourceId, filing.SourceCitation!.Version));
        AssertSameJson<IReadOnlyList<FieldChange>>(
        [
            new("/entryId", DiffKind.Changed, Json(cityEntry.Id.ToString()), Json(countyEntry.Id.ToString())),
            new("/complianceCheck/withinWorkingDays", DiffKind.Changed, JsonSerializer.SerializeToElement(20), JsonSerializer.SerializeToElement(15)),
        ], filing.Changes);
        Read<FilingView>(await Post($"/filings/promises/{drafted.Id}/1/acknowledge", new { reason = "已审查，予以备案" }, Admin.Key, 200, "\"0\""));
        Assert.Equal(FilingStatus.Acknowledged, Assert.Single((await Filings("?list=promises")).Items).Status);

        // The city tightens the liability text; 魏都区's promise shows the change until its owner confirms it.
        Clock.Advance(TimeSpan.FromMinutes(3));
        var cityDraft = Read<ItemDraftView<PromiseContent>>(await Get($"/promises/{cityPromise.Id}/draft", Market.Key));
        var revised = Read<ItemDraftView<PromiseContent>>(await Put($"/promises/{cityPromise.Id}/draft",
            new { content = cityContent with { Liability = cityContent.Liability + "情节严重的，依法追究相应责任。" }, reason = "完善虚假承诺责任" },
            Market.Key, 200, $"\"{cityDraft.Version}\""));
        await PublishItem(promises, await SubmitItem(promises, revised), Now.AddMinutes(1));
        Clock.Advance(TimeSpan.FromMinutes(2));
        var changed = Assert.Single(await CityChanges(), c => c.List == "promises");
        Assert.Equal((1, 2), (changed.BasisCitation!.Version, changed.CurrentSourceCitation!.Version));
        Assert.Equal(["/liability"], changed.Changes.Select(c => c.Path));

        Read<CityChangeView>(await Post($"/filings/promises/{drafted.Id}/confirm", new { reason = "本区责任条款另有规定，保持现行版本" }, Weidu.Key, 200, "\"0\""));
        Assert.DoesNotContain(await CityChanges(), c => c.List == "promises");
    }

    [Fact]
    public async Task a_repealed_city_source_shows_until_the_county_confirms_and_only_catalogue_managers_read_filings()
    {
        // 魏都区's market regulator owns the county entry; its education bureau, a department of the same region, does not.
        var owner = await Register((Credit("11411002005340101"), "许昌市魏都区市场监督管理局", "411002", [Role.ServiceDepartment]));
        var neighbour = await Register((Credit("11411002005340102"), "许昌市魏都区教育局", "411002", [Role.ServiceDepartment]));
        var city = await Published(FoodLicence(), effectiveAt: Now.AddMinutes(1));
        var draft = await Draft(FoodLicence() with { ImplementingAuthority = "许昌市魏都区市场监督管理局" }, key: owner.Key, region: "411002",
            derivedFrom: city.Id);
        var county = await Publish(await Submit(draft, owner.Key), Now.AddMinutes(2), Weidu.Key);
        Clock.Advance(TimeSpan.FromMinutes(3));

        // 取消 (002:12): the city repeals its entry; the county's entry shows it, with no city version in force to diff against.
        await Post($"/catalogue/entries/{city.Id}/repeal", new { effectiveAt = Now.AddMinutes(1), basis = "《国务院关于取消和下放一批行政许可事项的决定》",
            reason = "上级决定取消该事项" }, Admin.Key, 200, $"\"{city.Version}\"");
        Assert.Empty(await CityChanges());
        Clock.Advance(TimeSpan.FromMinutes(2));
        var repealed = Assert.Single(await CityChanges());
        AssertSameJson(repealed, Assert.Single(await CityChanges(owner.Key)));
        Assert.Empty(await CityChanges(neighbour.Key));
        AssertProblem(await Post($"/filings/base-catalogue/{county.Id}/confirm", new { reason = "越权确认" }, neighbour.Key, 404, "\"0\""), "not-found");
        Assert.Equal((county.Id, true, 1, (Citation?)null), (repealed.ItemId, repealed.SourceRepealed, repealed.BasisCitation!.Version, repealed.CurrentSourceCitation));
        // The diff against nothing: the whole content (JSON Pointer "") is gone.
        Assert.Equal([""], repealed.Changes.Select(c => c.Path));

        var confirmed = Read<CityChangeView>(await Post($"/filings/base-catalogue/{county.Id}/confirm",
            new { reason = "本区保留该事项，待省级调整后另行处理" }, owner.Key, 200, "\"0\""));
        Assert.Equal(Credit("11411002005340101"), confirmed.Confirmation!.ConfirmedBy);
        Assert.Equal(((int?)null, false), (confirmed.Confirmation!.SourceVersion, confirmed.Changed));
        Assert.Empty(await CityChanges());
        // Confirming what no longer shows a change records nothing.
        var events = await EventCount();
        AssertSameJson(confirmed, Read<CityChangeView>(await Post($"/filings/base-catalogue/{county.Id}/confirm",
            new { reason = "重复确认" }, Weidu.Key, 200, "\"1\"")));
        Assert.Equal(events, await EventCount());

        // Filings are addressed to catalogue managers; a bad filter is named.
        AssertProblem(await Get("/filings", Market.Key, 403), "filings-for-catalogue-managers");
        AssertProblem(await Get("/filings?status=pending", Admin.Key, 400), "invalid-status", "status");
        AssertProblem(await Get("/filings?list=licence-types", Admin.Key, 400), "unknown-list", "list");
    }

    private static string Credit(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacterFor(first17);

    [Fact]
    public void the_diff_compares_objects_by_member_and_arrays_by_index()
    {
        var city = JsonSerializer.SerializeToElement(new { name = "食品经营许可", bases = new[] { "食品安全法", "行政许可法" }, guide = "窗口办理" });
        var county = JsonSerializer.SerializeToElement(new { name = "食品经营许可", bases = new[] { "食品安全法" }, fee = "不收费", guide = (string?)null });
        AssertSameJson<IReadOnlyList<FieldChange>>(
        [
            new("/bases/1", DiffKind.Removed, Json("行政许可法"), null),
            new("/guide", DiffKind.Removed, Json("窗口办理"), null),
            new("/fee", DiffKind.Added, null, Json("不收费")),
        ], JsonDiff.Of(city, county));
        Assert.Empty(JsonDiff.Of(city, city));
    }
}
