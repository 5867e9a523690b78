using CatalogHub.Publication.Lists;
using CatalogHub.BasisCheck;
using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;
using CatalogHub.Publication;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.ImplementationLists;

public sealed class Basis_check(AppFixture fixture) : ImplementationListContext(fixture)
{
    private TestDepartment Consumer { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Consumer = await Register(TestDepartments.HumanResources);
    }

    private async Task<BasisAnswer> Check(DateTimeOffset? asOf, object[]? materials = null, object[]? conditions = null, object[]? fees = null,
        string itemCode = "000147011000") =>
        Read<BasisAnswer>(await Post("/basis-check", new { regionCode = "411000", itemCode, asOf, materials, conditions, fees }, Consumer.Key, 200));

    private static object Paper(string name) => new { name, form = "paper" };
    private static object Electronic(string name) => new { name, form = "electronic" };

    [Fact]
    public async Task listed_materials_conditions_and_a_fee_free_item_are_allowed_citing_both_versions()
    {
        var (entry, list) = await PublishedGuide(Now.AddMinutes(1));
        var answer = await Check(Now.AddMinutes(2),
            [Paper("食品经营许可申请书"), Electronic("营业执照"), new { licenceTypeCode = IdentityCardType, form = "electronic" }],
            [new { text = "具有与经营的食品品种、数量相适应的经营场所" }]);

        Assert.True(answer.Allowed);
        Assert.Empty(answer.Reasons);
        Assert.Empty(answer.ReasonCodes);
        Assert.All(answer.Materials.Concat(answer.Conditions), v => Assert.True(v.Allowed, v.Element));
        var versions = Read<VersionList>(await Get($"/catalogue/entries/{entry.Id}/versions"));
        var listVersions = Read<VersionList>(await Get($"/implementation-lists/{list.Id}/versions"));
        Assert.Equal([versions.Versions[0], listVersions.Versions[0]], answer.Citations.Select(Bare));
        Assert.True(answer.Index.Sequence >= 0);
    }

    [Fact]
    public async Task the_answer_follows_the_versions_before_at_and_between_their_effective_times_and_after_repeal()
    {
        var t1 = Now.AddMinutes(10);
        var (entry, v1) = await PublishedGuide(t1);
        var withoutPlan = FoodGuide() with { Materials = [.. FoodGuide().Materials.Where(m => m.Name != "主要设备设施布局图及操作流程说明")] };
        var t2 = Now.AddDays(30);
        var v2 = await PublishList(await SubmitList(await ReviseList(v1, withoutPlan)), t2);
        var repealAt = Now.AddDays(60);
        await RepealList(v2, repealAt);
        object[] plan = [Paper("主要设备设施布局图及操作流程说明")];

        var before = await Check(t1.AddSeconds(-1), plan);
        Assert.False(before.Allowed);
        Assert.Equal(["not-published-on-that-date", "not-published-on-that-date"], before.Reasons.Select(r => r.Code));
        Assert.Equal(["not-published-on-that-date", "not-published-on-that-date"], Assert.Single(before.Materials).Reasons.Select(r => r.Code));
        Assert.Empty(before.Citations);

        var at = await Check(t1, plan);
        Assert.True(at.Allowed);
        Assert.Equal([1, 1], at.Citations.Select(c => c.Version));

        var between = await Check(t2.AddSeconds(-1), plan);
        Assert.True(between.Allowed);
        Assert.Equal(1, between.Citations.Single(c => c.List == ImplementationListsList.Name).Version);

        var atSecond = await Check(t2, plan);
        Assert.False(atSecond.Allowed);
        Assert.Equal("material-not-listed", Assert.Single(Assert.Single(atSecond.Materials).Reasons).Code);
        var cited = atSecond.Citations.Single(c => c.List == ImplementationListsList.Name);
        Assert.Equal((v1.Id, 2, t2), (cited.Id, cited.Version, cited.EffectiveAt));
        Assert.Equal(entry.Id, atSecond.Citations.Single(c => c.List == CatalogHub.Catalogue.CatalogueList.Name).Id);

        var repealed = await Check(repealAt, [Electronic("营业执照")]);
        Assert.False(repealed.Allowed);
        var reason = Assert.Single(repealed.Reasons);
        Assert.Equal(("repealed", ImplementationListsList.Name), (reason.Code, reason.List));
        Assert.Equal(repealAt, Assert.Single(repealed.Repeals).EffectiveAt);
    }

