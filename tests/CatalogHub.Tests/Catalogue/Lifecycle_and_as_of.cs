using System.Text.Json;
using CatalogHub.Catalogue;
using CatalogHub.Catalogue.Reading;
using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CatalogHub.Tests.Catalogue;

public sealed class Lifecycle_and_as_of(AppFixture fixture) : CatalogueContext(fixture)
{
    [Fact]
    public async Task a_draft_is_never_law_and_is_seen_only_by_its_editors()
    {
        var draft = await Draft();

        var notInForce = await Get($"/catalogue/entries/{draft.Id}", status: 404);
        AssertProblem(notInForce, "not-in-force");
        Assert.Equal(0, Read<CataloguePage>(await Get("/regions/411000/catalogue")).Total);
        await Get($"/catalogue/entries/{draft.Id}/versions", status: 404);

        var other = await Register(TestDepartments.NaturalResources);
        await Get($"/catalogue/entries/{draft.Id}/draft", other.Key, 404);
        await Get($"/catalogue/entries/{draft.Id}/draft", status: 401);
        var own = Read<EntryDraftView>(await Get($"/catalogue/entries/{draft.Id}/draft", Market.Key));
        AssertSameJson(draft, own);
        var manager = Read<EntryDraftView>(await Get($"/catalogue/entries/{draft.Id}/draft", Admin.Key));
        AssertSameJson(draft, manager);
    }

    [Fact]
    public async Task a_future_publication_takes_effect_at_its_effective_time_without_any_job()
    {
        var effectiveAt = Now.AddHours(2);
        var entry = await Published(effectiveAt: effectiveAt);

        AssertProblem(await Get($"/catalogue/entries/{entry.Id}", status: 404), "not-in-force");
        AssertProblem(await Get($"/catalogue/entries/{entry.Id}?asOf={Iso(effectiveAt.AddTicks(-10))}", status: 404), "not-in-force");

        var at = Read<PublishedEntryView>(await Get($"/catalogue/entries/{entry.Id}?asOf={Iso(effectiveAt)}"));
        Assert.Equal(1, at.Citation.Version);
        Assert.Equal(effectiveAt, at.Citation.EffectiveAt);
        AssertSameJson(FoodLicence(), at.Content);

        Clock.Advance(TimeSpan.FromHours(3));
        var now = Read<PublishedEntryView>(await Get($"/catalogue/entries/{entry.Id}"));
        // The same version, asked about at another instant: only the instants its citation names differ.
        AssertSameJson(at with { Citation = Bare(at.Citation) }, now with { Citation = Bare(now.Citation) });
        Assert.Equal((Now, Now), (now.Citation.AsOf, now.Citation.KnownAt));
        Assert.Equal(1, Read<CataloguePage>(await Get("/regions/411000/catalogue")).Total);
    }

    [Fact]
    public async Task as_of_answers_cite_the_version_in_force_before_at_and_between_versions()
    {
        var t1 = Now.AddMinutes(10);
        var v1 = await Published(effectiveAt: t1);
        var revised = await Revise(v1, FoodLicence("食品经营许可（含仅销售预包装食品备案）"));
        var t2 = Now.AddDays(30);
        var v2 = await Publish(await Submit(revised), t2);
        Assert.Equal(2, v2.LatestVersion);

        async Task<Citation?> CitedAt(DateTimeOffset instant)
        {
            var result = await Host.Scenario(s => { s.Get.Url($"/catalogue/entries/{v1.Id}?asOf={Iso(instant)}"); s.IgnoreStatusCode(); });
            return result.Context.Response.StatusCode == 200 ? Read<PublishedEntryView>(result).Citation : null;
        }

        Assert.Null(await CitedAt(t1.AddSeconds(-1)));
        Assert.Equal(1, (await CitedAt(t1))!.Version);
        Assert.Equal(1, (await CitedAt(t2.AddSeconds(-1)))!.Version);
        var second = (await CitedAt(t2))!;
        Assert.Equal(2, second.Version);
        Assert.Equal(t2, second.EffectiveAt);
        Assert.Equal(2, (await CitedAt(t2.AddYears(1)))!.Version);

        var versions = Read<VersionList>(await Get($"/catalogue/entries/{v1.Id}/versions"));
        Assert.Equal([1, 2], versions.Versions.Select(v => v.Version));
        Assert.True(versions.Versions[0].Sequence < versions.Versions[1].Sequence);
        Assert.Equal(Bare(second), versions.Versions[1]);
        var v1Page = Read<PublishedEntryView>(await Get($"/catalogue/entries/{v1.Id}/versions/1"));
        Assert.Equal("食品经营许可", v1Page.Content.Name);

        // The region's catalogue as of each instant shows the version then in force.
        var before = Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={Iso(t2.AddSeconds(-1))}"));
        Assert.Equal(1, Assert.Single(before.Items).Citation.Version);
        var after = Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={Iso(t2)}"));
        Assert.Equal("食品经营许可（含仅销售预包装食品备案）", Assert.Single(after.Items).Content.Name);
    }

