using CatalogHub.Publication.Lists;
using System.Text.Json;
using CatalogHub.BasisCheck;
using CatalogHub.Catalogue;
using CatalogHub.Catalogue.Reading;
using CatalogHub.ImplementationLists;
using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Tests.ImplementationLists;
using CatalogHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CatalogHub.Tests.Catalogue;

/// <summary>
/// An item comes back as law changes make it: a repealed entry is re-established under its code, on its own stream,
/// its earlier versions and every repeal kept and readable; a withdrawn, never-published draft frees its code.
/// </summary>
public sealed class Re_establishing(AppFixture fixture) : ImplementationListContext(fixture)
{
    private const string PermitCode = "000131004000";

    private TestDepartment Consumer { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Consumer = await Register(TestDepartments.HumanResources);
    }

    private static EntryContent BuildingPermit(string article = "第八条") => new(
        "建筑工程施工许可证核发", "行政许可", "许昌市住房和城乡建设局", "许昌市住房和城乡建设局",
        [new LegalBasis("中华人民共和国建筑法", "法律", article), new LegalBasis("建筑工程施工许可管理办法", "规章", "第二条")],
        "410000-000131004000");

    private async Task<EntryDraftView> RepealEntry(EntryDraftView entry, DateTimeOffset effectiveAt, string reason = "事项取消") =>
        Read<EntryDraftView>(await Post($"/catalogue/entries/{entry.Id}/repeal",
            new { effectiveAt, basis = "《国务院关于取消和下放一批行政许可事项的决定》", reason }, Admin.Key, 200, $"\"{entry.Version}\""));

    /// <summary>An answer as of an instant: the version cited, or the problem code and, for a repeal, its sequence number.</summary>
    private sealed record Answer(int? Version, string? Problem, long? RepealSequence);

    private static Answer InForce(int version) => new(version, null, null);
    private static Answer RepealedBy(long sequence) => new(null, "repealed", sequence);

    private async Task<Answer> AsOf(Guid id, DateTimeOffset instant)
    {
        var result = await Host.Scenario(s => { s.Get.Url($"/catalogue/entries/{id}?asOf={Iso(instant)}"); s.IgnoreStatusCode(); });
        if (result.Context.Response.StatusCode == 200) return InForce(Read<PublishedEntryView>(result).Citation.Version);
        var problem = Read<JsonElement>(result);
        return new(null, problem.GetProperty("code").GetString(),
            problem.TryGetProperty("repeal", out var repeal) ? repeal.GetProperty("sequence").GetInt64() : null);
    }

    /// <summary>Read as JSON: the version list's <c>repeals</c> is what these tests are about.</summary>
    private sealed record Versions(int[] Numbers, long[] Repeals, long? Latest);

