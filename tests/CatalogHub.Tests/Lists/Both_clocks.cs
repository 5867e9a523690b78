using System.Text.Json;
using CatalogHub.BasisCheck;
using CatalogHub.Catalogue;
using CatalogHub.Demo;
using CatalogHub.Feed;
using CatalogHub.ImplementationLists;
using CatalogHub.Publication;
using CatalogHub.Lists.ProofItems;
using CatalogHub.Platform;
using CatalogHub.Publication.Lists;
using CatalogHub.Tests.Support;
using Marten;

namespace CatalogHub.Tests.Lists;

/// <summary>
/// The legal clock and the record clock (README, "Two clocks"), for every list on the shared lifecycle: corrections (更正)
/// of what was in force in the past, cancelled and rescheduled changes, and answers "as of T, as known at K" that stay
/// what they were. Each list's item is the demo dataset's, published two months ago; effective times are Beijing midnights.
/// </summary>
public sealed class Both_clocks(AppFixture fixture) : ListContext(fixture)
{
    public static TheoryData<string> Lists => [.. ListRegistry.All.Select(l => l.Name)];

    private const string Basis = "许昌市人民政府办公室关于更正政务服务事项清单的通知（许政办〔2026〕12号）";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Midnight in Beijing of the day <paramref name="t"/> falls on there.</summary>
    private static DateTimeOffset Midnight(DateTimeOffset t)
    {
        var local = t.ToOffset(Beijing);
        return new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, Beijing).ToUniversalTime();
    }

    /// <summary>The 15th of last month, at midnight in Beijing.</summary>
    private DateTimeOffset MidLastMonth
    {
        get
        {
            var month = Now.ToOffset(Beijing).AddMonths(-1);
            return new DateTimeOffset(month.Year, month.Month, 15, 0, 0, 0, Beijing).ToUniversalTime();
        }
    }

    private sealed record Answer(int? Version, string? Problem);

    /// <summary>The demo dataset published at midnight (Beijing) two months ago, owned and published by the hub's administrator; the list's item.</summary>
    private async Task<(ListDefinition List, Guid Id)> OnRecordSinceTwoMonths(string name)
    {
        var list = ListRegistry.Find(name)!;
        await using (var session = Store.LightweightSession())
        {
            await DemoData.SeedPublished(session, Midnight(Now.AddMonths(-2)), _ => (Admin.Id, Admin.Code), Admin.Code, CancellationToken.None);
            await session.SaveChangesAsync();
        }
        var id = list.Name == CatalogueList.Name ? DemoData.IdOf("entry:411000:000147011000")
            : list.Name == ImplementationListsList.Name ? DemoData.IdOf("implementation-list:411000:000147011000")
            : DemoData.IdOf($"{list.Name}:411000:{DemoData.ListItems.Single(i => i.List == list).Code}");
        return (list, id);
    }

    private async Task<long> VersionOf(ListDefinition list, Guid id) =>
        ReadJson(await Get($"{list.Route}/{id}/draft", Admin.Key)).GetProperty("version").GetInt64();

    private async Task<long> Write(ListDefinition list, Guid id, string verb, object body, int status = 200)
    {
        var result = await Post($"{list.Route}/{id}/{verb}", body, Admin.Key, status, $"\"{await VersionOf(list, id)}\"");
        return status == 200 ? ReadJson(result).GetProperty("version").GetInt64() : 0;
    }

    /// <summary>Revises the item with the content of its first version (renamed when <paramref name="name"/> is given) and submits it for review.</summary>
    private async Task InReview(ListDefinition list, Guid id, string? name = null)
    {
        var content = System.Text.Json.Nodes.JsonNode.Parse(ReadJson(await Get($"{list.Route}/{id}/versions/1")).GetProperty("content").GetRawText())!;
        if (name is not null) content["name"] = name;
        await Put($"{list.Route}/{id}/draft", new { content, reason = "依据上级决定更正清单内容" }, Admin.Key, 200, $"\"{await VersionOf(list, id)}\"");
        await Write(list, id, "submit", new { reason = "提交审核" });
    }

    private async Task Publish(ListDefinition list, Guid id, DateTimeOffset effectiveAt, string? basis = null, int status = 200, string? name = null)
    {
        await InReview(list, id, name);
        await Write(list, id, "publish", new { effectiveAt, basis, note = "更正", reason = "经审核同意公布" }, status);
    }

    private async Task<Answer> AsOf(ListDefinition list, Guid id, DateTimeOffset asOf, DateTimeOffset? knownAt = null)
    {
        var url = $"{list.Route}/{id}?asOf={Iso(asOf)}" + (knownAt is { } k ? $"&knownAt={Iso(k)}" : "");
        var result = await Host.Scenario(s => { s.Get.Url(url); s.IgnoreStatusCode(); });
        var json = ReadJson(result);
        return result.Context.Response.StatusCode == 200
            ? new(json.GetProperty("citation").GetProperty("version").GetInt32(), null)
            : new(null, json.GetProperty("code").GetString());
    }

    /// <summary>
    /// The feed's changes of one item, read until <paramref name="expected"/> have come: a change becomes readable once every
    /// transaction older than it has ended, so an empty page only means "not yet".
    /// </summary>
    private async Task<List<FeedItem>> FeedOf(Guid id, int expected)
    {
        var seen = new List<FeedItem>();
        string? after = null;
        for (var attempt = 0; seen.Count < expected && attempt < 400; attempt++)
        {
            var page = Read<FeedPage>(await Get("/feed?limit=1000" + (after is null ? "" : $"&after={after}"), Admin.Key));
            seen.AddRange(page.Items.Where(i => i.Id == id));
            after = page.Next;
            if (page.Items.Count == 0) await Task.Delay(25);
        }
        return seen;
    }

    [Theory, MemberData(nameof(Lists))]
    public async Task a_correction_changes_the_past_from_now_on_and_what_was_known_before_it_is_answered_as_it_was(string name)
    {
        var (list, id) = await OnRecordSinceTwoMonths(name);
        var mid = MidLastMonth;
        var before = Now;
        Clock.Advance(TimeSpan.FromMinutes(1));

        // A past effective time without the decision that orders the correction is refused.
        await InReview(list, id);
        AssertProblem(await Post($"{list.Route}/{id}/publish", new { effectiveAt = mid, reason = "更正" }, Admin.Key, 400,
            $"\"{await VersionOf(list, id)}\""), "required", "basis");
        await Write(list, id, "publish", new { effectiveAt = mid, basis = Basis, reason = "经审核同意更正" });
        var corrected = Now;

        // As known now: the correction from mid-last-month on, the first version before it. As known before: the first version.
        Assert.Equal(new Answer(2, null), await AsOf(list, id, mid));
        Assert.Equal(new Answer(1, null), await AsOf(list, id, mid.AddTicks(-10)));
        Assert.Equal(new Answer(1, null), await AsOf(list, id, mid, before));
        Assert.Equal(new Answer(1, null), await AsOf(list, id, mid, corrected.AddTicks(-10)));
        Assert.Equal(new Answer(2, null), await AsOf(list, id, mid, corrected));
        var cited = ReadJson(await Get($"{list.Route}/{id}?asOf={Iso(mid)}&knownAt={Iso(corrected)}")).GetProperty("citation");
        Assert.Equal((mid, corrected), (cited.GetProperty("asOf").GetDateTimeOffset(), cited.GetProperty("knownAt").GetDateTimeOffset()));
        Assert.Equal(cited.GetProperty("sequence").GetInt64(), cited.GetProperty("recordedBy").GetInt64());

        // A second correction of the same period replaces the first from now on; each earlier record still answers as it did.
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Publish(list, id, mid, Basis);
        Assert.Equal(new Answer(3, null), await AsOf(list, id, mid));
        Assert.Equal(new Answer(2, null), await AsOf(list, id, mid, corrected));
        Assert.Equal(new Answer(1, null), await AsOf(list, id, mid, before));
        Assert.Equal(new Answer(1, null), await AsOf(list, id, mid.AddTicks(-10)));
        Assert.Equal([1, 2, 3], ReadJson(await Get($"{list.Route}/{id}/versions")).GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal([1], ReadJson(await Get($"{list.Route}/{id}/versions?knownAt={Iso(before)}")).GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));

        // The region's list as of mid-last-month shows what the record said then and says now.
        var region = list.RegionRoute?.Replace("{regionCode}", "411000") ?? "/regions/411000/catalogue";
        int RegionVersion(JsonElement page) => page.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("citation").GetProperty("id").GetGuid() == id).GetProperty("citation").GetProperty("version").GetInt32();
        Assert.Equal(3, RegionVersion(ReadJson(await Get($"{region}?asOf={Iso(mid)}&pageSize=200"))));
        Assert.Equal(1, RegionVersion(ReadJson(await Get($"{region}?asOf={Iso(mid)}&knownAt={Iso(before)}&pageSize=200"))));

        // The feed flags both corrections as retroactive: integrators re-check the answers they gave about those instants.
        Assert.Equal([false, true, true], (await FeedOf(id, 3)).Select(i => i.Retroactive));
    }

    [Theory, MemberData(nameof(Lists))]
    public async Task a_correction_ends_where_the_next_version_already_on_record_begins(string name)
    {
        var (list, id) = await OnRecordSinceTwoMonths(name);
        var mid = MidLastMonth;
        var next = Midnight(Now.AddDays(-3));
        await Publish(list, id, next, Basis);
        Clock.Advance(TimeSpan.FromMinutes(1));

        await Publish(list, id, mid, Basis);
        Assert.Equal(new Answer(1, null), await AsOf(list, id, mid.AddTicks(-10)));
        Assert.Equal(new Answer(3, null), await AsOf(list, id, mid));
        Assert.Equal(new Answer(3, null), await AsOf(list, id, next.AddTicks(-10)));
        Assert.Equal(new Answer(2, null), await AsOf(list, id, next));
        Assert.Equal(new Answer(2, null), await AsOf(list, id, Now));
    }

    [Theory, MemberData(nameof(Lists))]
    public async Task a_rescheduled_version_is_cited_on_its_region_s_page_as_on_its_own_at_its_new_time(string name)
    {
        var (list, id) = await OnRecordSinceTwoMonths(name);
        await Publish(list, id, Midnight(Now.AddDays(30)));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var moved = Midnight(Now.AddDays(45));
        await Write(list, id, "reschedule", new { version = 2, effectiveAt = moved, basis = Basis, reason = "实施时间推迟" });

        var at = Iso(moved.AddDays(1));
        var own = ReadJson(await Get($"{list.Route}/{id}?asOf={at}")).GetProperty("citation");
        var region = list.RegionRoute?.Replace("{regionCode}", "411000") ?? "/regions/411000/catalogue";
        var onPage = ReadJson(await Get($"{region}?asOf={at}&pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("citation").GetProperty("id").GetGuid() == id).GetProperty("citation");
        Assert.Equal((2, moved), (own.GetProperty("version").GetInt32(), own.GetProperty("effectiveAt").GetDateTimeOffset()));
        Assert.Equal(own.GetRawText(), onPage.GetRawText());
    }

    [Theory, MemberData(nameof(Lists))]
    public async Task a_scheduled_version_is_cancelled_and_a_scheduled_repeal_rescheduled_before_they_take_effect(string name)
    {
        var (list, id) = await OnRecordSinceTwoMonths(name);
        var scheduled = Midnight(Now.AddDays(30));
        await Publish(list, id, scheduled);
        var before = Now;
        Clock.Advance(TimeSpan.FromMinutes(1));

        // A version before the scheduled one cannot be published while it stands: the decision was withdrawn, so it is cancelled.
        await InReview(list, id);
        AssertProblem(await Post($"{list.Route}/{id}/publish", new { effectiveAt = scheduled.AddDays(-1), reason = "公布" }, Admin.Key, 422,
            $"\"{await VersionOf(list, id)}\""), "effective-time-not-after-current", "effectiveAt");
        AssertProblem(await Post($"{list.Route}/{id}/cancel-schedule", new { version = 1, basis = Basis, reason = "撤销" }, Admin.Key, 422,
            $"\"{await VersionOf(list, id)}\""), "not-scheduled", "version");
        AssertProblem(await Post($"{list.Route}/{id}/cancel-schedule", new { version = 2, repeal = true, basis = Basis, reason = "撤销" }, Admin.Key, 400,
            $"\"{await VersionOf(list, id)}\""), "one-target", "version");
        await Write(list, id, "cancel-schedule", new { version = 2, basis = Basis, reason = "原决定已撤回" });
        Assert.Equal(new Answer(1, null), await AsOf(list, id, scheduled));
        Assert.Equal(new Answer(2, null), await AsOf(list, id, scheduled, before));
        await Write(list, id, "publish", new { effectiveAt = scheduled.AddDays(-1), reason = "经审核同意公布" });
        Assert.Equal(new Answer(3, null), await AsOf(list, id, scheduled));

        // A repeal scheduled for a Beijing midnight, moved a month later: in force until then, as known now.
        var repeal = Midnight(Now.AddDays(60));
        await Write(list, id, "repeal", new { effectiveAt = repeal, basis = "《国务院关于取消和下放一批行政许可事项的决定》", reason = "事项取消" });
        var scheduledRepeal = Now;
        Clock.Advance(TimeSpan.FromMinutes(1));
        var later = Midnight(Now.AddDays(90));
        AssertProblem(await Post($"{list.Route}/{id}/reschedule", new { repeal = true, effectiveAt = scheduled.AddDays(-2), basis = Basis, reason = "调整" },
            Admin.Key, 422, $"\"{await VersionOf(list, id)}\""), "effective-time-out-of-order", "effectiveAt");
        await Write(list, id, "reschedule", new { repeal = true, effectiveAt = later, basis = Basis, reason = "取消时间推迟" });
        Assert.Equal(new Answer(3, null), await AsOf(list, id, repeal));
        Assert.Equal(new Answer(3, null), await AsOf(list, id, later.AddTicks(-10)));
        Assert.Equal(new Answer(null, "repealed"), await AsOf(list, id, repeal, scheduledRepeal));
        var gone = AssertProblem(await Get($"{list.Route}/{id}?asOf={Iso(later)}", status: 404), "repealed");
        Assert.Equal(later, gone.GetProperty("repeal").GetProperty("effectiveAt").GetDateTimeOffset());

        var kinds = (await FeedOf(id, 6)).Select(i => i.Kind);
        Assert.Equal([ChangeKind.Published, ChangeKind.Published, ChangeKind.ScheduleCancelled, ChangeKind.Published, ChangeKind.Repealed,
            ChangeKind.Rescheduled], kinds);
    }

    [Fact]
    public void a_correction_s_notice_is_flagged_retroactive_and_a_schedule_change_says_what_became_of_it()
    {
        var id = Guid.CreateVersion7();
        var item = new ListItem<ProofItemContent>(id, "411000", "000115006000", Admin.Id, Admin.Code, null, ProofItemExamples.EmploymentTermination,
            Lifecycle.NewDraft);
        var now = Now;
        CatalogHub.Sharing.Notifications.ChangeNotice Notice(object e) => CatalogHub.Sharing.Notifications.ChangeNotices.Of(item, e)!;
        ItemPublished<ProofItemContent> Published(DateTimeOffset at) =>
            new(id, 2, "411000", "000115006000", null, ProofItemExamples.EmploymentTermination, at, null, Admin.Code, now, Admin.Code, Basis);

        Assert.True(Notice(Published(MidLastMonth)).Retroactive);
        Assert.False(Notice(Published(now)).Retroactive);
        Assert.True(Notice(new ItemRepealed<ProofItemContent>(id, MidLastMonth, "证明事项取消", Basis, Admin.Code, now)).Retroactive);
        var cancelled = Notice(new ItemScheduleCancelled<ProofItemContent>(id, 2, now.AddDays(30), "原决定已撤回", Basis, Admin.Code, now));
        Assert.Equal((CatalogHub.Sharing.Notifications.ChangeKind.ItemScheduleChanged, now.AddDays(30), true, (DateTimeOffset?)null),
            (cancelled.Kind, cancelled.EffectiveAt, cancelled.Cancelled, cancelled.RescheduledFrom));
        var moved = Notice(new ItemRescheduled<ProofItemContent>(id, null, now.AddDays(30), now.AddDays(60), "推迟", Basis, Admin.Code, now));
        Assert.Equal((now.AddDays(60), (bool?)null, (DateTimeOffset?)now.AddDays(30)), (moved.EffectiveAt, moved.Cancelled, moved.RescheduledFrom));
    }

    [Fact]
    public async Task an_auditor_lists_the_corrections_of_a_region_and_period_with_the_past_instants_each_changed()
    {
        var (list, id) = await OnRecordSinceTwoMonths(CatalogueList.Name);
        var auditor = await Register(TestDepartments.Audit);
        var (mid, next) = (MidLastMonth, Midnight(Now.AddDays(-3)));
        var start = Now;
        await Publish(list, id, next, Basis);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var then = Now;
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Publish(list, id, mid, "豫政办〔2026〕31号", name: "食品经营许可（更正）");
        await Publish(list, id, Now.AddDays(1));

        var page = Read<CatalogHub.Audit.Events.RetroactiveChangePage>(await Get($"/audit/retroactive-changes?regionCode=411000&from={Iso(start)}", auditor.Key));
        Assert.Equal(2, page.Total);
        var (latest, first) = (page.Items[0], page.Items[1]);
        Assert.Equal((3, mid, (DateTimeOffset?)next, "豫政办〔2026〕31号", "经审核同意公布", Admin.Code),
            (latest.Version!.Value, latest.EffectiveAt, latest.Until, latest.Basis, latest.Reason, latest.By));
        Assert.Equal((2, next, (DateTimeOffset?)null), (first.Version!.Value, first.EffectiveAt, first.Until));
        Assert.Equal(0, Read<CatalogHub.Audit.Events.RetroactiveChangePage>(await Get("/audit/retroactive-changes?regionCode=411081", auditor.Key)).Total);
        Assert.Equal(0, Read<CatalogHub.Audit.Events.RetroactiveChangePage>(await Get($"/audit/retroactive-changes?to={Iso(start)}", auditor.Key)).Total);
        await Get("/audit/retroactive-changes", Admin.Key, 403);

        // On the entry, the difference the correction made to what the record says about mid-last-month.
        var diff = Read<RecordDiff>(await Get($"/catalogue/entries/{id}/record-diff?asOf={Iso(mid)}&knownAt={Iso(then)}"));
        Assert.Equal((1, 3, true), (diff.Then!.Version, diff.Now!.Version, diff.Changed));
        var change = Assert.Single(diff.Changes);
        Assert.Equal(("/name", "食品经营许可", "食品经营许可（更正）"), (change.Path, change.Old!.Value.GetString(), change.New!.Value.GetString()));
        var same = Read<RecordDiff>(await Get($"/catalogue/entries/{id}/record-diff?asOf={Iso(mid.AddTicks(-10))}&knownAt={Iso(then)}"));
        Assert.Equal((1, 1, false), (same.Then!.Version, same.Now!.Version, same.Changed));
        AssertProblem(await Get($"/catalogue/entries/{id}/record-diff?asOf={Iso(mid)}", status: 400), "required", "knownAt");
        AssertProblem(await Get("/audit/retroactive-changes?regionCode=419999", auditor.Key, 400), "unknown-region", "regionCode");
    }

    [Fact]
    public async Task the_basis_check_answers_as_known_before_a_correction_of_the_service_guide()
    {
        var (list, id) = await OnRecordSinceTwoMonths(ImplementationListsList.Name);
        var mid = MidLastMonth;
        var before = Now;
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Publish(list, id, mid, Basis);

        async Task<BasisAnswer> Check(DateTimeOffset? knownAt) => Read<BasisAnswer>(await Post("/basis-check",
            new { regionCode = "411000", itemCode = "000147011000", asOf = mid, knownAt }, Admin.Key, 200));
        var now = await Check(null);
        var then = await Check(before);
        Assert.Equal((mid, Now), (now.AsOf, now.KnownAt));
        Assert.Equal(before, then.KnownAt);
        Assert.Equal(2, now.Citations.Single(c => c.List == ImplementationListsList.Name).Version);
        Assert.Equal(1, then.Citations.Single(c => c.List == ImplementationListsList.Name).Version);
        Assert.All(then.Citations, c => Assert.Equal((mid, before), (c.AsOf, c.KnownAt)));
        AssertProblem(await Post("/basis-check", new { regionCode = "411000", itemCode = "000147011000", knownAt = Now.AddDays(1) }, Admin.Key, 400),
            "known-at-in-future", "knownAt");
    }

    /// <summary>
    /// A rebuild (<see cref="ReadModelRebuild"/>, what the benchmark's target 6 measures) writes the rows the inline projections
    /// wrote, on both clocks: every list's item corrected twice in the past, scheduled and cancelled, rescheduled, repealed and its
    /// repeal rescheduled, beside the rest of the demo dataset; the change log but for its transaction ids, which are the rebuild's.
    /// </summary>
    [Fact]
    public async Task rebuilding_every_read_model_from_the_events_writes_the_rows_the_inline_projections_wrote()
    {
        foreach (var name in ListRegistry.All.Select(l => l.Name))
        {
            var (list, id) = await OnRecordSinceTwoMonths(name);
            await Publish(list, id, Midnight(Now.AddDays(30)));
            Clock.Advance(TimeSpan.FromMinutes(1));
            await Write(list, id, "cancel-schedule", new { version = 2, basis = Basis, reason = "原决定已撤回" });
            await Publish(list, id, MidLastMonth, Basis);
            Clock.Advance(TimeSpan.FromMinutes(1));
            await Publish(list, id, MidLastMonth, Basis);
            await Publish(list, id, Midnight(Now.AddDays(20)));
            await Write(list, id, "reschedule", new { version = 5, effectiveAt = Midnight(Now.AddDays(25)), basis = Basis, reason = "实施时间推迟" });
            Clock.Advance(TimeSpan.FromMinutes(1));
            await Write(list, id, "repeal", new { effectiveAt = Midnight(Now.AddDays(60)), basis = "《国务院关于取消和下放一批行政许可事项的决定》", reason = "事项取消" });
            await Write(list, id, "reschedule", new { repeal = true, effectiveAt = Midnight(Now.AddDays(90)), basis = Basis, reason = "取消时间推迟" });
        }
        var inline = await ReadModels();
        // Each item's corrections, cancellation and reschedulings retracted rows: the comparison covers the record clock too.
        Assert.True(inline[ValidityIntervalProjection.Table].Count(r => !r.Contains("\"retracted_at\":null")) >= 5 * ListRegistry.All.Count);

        await ReadModelRebuild.All((DocumentStore)Store, TextWriter.Null, CancellationToken.None);

        var rebuilt = await ReadModels();
        Assert.Equal(inline.Keys, rebuilt.Keys);
        foreach (var (table, rows) in inline)
            Assert.Equal($"{table}\n{string.Join('\n', rows)}", $"{table}\n{string.Join('\n', rebuilt[table])}");
    }

    /// <summary>Every document table's documents, the validity intervals, the change log without its transaction ids, and the schema's indexes.</summary>
    private async Task<Dictionary<string, string[]>> ReadModels()
    {
        await using var session = Store.QuerySession();
        async Task<string[]> Rows(string sql) => [.. await session.AdvancedSql.QueryAsync<string>(sql, CancellationToken.None)];
        var models = new Dictionary<string, string[]>
        {
            [ValidityIntervalProjection.Table] = await Rows($"select row_to_json(t)::text from {ValidityIntervalProjection.Table} t order by list, id, effective_at, recorded_by"),
            [ChangeLogProjection.Table] = await Rows($"select (to_jsonb(c) - 'tx')::text from {ChangeLogProjection.Table} c order by sequence"),
            ["indexes"] = await Rows($"select indexdef from pg_indexes where schemaname = '{Hosting.SchemaName}' order by indexname"),
        };
        foreach (var table in await Rows($"select table_name from information_schema.tables where table_schema = '{Hosting.SchemaName}' and table_name like 'mt_doc_%' order by 1"))
            models[table] = await Rows($"select id::text || ' ' || data::text from {Hosting.SchemaName}.{table} order by id");
        return models;
    }
}