    [Fact]
    public async Task a_repeal_ends_legal_effect_at_its_effective_time()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        var repealAt = Now.AddDays(10);
        var repealed = Read<EntryDraftView>(await Post($"/catalogue/entries/{entry.Id}/repeal",
            new { effectiveAt = repealAt, basis = "《国务院关于取消和下放一批行政许可事项的决定》", reason = "事项取消" },
            Admin.Key, 200, $"\"{entry.Version}\""));
        Assert.Equal(repealAt, repealed.RepealEffectiveAt);

        Assert.Equal(1, Read<PublishedEntryView>(await Get($"/catalogue/entries/{entry.Id}?asOf={Iso(repealAt.AddSeconds(-1))}")).Citation.Version);
        var gone = AssertProblem(await Get($"/catalogue/entries/{entry.Id}?asOf={Iso(repealAt)}", status: 404), "repealed");
        Assert.Equal(repealAt, gone.GetProperty("repeal").GetProperty("effectiveAt").GetDateTimeOffset());
        Assert.Equal(0, Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={Iso(repealAt)}")).Total);
        Assert.Equal(1, Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={Iso(repealAt.AddSeconds(-1))}")).Total);

        // A repealed entry is not repealed twice (re-establishing it first is Re_establishing's subject).
        AssertProblem(await Post($"/catalogue/entries/{entry.Id}/repeal",
            new { effectiveAt = repealAt.AddDays(1), basis = "《国务院关于取消和下放一批行政许可事项的决定》", reason = "事项取消" },
            Admin.Key, 422, $"\"{repealed.Version}\""), "repealed");
    }

    private sealed record Interval(int Version, DateTimeOffset EffectiveAt, DateTimeOffset? SupersededAt);

    [Fact]
    public async Task each_version_s_validity_interval_closes_when_the_next_takes_effect_and_the_last_when_the_repeal_does()
    {
        var t1 = Now.AddMinutes(10);
        var v1 = await Published(effectiveAt: t1);
        var t2 = Now.AddDays(30);
        var v2 = await Publish(await Submit(await Revise(v1, FoodLicence("食品经营许可（含仅销售预包装食品备案）"))), t2);

        Task<Interval[]> Intervals() => IntervalsOf(v1.Id);
        // PostgreSQL keeps microseconds.
        static DateTimeOffset Stored(DateTimeOffset t) => new(t.Ticks - t.Ticks % 10, t.Offset);

        AssertSameJson([new Interval(1, Stored(t1), Stored(t2)), new Interval(2, Stored(t2), null)], await Intervals());

        // A pending draft is not law: it opens no interval.
        var drafting = await Revise(v2, FoodLicence("食品经营许可（草案）"));
        Assert.Equal(2, (await Intervals()).Length);

        var t3 = Now.AddDays(60);
        await Post($"/catalogue/entries/{v1.Id}/repeal",
            new { effectiveAt = t3, basis = "《国务院关于取消和下放一批行政许可事项的决定》", reason = "事项取消" }, Admin.Key, 200, $"\"{drafting.Version}\"");
        AssertSameJson([new Interval(1, Stored(t1), Stored(t2)), new Interval(2, Stored(t2), Stored(t3))], await Intervals());
        Assert.Equal(2, Read<PublishedEntryView>(await Get($"/catalogue/entries/{v1.Id}?asOf={Iso(t3.AddTicks(-10))}")).Citation.Version);
        AssertProblem(await Get($"/catalogue/entries/{v1.Id}?asOf={Iso(t3)}", status: 404), "repealed");
    }

    [Fact]
    public async Task a_store_published_before_validity_intervals_gets_the_same_intervals_at_start_up()
    {
        var v1 = await Published(effectiveAt: Now.AddMinutes(10));
        var v2 = await Publish(await Submit(await Revise(v1, FoodLicence("食品经营许可（含仅销售预包装食品备案）"))), Now.AddDays(30));
        await Post($"/catalogue/entries/{v1.Id}/repeal",
            new { effectiveAt = Now.AddDays(60), basis = "《国务院关于取消和下放一批行政许可事项的决定》", reason = "事项取消" }, Admin.Key, 200, $"\"{v2.Version}\"");
        var kept = await IntervalsOf(v1.Id);
        var record = await EveryRowOf(v1.Id);

        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand($"truncate {ValidityIntervalProjection.Table}");
            await session.SaveChangesAsync();
        }
        var bootstrapper = Host.Services.GetServices<IHostedService>().OfType<Bootstrapper>().Single();
        await bootstrapper.StartAsync(CancellationToken.None);
        await bootstrapper.StartAsync(CancellationToken.None);

        AssertSameJson(kept, await IntervalsOf(v1.Id));
        // On both clocks: the rows the later changes retracted too, with when they were recorded and retracted, and by which event.
        Assert.Equal(record, await EveryRowOf(v1.Id));
        Assert.Equal(4, record.Split('\n').Length);
    }