    private async Task<Versions> VersionsOf(Guid id)
    {
        var list = Read<JsonElement>(await Get($"/catalogue/entries/{id}/versions"));
        var latest = list.GetProperty("repeal");
        return new([.. list.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32())],
            [.. list.GetProperty("repeals").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64())],
            latest.ValueKind == JsonValueKind.Null ? null : latest.GetProperty("sequence").GetInt64());
    }

    private static void AssertVersions(int[] numbers, long[] repeals, Versions actual)
    {
        Assert.Equal(numbers, actual.Numbers);
        Assert.Equal(repeals, actual.Repeals);
        Assert.Equal(repeals[^1], actual.Latest);
    }

    private async Task<long> RepealSequence(Guid id, DateTimeOffset instant) => (await AsOf(id, instant)).RepealSequence!.Value;

    [Fact]
    public async Task a_repealed_entry_is_re_established_under_its_code_and_repealed_again_keeping_every_version_and_repeal()
    {
        var t1 = Now.AddMinutes(10);
        var v1 = await Published(BuildingPermit(), PermitCode, t1);
        var r1 = Now.AddDays(10);
        var repealed = await RepealEntry(v1, r1);

        // The repeal is recorded but not yet in effect: its owner may already prepare the version that brings the item back.
        var revised = await Revise(repealed, BuildingPermit("第八条（2019年修正）"));
        Assert.Equal(Stage.Drafting, revised.Stage);
        Assert.Equal(r1, revised.RepealEffectiveAt);
        var submitted = await Submit(revised);
        AssertProblem(await Post($"/catalogue/entries/{v1.Id}/publish", new { effectiveAt = r1, reason = "重新设立" },
            Admin.Key, 422, $"\"{submitted.Version}\""), "effective-time-not-after-repeal", "effectiveAt");

        Clock.Advance(TimeSpan.FromDays(12));
        var e2 = Now.AddDays(3);
        var v2 = await Publish(submitted, e2);
        Assert.Equal(2, v2.LatestVersion);
        Assert.Null(v2.RepealEffectiveAt);
        Assert.Equal(PermitCode, v2.ItemCode);

        var first = await RepealSequence(v1.Id, r1);
        Assert.Equal(InForce(1), await AsOf(v1.Id, r1.AddTicks(-10)));
        Assert.Equal(RepealedBy(first), await AsOf(v1.Id, r1));
        Assert.Equal(RepealedBy(first), await AsOf(v1.Id, e2.AddTicks(-10)));
        Assert.Equal(InForce(2), await AsOf(v1.Id, e2));
        var back = Read<PublishedEntryView>(await Get($"/catalogue/entries/{v1.Id}?asOf={Iso(e2)}"));
        Assert.Equal("第八条（2019年修正）", back.Content.LegalBases[0].Article);
        Assert.Equal(0, Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={Iso(e2.AddTicks(-10))}")).Total);
        Assert.Equal(v1.Id, Assert.Single(Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={Iso(e2)}")).Items).Id);
        AssertVersions([1, 2], [first], await VersionsOf(v1.Id));

        // Repealed again later: the first gap still cites the first repeal, the second gap the second.
        var r2 = e2.AddDays(40);
        await RepealEntry(v2, r2, "事项再次调整");
        var second = await RepealSequence(v1.Id, r2);
        Assert.True(second > first);
        Assert.Equal(RepealedBy(first), await AsOf(v1.Id, r1.AddDays(1)));
        Assert.Equal(InForce(2), await AsOf(v1.Id, r2.AddTicks(-10)));
        Assert.Equal(RepealedBy(second), await AsOf(v1.Id, r2.AddYears(1)));
        AssertVersions([1, 2], [first, second], await VersionsOf(v1.Id));

        var history = Read<ItemHistory>(await Get($"/catalogue/entries/{v1.Id}/history", Market.Key));
        Assert.Equal(["entry_drafted", "entry_submitted_for_review", "entry_published", "entry_repealed", "entry_draft_revised",
            "entry_submitted_for_review", "entry_published", "entry_repealed"], history.Events.Select(e => e.Type));
    }

    [Fact]
    public async Task an_implementation_list_is_re_established_on_the_same_lifecycle()
    {
        var (_, list) = await PublishedGuide(Now.AddMinutes(1));
        var r1 = Now.AddDays(10);
        var submitted = await SubmitList(await ReviseList(await RepealList(list, r1), FoodGuide()));
        AssertProblem(await Post($"/implementation-lists/{list.Id}/publish", new { effectiveAt = r1, reason = "恢复实施" },
            Admin.Key, 422, $"\"{submitted.Version}\""), "effective-time-not-after-repeal", "effectiveAt");
        var e2 = r1.AddDays(1);
        Assert.Equal(2, (await PublishList(submitted, e2)).LatestVersion);

        AssertProblem(await Get($"/implementation-lists/{list.Id}?asOf={Iso(e2.AddTicks(-10))}", status: 404), "repealed");
        Assert.Equal(2, Read<PublishedImplementationListView>(await Get($"/implementation-lists/{list.Id}?asOf={Iso(e2)}")).Citation.Version);
        var versions = Read<VersionList>(await Get($"/implementation-lists/{list.Id}/versions"));
        Assert.Equal([1, 2], versions.Versions.Select(v => v.Version));
        Assert.Equal(r1, Assert.Single(versions.Repeals).EffectiveAt);
        Assert.Equal(versions.Repeals[0], versions.Repeal);
    }

    [Fact]
    public async Task the_basis_check_answers_from_the_re_established_entry_as_the_as_of_reads_do()
    {
        var t1 = Now.AddMinutes(10);
        var (entry, list) = await PublishedGuide(t1);
        var r1 = Now.AddDays(10);
        var submitted = await Submit(await Revise(await RepealEntry(entry, r1), FoodLicence("食品经营许可（恢复设立）")));
        var e2 = r1.AddDays(5);
        await Publish(submitted, e2);

        async Task<BasisAnswer> Check(DateTimeOffset asOf) => Read<BasisAnswer>(await Post("/basis-check",
            new { regionCode = "411000", itemCode = "000147011000", asOf, materials = new[] { new { name = "食品经营许可申请书", form = "paper" } } },
            Consumer.Key, 200));

        var gap = await Check(e2.AddTicks(-10));
        Assert.False(gap.Allowed);
        Assert.Contains("repealed", gap.Reasons.Select(r => r.Code));
        Assert.Equal(r1, Assert.Single(gap.Repeals).EffectiveAt);

        var after = await Check(e2);
        Assert.True(after.Allowed, string.Join("; ", after.Reasons.Select(r => r.Message)));
        Assert.Empty(after.Repeals);
        Assert.Equal([(CatalogueList.Name, 2), (ImplementationListsList.Name, 1)], after.Citations.Select(c => (c.List, c.Version)));
        Assert.Equal([(CatalogueList.Name, 1), (ImplementationListsList.Name, 1)],
            (await Check(r1.AddTicks(-10))).Citations.Select(c => (c.List, c.Version)));
        Assert.Equal(list.Id, after.Citations[1].Id);
    }

    [Fact]
    public async Task a_withdrawn_draft_s_code_is_free_for_a_new_entry_and_list_while_the_withdrawn_ones_keep_their_history()
    {
        var withdrawn = await Draft(BuildingPermit(), PermitCode);
        await Post($"/catalogue/entries/{withdrawn.Id}/withdraw", new { reason = "重复录入" }, Market.Key, 200, "\"1\"");

        var again = await Draft(BuildingPermit("第八条（2019年修正）"), PermitCode);
        Assert.NotEqual(withdrawn.Id, again.Id);
        // The code is held again: a third draft is a duplicate.
        AssertProblem(await Post("/catalogue/entries", DraftOf(BuildingPermit(), PermitCode), Market.Key, 409), "duplicate-item-code", "itemCode");
        Assert.Equal(Stage.Withdrawn, Read<EntryDraftView>(await Get($"/catalogue/entries/{withdrawn.Id}/draft", Market.Key)).Stage);
        Assert.Equal(["entry_drafted", "entry_draft_withdrawn"],
            Read<ItemHistory>(await Get($"/catalogue/entries/{withdrawn.Id}/history", Market.Key)).Events.Select(e => e.Type));

        var published = await Publish(await Submit(again), Now.AddMinutes(1));
        var listDraft = await DraftList(published.Id);
        await Post($"/implementation-lists/{listDraft.Id}/withdraw", new { reason = "办事指南需重新编制" }, Market.Key, 200, "\"1\"");
        var list = await PublishList(await SubmitList(await DraftList(published.Id)), Now.AddMinutes(2));
        Assert.NotEqual(listDraft.Id, list.Id);

        // The basis check finds the item under its code: the new entry and list, not the withdrawn drafts.
        var answer = Read<BasisAnswer>(await Post("/basis-check",
            new { regionCode = "411000", itemCode = PermitCode, asOf = Now.AddMinutes(3) }, Consumer.Key, 200));
        Assert.Equal([published.Id, list.Id], answer.Citations.Select(c => c.Id));
    }

    [Fact]
    public async Task a_store_written_before_re_establishment_migrates_its_unique_index_and_keeps_reading_its_repeal()
    {
        var v1 = await Published(BuildingPermit(), PermitCode, Now.AddMinutes(10));
        var r1 = Now.AddDays(10);
        var repealed = await RepealEntry(v1, r1);
        var first = await RepealSequence(v1.Id, r1);

        // As such a store was: an index over every entry (under the name it had before the catalogue moved onto the list
        // registry), and validity intervals on one clock, in a table of their own. Start-up rebuilds the intervals on both
        // clocks from the events (the repeal kept on the interval it closed) and drops the older table.
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand("drop index cataloghub.mt_doc_entry_uidx_region_code");
            session.QueueSqlCommand("create unique index mt_doc_entry_uidx_region_codeitem_code on cataloghub.mt_doc_entry " +
                "((data ->> 'regionCode'), (data ->> 'code'))");
            session.QueueSqlCommand($"truncate {ValidityIntervalProjection.Table}");
            session.QueueSqlCommand($"create table {ValidityIntervalProjection.OneClockTable} (list text, id uuid, effective_at timestamptz, superseded_at timestamptz)");
            await session.SaveChangesAsync();
        }
        Assert.Equal(new Answer(null, "not-in-force", null), await AsOf(v1.Id, r1));
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await Host.Services.GetServices<IHostedService>().OfType<Bootstrapper>().Single().StartAsync(CancellationToken.None);
        Assert.Equal(RepealedBy(first), await AsOf(v1.Id, r1));
        await using (var session = Store.QuerySession())
            Assert.False((await session.AdvancedSql.QueryAsync<bool>($"select to_regclass('{ValidityIntervalProjection.OneClockTable}') is not null", CancellationToken.None)).Single());

        var withdrawn = await Draft(FoodLicence(), "000147023000");
        await Post($"/catalogue/entries/{withdrawn.Id}/withdraw", new { reason = "重复录入" }, Market.Key, 200, "\"1\"");
        await Draft(FoodLicence(), "000147023000");

        var e2 = r1.AddDays(5);
        var v2 = await Publish(await Submit(await Revise(repealed, BuildingPermit("第八条（2019年修正）"))), e2);
        await RepealEntry(v2, e2.AddDays(30));
        Assert.Equal(RepealedBy(first), await AsOf(v1.Id, r1));
        var versions = await VersionsOf(v1.Id);
        Assert.Equal(2, versions.Repeals.Length);
        Assert.Equal(first, versions.Repeals[0]);
    }
}