    [Fact]
    public async Task a_draft_only_item_is_never_a_basis()
    {
        var entry = await Draft();
        await DraftList(entry.Id);
        var answer = await Check(Now, [Electronic("营业执照")]);
        Assert.False(answer.Allowed);
        Assert.Equal(["draft-only", "draft-only"], answer.Reasons.Select(r => r.Code));
        Assert.Equal(["draft-only"], answer.ReasonCodes);
        Assert.Equal([CatalogHub.Catalogue.CatalogueList.Name, ImplementationListsList.Name], answer.Reasons.Select(r => r.List));
        Assert.False(Assert.Single(answer.Materials).Allowed);

        var unknown = await Check(Now, itemCode: "000147023000");
        Assert.Equal(["not-listed", "not-listed"], unknown.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task a_published_entry_without_a_published_list_is_refused_for_the_list()
    {
        var entry = await Published();
        await DraftList(entry.Id);
        var answer = await Check(Now);
        var reason = Assert.Single(answer.Reasons);
        Assert.Equal(("draft-only", ImplementationListsList.Name), (reason.Code, reason.List));
        Assert.Equal(entry.Id, Assert.Single(answer.Citations).Id);
    }

    [Fact]
    public async Task paper_is_refused_for_a_material_an_e_licence_supplies()
    {
        await PublishedGuide();
        var answer = await Check(Now, [Paper("营业执照"), new { licenceTypeCode = BusinessLicenceType, form = "both" }, Electronic("营业执照")]);
        Assert.False(answer.Allowed);
        Assert.Equal(["paper-where-e-licence-listed"], answer.Materials[0].Reasons.Select(r => r.Code));
        Assert.Equal(["paper-where-e-licence-listed"], answer.Materials[1].Reasons.Select(r => r.Code));
        Assert.True(answer.Materials[2].Allowed);
        Assert.Equal(["paper-where-e-licence-listed"], answer.ReasonCodes);
    }

    [Fact]
    public async Task unlisted_materials_conditions_and_fees_are_refused_each_with_its_code()
    {
        var fee = new Fee("不动产登记费", "住宅类每件80元",
            new("国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知（发改价格规〔2016〕2559号）", "规范性文件", "第一条"));
        await PublishedGuide(content: FoodGuide() with { Free = false, Fees = [fee] });
        var answer = await Check(Now,
            [Paper("无犯罪记录证明"), new { name = "食品经营许可申请书", form = "both", copies = 3 }],
            [new { text = "申请人须在本市缴纳社会保险满一年" }],
            [new { name = "不动产登记费" }, new { name = "专家评审费" }]);

        Assert.False(answer.Allowed);
        // The item itself is in force, so it has no reasons of its own; the summary says why the answer is no all the same.
        Assert.Empty(answer.Reasons);
        Assert.Equal(["material-not-listed", "copies-exceed-listed", "condition-not-listed", "fee-not-listed"], answer.ReasonCodes);
        Assert.Equal(["material-not-listed"], answer.Materials[0].Reasons.Select(r => r.Code));
        Assert.Equal(["copies-exceed-listed"], answer.Materials[1].Reasons.Select(r => r.Code));
        Assert.Equal(["condition-not-listed"], answer.Conditions[0].Reasons.Select(r => r.Code));
        Assert.True(answer.Fees[0].Allowed);
        Assert.Equal(["fee-not-listed"], answer.Fees[1].Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task the_basis_check_needs_a_key_and_well_formed_input()
    {
        await Host.Scenario(s =>
        {
            s.Post.Json(new { regionCode = "411000", itemCode = "000147011000" }).ToUrl("/basis-check");
            s.StatusCodeShouldBe(401);
        });
        var bad = await Post("/basis-check", new { regionCode = "991000", itemCode = "000147011000", materials = new[] { new { form = "paper" } } },
            Consumer.Key, 400);
        var fields = ReadJson(bad).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString());
        Assert.Equal(["regionCode", "materials[0]"], fields);
    }
}

/// <summary>The rules alone, on timelines built in memory: no host, no database.</summary>
public sealed class Basis_rules
{
    private static readonly DateTimeOffset T1 = new(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void a_timeline_answers_before_at_and_after_its_versions_and_its_repeal()
    {
        var id = Guid.CreateVersion7();
        var v1 = new Citation(ImplementationListsList.Name, id, 1, T1.AddDays(-1), T1, 10);
        var v2 = v1 with { Version = 2, EffectiveAt = T1.AddDays(10), Sequence = 20 };
        var timeline = Timeline.Empty(id, ImplementationListsList.Name)
            .Published(new IndexedVersion(v1, null), 10).Published(new IndexedVersion(v2, null), 20)
            .Repealed(new RepealCitation(ImplementationListsList.Name, id, T1, T1.AddDays(20), 30, "事项取消", "国务院决定"), 30);
        Assert.Equal(StandingKind.NotYetInForce, timeline.At(T1.AddTicks(-1)).Kind);
        Assert.Equal(v1 with { RecordedBy = 10 }, timeline.At(T1).Version!.Citation);
        Assert.Equal(v1 with { RecordedBy = 10 }, timeline.At(T1.AddDays(10).AddTicks(-1)).Version!.Citation);
        Assert.Equal(v2 with { RecordedBy = 20 }, timeline.At(T1.AddDays(10)).Version!.Citation);
        Assert.Equal(StandingKind.Repealed, timeline.At(T1.AddDays(20)).Kind);
        Assert.Equal(StandingKind.DraftOnly, (Timeline.Empty(id, ImplementationListsList.Name) with { Drafted = true }).At(T1).Kind);
        Assert.Equal(StandingKind.Unknown, (Timeline.Empty(id, ImplementationListsList.Name) with { Drafted = true, Withdrawn = true }).At(T1).Kind);
    }

    [Fact]
    public void a_re_established_list_is_in_force_again_after_its_repeal_and_each_gap_cites_its_own_repeal()
    {
        var id = Guid.CreateVersion7();
        var v1 = new Citation(CatalogueList.Name, id, 1, T1.AddDays(-1), T1, 10);
        var first = new RepealCitation(CatalogueList.Name, id, T1.AddDays(1), T1.AddDays(20), 20, "事项取消", "《国务院关于取消和下放一批行政许可事项的决定》");
        var v2 = v1 with { Version = 2, PublishedAt = T1.AddDays(25), EffectiveAt = T1.AddDays(30), Sequence = 30 };
        var second = first with { RecordedAt = T1.AddDays(35), EffectiveAt = T1.AddDays(40), Sequence = 40, Reason = "再次取消" };
        PublicationChange Published(Citation c) => new(c.Sequence, c.List, ChangeKind.Published, id, "411000", "000131004000", c.PublishedAt,
            PublicationChange.DocumentOf(new ItemVersion<EntryContent>($"{id}:{c.Version}", CatalogueList.Name, id, c.Version, "411000", "000131004000", null,
                new EntryContent("建筑工程施工许可证核发", "行政许可", "许昌市住房和城乡建设局", "许昌市住房和城乡建设局",
                    [new LegalBasis("中华人民共和国建筑法", "法律", "第八条")], null), c.EffectiveAt, c.PublishedAt, "11411000005326026D", null, c.Sequence)));
        PublicationChange Repealed(RepealCitation r) => new(r.Sequence, r.List, ChangeKind.Repealed, id, null, null, r.RecordedAt, PublicationChange.DocumentOf(r));

        // Changes arrive in any order, some twice: the timeline converges all the same.
        PublicationChange[] changes = [Repealed(second), Published(v2), Repealed(first), Published(v1), Repealed(first), Published(v2)];
        var timeline = changes.Aggregate(Timeline.Empty(id, CatalogueList.Name), (t, c) => t.With(c));

        Assert.Equal(v1 with { RecordedBy = 10 }, timeline.At(first.EffectiveAt.AddTicks(-1)).Version!.Citation);
        Assert.Equal(first, timeline.At(first.EffectiveAt).Repeal);
        Assert.Equal(first, timeline.At(v2.EffectiveAt.AddTicks(-1)).Repeal);
        Assert.Equal(v2 with { RecordedBy = 30 }, timeline.At(v2.EffectiveAt).Version!.Citation);
        Assert.Equal(v2 with { RecordedBy = 30 }, timeline.At(second.EffectiveAt.AddTicks(-1)).Version!.Citation);
        Assert.Equal(StandingKind.Repealed, timeline.At(second.EffectiveAt).Kind);
        Assert.Equal(second, timeline.At(second.EffectiveAt.AddYears(1)).Repeal);

        // A correction recorded later (v3, effective inside v2's interval): as known before it, every instant answers as it did.
        var v3 = v1 with { Version = 3, PublishedAt = T1.AddDays(50), EffectiveAt = T1.AddDays(32), Sequence = 50 };
        var corrected = timeline.With(Published(v3));
        Assert.Equal(v3 with { RecordedBy = 50 }, corrected.At(T1.AddDays(33)).Version!.Citation);
        Assert.Equal(v2 with { RecordedBy = 30 }, corrected.At(T1.AddDays(31)).Version!.Citation);
        Assert.Equal(second, corrected.At(second.EffectiveAt).Repeal);
        foreach (var instant in new[] { T1, first.EffectiveAt, T1.AddDays(31), T1.AddDays(33), second.EffectiveAt })
            Assert.Equal(timeline.At(instant), corrected.At(instant, v3.PublishedAt.AddTicks(-1)));
        Assert.Equal(corrected.At(T1.AddDays(33)), corrected.At(T1.AddDays(33), v3.PublishedAt));
    }

    [Fact]
    public void an_item_code_stays_with_the_list_that_holds_it_when_a_withdrawn_draft_s_changes_arrive_late()
    {
        var index = new PublishedIndex(TimeProvider.System);
        var withdrawn = Guid.CreateVersion7();
        var again = Guid.CreateVersion7();
        PublicationChange Change(long sequence, ChangeKind kind, Guid id, bool keyed) =>
            new(sequence, CatalogueList.Name, kind, id, keyed ? "411000" : null, keyed ? "000131004000" : null, T1, null);

        // This node drafted the entry again at once; the withdrawn draft's changes come in from the log afterwards, one twice.
        index.Apply(Change(3, ChangeKind.Drafted, again, keyed: true));
        index.Apply(Change(1, ChangeKind.Drafted, withdrawn, keyed: true));
        index.Apply(Change(2, ChangeKind.Withdrawn, withdrawn, keyed: false));
        index.Apply(Change(1, ChangeKind.Drafted, withdrawn, keyed: true));

        Assert.Equal(again, index.Find(CatalogueList.Name, "411000", "000131004000")!.Id);
        Assert.True(index.Find(withdrawn)!.Withdrawn);
    }

    [Fact]
    public void an_item_code_drafted_again_after_two_withdrawn_drafts_is_found_with_its_new_list_and_the_last_withdrawn_before_it()
    {
        var index = new PublishedIndex(TimeProvider.System);
        var (first, second, third) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        PublicationChange Change(long sequence, ChangeKind kind, Guid id) =>
            new(sequence, CatalogueList.Name, kind, id, "411000", "000131004000", T1, null);
        Timeline? Holder() => index.Find(CatalogueList.Name, "411000", "000131004000");

        index.Apply(Change(1, ChangeKind.Drafted, first));
        index.Apply(Change(2, ChangeKind.Withdrawn, first));
        Assert.Equal(first, Holder()!.Id);
        index.Apply(Change(3, ChangeKind.Drafted, second));
        Assert.Equal(second, Holder()!.Id);
        index.Apply(Change(4, ChangeKind.Withdrawn, second));
        // Every draft of the code withdrawn: the last one answers (draft withdrawn, so "not listed").
        Assert.Equal(second, Holder()!.Id);
        index.Apply(Change(5, ChangeKind.Drafted, third));
        index.Apply(Change(5, ChangeKind.Drafted, third));
        Assert.Equal(third, Holder()!.Id);
        Assert.Equal(StandingKind.DraftOnly, Holder()!.At(T1).Kind);
    }
}