    /// <summary>The intervals as known now.</summary>
    private async Task<Interval[]> IntervalsOf(Guid entryId)
    {
        await using var session = Store.QuerySession();
        var rows = await session.AdvancedSql.QueryAsync<string>(
            $"select json_build_object('version', version, 'effectiveAt', effective_at, 'supersededAt', superseded_at)::text " +
            $"from {ValidityIntervalProjection.Table} where list = ? and id = ? and retracted_at is null order by effective_at", CancellationToken.None,
            CatalogueList.Name, entryId);
        return [.. rows.Select(r => JsonSerializer.Deserialize<Interval>(r, ApiJson.Options)!)];
    }

    private async Task<string> EveryRowOf(Guid entryId)
    {
        await using var session = Store.QuerySession();
        return string.Join('\n', await session.AdvancedSql.QueryAsync<string>(
            $"select concat_ws(' ', version, effective_at, superseded_at, recorded_at, recorded_by, retracted_at, repeal->>'sequence') " +
            $"from {ValidityIntervalProjection.Table} where list = ? and id = ? order by recorded_by, effective_at", CancellationToken.None,
            CatalogueList.Name, entryId));
    }

    [Fact]
    public async Task publishing_refuses_a_draft_not_in_review_and_a_past_effective_time_without_the_decision_that_orders_the_correction()
    {
        var draft = await Draft();
        AssertProblem(await Post($"/catalogue/entries/{draft.Id}/publish", new { reason = "公布" }, Admin.Key, 422, "\"1\""), "not-in-review");

        var submitted = await Submit(draft);
        // A past effective time is a correction (更正): it names the decision that orders it.
        AssertProblem(await Post($"/catalogue/entries/{draft.Id}/publish", new { effectiveAt = Now.AddDays(-1), reason = "公布" },
            Admin.Key, 400, $"\"{submitted.Version}\""), "required", "basis");

        // The owning service department drafts but may not publish: that is the catalogue manager's.
        AssertProblem(await Post($"/catalogue/entries/{draft.Id}/publish", new { reason = "公布" }, Market.Key, 403, $"\"{submitted.Version}\""),
            "not-entry-editor");

        var v1 = await Publish(submitted, Now.AddDays(5));
        var again = await Submit(await Revise(v1, FoodLicence("食品经营许可（修订）")));
        AssertProblem(await Post($"/catalogue/entries/{draft.Id}/publish", new { effectiveAt = Now.AddDays(4), reason = "公布" },
            Admin.Key, 422, $"\"{again.Version}\""), "effective-time-not-after-current", "effectiveAt");
    }

    [Fact]
    public async Task withdrawing_a_never_published_draft_closes_the_entry()
    {
        var draft = await Draft();
        var withdrawn = Read<EntryDraftView>(await Post($"/catalogue/entries/{draft.Id}/withdraw", new { reason = "重复录入" }, Market.Key, 200, "\"1\""));
        Assert.Equal(Stage.Withdrawn, withdrawn.Stage);
        AssertProblem(await Post($"/catalogue/entries/{draft.Id}/submit", new { reason = "提交" }, Market.Key, 422, "\"2\""), "withdrawn");
    }

    [Fact]
    public async Task a_county_entry_derives_from_a_published_city_entry_and_keeps_the_link()
    {
        var city = await Published(effectiveAt: Now.AddMinutes(1));
        var weidu = await Register(TestDepartments.WeiduManager);
        var yuzhou = await Register(TestDepartments.YuzhouManager);

        var county = await Draft(FoodLicence() with { ImplementingAuthority = "许昌市魏都区行政审批和政务信息管理局" },
            key: weidu.Key, region: "411002", derivedFrom: city.Id);
        Assert.Equal(city.Id, county.DerivedFrom);
        var published = await Publish(await Submit(county, weidu.Key), Now.AddMinutes(1), weidu.Key);
        var view = Read<PublishedEntryView>(await Get($"/catalogue/entries/{published.Id}?asOf={Iso(Now.AddMinutes(2))}"));
        Assert.Equal(city.Id, view.DerivedFrom);

        // Deriving from an entry that is only a draft, or skipping to another region's entry, is refused.
        var cityDraft = await Draft(itemCode: "000147023000");
        AssertProblem(await Post("/catalogue/entries", DraftOf(FoodLicence(), "000147023000", "411002", cityDraft.Id), weidu.Key, 422),
            "derived-entry-not-published", "derivedFrom");
        AssertProblem(await Post("/catalogue/entries", DraftOf(FoodLicence(), "000147011000", "411081", published.Id), yuzhou.Key, 422),
            "derivation-not-from-parent-region", "derivedFrom");
        // The city's catalogue manager cannot publish a county entry.
        AssertProblem(await Post($"/catalogue/entries/{county.Id}/withdraw", new { reason = "撤回" }, Admin.Key, 404, $"\"{published.Version}\""), "not-found");
    }

    [Fact]
    public async Task lookups_by_provincial_code_and_by_legal_basis_return_what_is_in_force()
    {
        var effectiveAt = Now.AddMinutes(1);
        var food = await Published(effectiveAt: effectiveAt);
        await Published(new EntryContent("建设工程规划许可证核发", "行政许可", "许昌市自然资源和规划局", "许昌市自然资源和规划局",
            [new LegalBasis("中华人民共和国城乡规划法", "法律", "第四十条")], "410000-000131015000"), "000131015000", effectiveAt);
        var later = effectiveAt.AddSeconds(1);

        var bySource = Read<CataloguePage>(await Get($"/catalogue/by-source/410000-000147011000?asOf={Iso(later)}"));
        Assert.Equal(food.Id, Assert.Single(bySource.Items).Id);

        var relying = Read<CataloguePage>(await Get($"/catalogue/relying-on?title={Uri.EscapeDataString("中华人民共和国城乡规划法")}&article={Uri.EscapeDataString("第四十条")}&asOf={Iso(later)}"));
        Assert.Equal("建设工程规划许可证核发", Assert.Single(relying.Items).Content.Name);
        var otherArticle = Read<CataloguePage>(await Get($"/catalogue/relying-on?title={Uri.EscapeDataString("中华人民共和国城乡规划法")}&article={Uri.EscapeDataString("第四十一条")}&asOf={Iso(later)}"));
        Assert.Empty(otherArticle.Items);

        var filtered = Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={Iso(later)}&q={Uri.EscapeDataString("规划")}"));
        Assert.Equal("000131015000", Assert.Single(filtered.Items).ItemCode);
        var paged = Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={Iso(later)}&pageSize=1&page=2"));
        Assert.Equal(2, paged.Total);
        Assert.Equal("000147011000", Assert.Single(paged.Items).ItemCode);
    }

    [Fact]
    public async Task a_page_past_the_end_still_counts_the_entries_in_force_and_a_region_without_entries_counts_none()
    {
        var effectiveAt = Now.AddMinutes(1);
        await Published(effectiveAt: effectiveAt);
        await Published(new EntryContent("建设工程规划许可证核发", "行政许可", "许昌市自然资源和规划局", "许昌市自然资源和规划局",
            [new LegalBasis("中华人民共和国城乡规划法", "法律", "第四十条")], "410000-000131015000"), "000131015000", effectiveAt);
        var later = Iso(effectiveAt.AddSeconds(1));

        var pastTheEnd = Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={later}&pageSize=2&page=3"));
        Assert.Equal((2L, 3, 2), (pastTheEnd.Total, pastTheEnd.Page, pastTheEnd.PageSize));
        Assert.Empty(pastTheEnd.Items);
        var filteredPastTheEnd = Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={later}&q={Uri.EscapeDataString("规划")}&page=2"));
        Assert.Equal(1, filteredPastTheEnd.Total);
        Assert.Empty(filteredPastTheEnd.Items);

        var weidu = Read<CataloguePage>(await Get($"/regions/411002/catalogue?asOf={later}"));
        Assert.Equal(0, weidu.Total);
        Assert.Empty(weidu.Items);
    }

    [Fact]
    public async Task instants_with_a_beijing_offset_or_none_mean_the_same_moment_as_utc()
    {
        var effectiveAt = Now.AddDays(1);
        var beijing = effectiveAt.ToOffset(TimeSpan.FromHours(8));
        var entry = await Publish(await Submit(await Draft()), beijing);
        Assert.Equal(effectiveAt, entry.LatestEffectiveAt);

        AssertProblem(await Get($"/catalogue/entries/{entry.Id}?asOf={Iso(beijing.AddSeconds(-1))}", status: 404), "not-in-force");
        var at = Read<PublishedEntryView>(await Get($"/catalogue/entries/{entry.Id}?asOf={Iso(beijing)}"));
        Assert.Equal(TimeSpan.Zero, at.Citation.EffectiveAt.Offset);
        var local = beijing.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ss");
        Assert.Equal(1, Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={local}")).Total);
    }

    [Fact]
    public async Task a_department_lists_its_own_pending_drafts_and_the_manager_sees_its_region_s()
    {
        var food = await Draft();
        var published = await Published(new EntryContent("个体工商户登记", "行政许可", "许昌市市场监督管理局", "许昌市市场监督管理局",
            [new LegalBasis("促进个体工商户发展条例", "行政法规", "第八条")], null), "000147023000", Now.AddMinutes(1));
        var resources = await Register(TestDepartments.NaturalResources);
        var planning = await Draft(new EntryContent("建设工程规划许可证核发", "行政许可", "许昌市自然资源和规划局", "许昌市自然资源和规划局",
            [new LegalBasis("中华人民共和国城乡规划法", "法律", "第四十条")], null), "000131015000", resources.Key);

        var own = Read<List<EntryDraftView>>(await Get("/catalogue/drafts", Market.Key));
        Assert.Equal([food.Id], own.Select(e => e.Id));
        var managers = Read<List<EntryDraftView>>(await Get("/catalogue/drafts", Admin.Key));
        Assert.Equal([planning.Id, food.Id], managers.Select(e => e.Id));
        Assert.DoesNotContain(published.Id, managers.Select(e => e.Id));
    }
}
