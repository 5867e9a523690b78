using CatalogHub.BasisCheck;
using CatalogHub.Catalogue;
using CatalogHub.Demo;
using CatalogHub.ImplementationLists;
using CatalogHub.Lists.Deferrals;
using CatalogHub.Lists.IntermediaryServices;
using CatalogHub.Lists.Promises;
using CatalogHub.Lists.ProofItems;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;
using CatalogHub.Tests.Lists;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.BasisCheck;

/// <summary>
/// The basis check over the registered lists: proofs and intermediary services only as listed and in force,
/// 告知承诺 and its exclusions, 容缺受理 and its deadlines, each answer citing exactly the versions it relied on.
/// </summary>
public sealed class Basis_check_for_lists(AppFixture fixture) : ListContext(fixture)
{
    private static readonly ListDefinition<ProofItemContent> Proofs = ProofItemsList.Definition;
    private static readonly ListDefinition<IntermediaryServiceContent> Services = IntermediaryServicesList.Definition;
    private static readonly ListDefinition<PromiseContent> Promises = PromisesList.Definition;
    private static readonly ListDefinition<DeferralContent> Deferrals = DeferralsList.Definition;

    private TestDepartment Consumer { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Consumer = await Register(TestDepartments.HumanResources);
    }

    private async Task<BasisAnswer> Check(DateTimeOffset? asOf, object[]? proofs = null, object[]? intermediaryServices = null,
        object? promise = null, string[]? missingMaterials = null, string itemCode = "000147011000") =>
        Read<BasisAnswer>(await Post("/basis-check",
            new { regionCode = "411000", itemCode, asOf, proofs, intermediaryServices, promise, missingMaterials }, Consumer.Key, 200));

    /// <summary>The latest version as a verdict cites it: recorded by its own publication.</summary>
    private async Task<Citation> CitationOf(string route, Guid id) => Read<VersionList>(await Get($"{route}/{id}/versions")).Versions[^1] is var v
        ? v with { RecordedBy = v.Sequence } : null!;

    /// <summary>An answer's citations without the two instants every one of them names (the answer's own).</summary>
    private static Citation[] Cited(BasisAnswer answer) => [.. answer.Citations.Select(c => c with { AsOf = null, KnownAt = null })];

    private async Task<Citation[]> GuideCitations(EntryDraftView entry, ImplementationListDraftView list) =>
        [await CitationOf("/catalogue/entries", entry.Id), await CitationOf("/implementation-lists", list.Id)];

    /// <summary>食品从业人员健康证明 for 食品经营许可 (食品安全法 第四十五条), on the proof-item list's example.</summary>
    private static ProofItemContent HealthCertificate(Guid entryId) => ProofItemExamples.EmploymentTermination with
    {
        Name = "食品从业人员健康证明",
        LegalBases = [new LegalBasis("中华人民共和国食品安全法", "法律", "第四十五条")],
        DemandingUnit = "许昌市市场监督管理局",
        IssuingUnit = "具备健康体检资质的医疗卫生机构",
        ServedEntries = [entryId],
        Guide = new ProofGuide("从事接触直接入口食品工作的食品经营人员每年进行健康检查，取得健康证明后方可上岗工作。",
            "许昌市疾病预防控制中心或者具备健康体检资质的医疗卫生机构", 3),
    };

    private static DemoData.DemoItem DemoEntry(string itemCode) => DemoData.Items.Single(i => i.Region == "411000" && i.Code == itemCode);

    /// <summary>The service guide of 建设工程规划许可证核发 in 许昌市, which needs a design scheme drawn up by a design unit.</summary>
    private static ImplementationListContent PlanningGuide()
    {
        var planningLaw = new LegalBasis("中华人民共和国城乡规划法", "法律", "第四十条");
        return FoodGuide() with
        {
            ServiceObjects = ["企业法人", "其他组织"],
            Conditions = [new("建设单位已取得建设项目用地的规划条件", planningLaw)],
            Steps = [.. FoodGuide().Steps.SkipLast(1), new("送达", "核发建设工程规划许可证", planningLaw)],
            Materials = [Applicant("建设工程规划许可证申请表"), Applicant("建设用地规划许可证"), Applicant("建设工程设计方案")],
            ReviewStandard = "依据《中华人民共和国城乡规划法》第四十条审查建设工程设计方案是否符合控制性详细规划和规划条件",
            Result = "建设工程规划许可证",
            Channels = ["许昌市政务服务中心自然资源和规划窗口", "河南政务服务网（许昌市站点）"],
        };
    }

    [Fact]
    public async Task a_proof_is_allowed_from_its_effective_time_until_its_cancellation_which_is_cited()
    {
        var (entry, list) = await PublishedGuide();
        var effectiveAt = Now.AddDays(1);
        var proof = await PublishedItem(Proofs, HealthCertificate(entry.Id), "411000-ZM-0001", effectiveAt);
        var cancelAt = Now.AddDays(30);
        await Post($"/proof-items/{proof.Id}/repeal",
            new { effectiveAt = cancelAt, basis = "许昌市人民政府关于取消一批证明事项的决定", reason = "改为申请人告知承诺" }, Admin.Key, 200, $"\"{proof.Version}\"");
        var guide = await GuideCitations(entry, list);
        var proofCitation = await CitationOf("/proof-items", proof.Id);
        object[] demanded = [new { name = "食品从业人员健康证明" }];

        var before = await Check(effectiveAt.AddSeconds(-1), demanded);
        Assert.False(before.Allowed);
        AssertSameJson(new ListVerdict("proofs[0]", "食品从业人员健康证明", false,
            [new("proof-not-listed", "proof-items", before.Proofs[0].Reasons[0].Message)], null, null), before.Proofs[0]);
        Assert.Equal(guide, Cited(before));

        var at = await Check(effectiveAt, demanded);
        Assert.True(at.Allowed);
        AssertSameJson(new ListVerdict("proofs[0]", "食品从业人员健康证明", true, [], proofCitation, null), at.Proofs[0]);
        Assert.Equal([.. guide, proofCitation], Cited(at));
        Assert.Empty(at.Repeals);

        var cancelled = await Check(cancelAt, demanded);
        Assert.False(cancelled.Allowed);
        var verdict = Assert.Single(cancelled.Proofs);
        Assert.Equal(("repealed", "proof-items"), (Assert.Single(verdict.Reasons).Code, verdict.Reasons[0].List));
        var repeal = Assert.Single(cancelled.Repeals);
        Assert.Equal(("proof-items", proof.Id, cancelAt), (repeal.List, repeal.Id, repeal.EffectiveAt));
        Assert.Equal(repeal, verdict.Repeal);
        Assert.Equal(guide, Cited(cancelled));
    }

    [Fact]
    public async Task a_proof_is_refused_when_unlisted_for_the_item_or_supplied_by_an_e_licence_and_names_are_read_as_shown()
    {
        var (entry, list) = await PublishedGuide();
        var unemployment = await Published(DemoEntry("000115006000").Content, "000115006000");
        // 终止或者解除劳动关系证明 is listed, but for 失业保险金申领, not for 食品经营许可.
        await PublishedItem(Proofs, ProofItemExamples.EmploymentTermination with { ServedEntries = [unemployment.Id] }, "411000-ZM-0002");
        var health = await PublishedItem(Proofs, HealthCertificate(entry.Id), "411000-ZM-0001");

        var answer = await Check(null,
            [new { name = "终止或者解除劳动关系证明" }, new { name = "营业执照" }, new { name = " 食品从业人员健康证明　" }, new { name = "无犯罪记录证明" }]);

        Assert.False(answer.Allowed);
        Assert.Equal(["proof-not-listed"], answer.Proofs[0].Reasons.Select(r => r.Code));
        Assert.Equal(["proof-not-listed", "proof-supplied-by-e-licence"], answer.Proofs[1].Reasons.Select(r => r.Code));
        Assert.Equal(ImplementationListsList.Name, answer.Proofs[1].Reasons[1].List);
        Assert.True(answer.Proofs[2].Allowed);
        Assert.Equal(["proof-not-listed"], answer.Proofs[3].Reasons.Select(r => r.Code));
        Assert.Equal([.. await GuideCitations(entry, list), await CitationOf("/proof-items", health.Id)], Cited(answer));
    }

    [Fact]
    public async Task a_proof_listed_by_a_county_is_no_basis_for_the_city_handling_the_item()
    {
        var (entry, _) = await PublishedGuide();
        var weidu = await Register(TestDepartments.WeiduManager);
        var draft = Read<ItemDraftView<ProofItemContent>>(await Post(Proofs.Route,
            new { regionCode = "411002", code = "411002-ZM-0001", content = HealthCertificate(entry.Id) with { DemandingUnit = "许昌市魏都区市场监督管理局" }, reason = Reason },
            weidu.Key, 201));
        var submitted = Read<ItemDraftView<ProofItemContent>>(await Post($"{Proofs.Route}/{draft.Id}/submit", new { reason = "提交审核" },
            weidu.Key, 200, $"\"{draft.Version}\""));
        await Post($"{Proofs.Route}/{draft.Id}/publish", new { note = "按条例公布", reason = "经审核同意公布" }, weidu.Key, 200, $"\"{submitted.Version}\"");

        var answer = await Check(null, [new { name = "食品从业人员健康证明" }]);
        Assert.Equal(["proof-not-listed"], Assert.Single(answer.Proofs).Reasons.Select(r => r.Code));
        Assert.Equal(2, answer.Citations.Count);
    }

    [Fact]
    public async Task an_intermediary_service_is_allowed_only_as_listed_and_never_from_a_designated_agency()
    {
        var planning = await Published(DemoEntry("000131015000").Content, "000131015000");
        var list = await PublishList(await SubmitList(await DraftList(planning.Id, PlanningGuide())));
        var service = await PublishedItem(Services, IntermediaryServiceExamples.BuildingDesignScheme with { ServedEntries = [planning.Id] }, "411000-ZJ-0001");
        var serviceCitation = await CitationOf("/intermediary-services", service.Id);

        var answer = await Check(null, intermediaryServices:
        [
            new { name = "建设工程设计方案编制" },
            new { name = "建设工程设计方案编制", provider = "具有相应建筑工程设计资质的设计单位" },
            new { name = "建设工程设计方案编制", provider = "许昌市规划设计研究院" },
            new { name = "建设工程设计方案编制", provider = "具有甲级建筑工程设计资质的设计单位" },
            new { name = "建设项目环境影响评价报告编制" },
        ], itemCode: "000131015000");

        Assert.False(answer.Allowed);
        AssertSameJson(new ListVerdict("intermediaryServices[0]", "建设工程设计方案编制", true, [], serviceCitation, null), answer.IntermediaryServices[0]);
        Assert.True(answer.IntermediaryServices[1].Allowed);
        Assert.Equal(["designated-agency"], answer.IntermediaryServices[2].Reasons.Select(r => r.Code));
        Assert.Contains("names an agency", answer.IntermediaryServices[2].Reasons[0].Message);
        Assert.Equal(["designated-agency"], answer.IntermediaryServices[3].Reasons.Select(r => r.Code));
        Assert.Equal(["intermediary-not-listed"], answer.IntermediaryServices[4].Reasons.Select(r => r.Code));
        Assert.Null(answer.IntermediaryServices[4].Citation);
        Assert.Equal([.. await GuideCitations(planning, list), serviceCitation], Cited(answer));
    }

    [Fact]
    public async Task a_promise_applies_from_its_effective_time_except_to_an_applicant_with_serious_bad_credit()
    {
        var (entry, list) = await PublishedGuide();
        var effectiveAt = Now.AddHours(1);
        var content = PromiseExamples.FoodBusinessPremises with { EntryId = entry.Id };
        var promise = await PublishedItem(Promises, content, "000147011000", effectiveAt);
        var guide = await GuideCitations(entry, list);
        var promiseCitation = await CitationOf("/promises", promise.Id);
        var clean = new { seriousBadCredit = false, earlierFalsePromise = false };

        var before = await Check(effectiveAt.AddSeconds(-1), promise: clean);
        Assert.False(before.Allowed);
        Assert.Equal(["not-on-promise-list"], before.Promise!.Reasons.Select(r => r.Code));
        Assert.Equal(guide, Cited(before));

        var applies = await Check(effectiveAt, promise: clean);
        Assert.True(applies.Allowed);
        AssertSameJson(new PromiseVerdict("promise", true, [], promiseCitation, null, content.Replaces, []), applies.Promise);
        Assert.Equal([.. guide, promiseCitation], Cited(applies));

        var excluded = await Check(effectiveAt, promise: new { seriousBadCredit = true, earlierFalsePromise = false });
        Assert.False(excluded.Allowed);
        var reason = Assert.Single(excluded.Promise!.Reasons);
        Assert.Equal(("serious-bad-credit", "promises"), (reason.Code, reason.List));
        Assert.Contains("content.exclusions[0]", reason.Message);
        Assert.Equal([.. guide, promiseCitation], Cited(excluded));
    }

    [Fact]
    public async Task missing_materials_follow_within_the_listed_working_days_unless_main_or_not_deferrable()
    {
        var (entry, list) = await PublishedGuide();
        var missing = new[] { "食品安全管理制度文本", "主要设备设施布局图及操作流程说明", "委托代理人授权委托书" };
        var without = await Check(null, missingMaterials: missing);
        Assert.All(without.MissingMaterials, v => Assert.Equal(["not-on-deferral-list"], v.Reasons.Select(r => r.Code)));

        var deferral = await PublishedItem(Deferrals, DeferralExamples.ConstructionPermit with
        {
            EntryId = entry.Id,
            MainMaterials = ["食品经营许可申请书", "主要设备设施布局图及操作流程说明"],
            DeferrableMaterials = [new("食品安全管理制度文本", 5)],
            IfNotSupplied = "申请人应在受理之日起5个工作日内补齐容缺材料；逾期未补齐的，视为撤回申请（《许昌市政务服务条例》第二十五条）。",
            LegalBases = [new LegalBasis("许昌市政务服务条例", "地方性法规", "第二十五条")],
        }, "000147011000");
        var deferralCitation = await CitationOf("/deferrals", deferral.Id);

        var answer = await Check(null, missingMaterials: missing);
        Assert.False(answer.Allowed);
        AssertSameJson(new MissingMaterialVerdict("missingMaterials[0]", "食品安全管理制度文本", true, [], 5, deferralCitation, null), answer.MissingMaterials[0]);
        Assert.Equal(["main-material"], answer.MissingMaterials[1].Reasons.Select(r => r.Code));
        Assert.Equal(["not-deferrable"], answer.MissingMaterials[2].Reasons.Select(r => r.Code));
        // Only the refused elements' codes: the deferrable material's verdict is allowed.
        Assert.Equal(["main-material", "not-deferrable"], answer.ReasonCodes);
        Assert.Equal([.. await GuideCitations(entry, list), deferralCitation], Cited(answer));

        var accepted = await Check(null, missingMaterials: ["食品安全管理制度文本"]);
        Assert.True(accepted.Allowed);
        Assert.Empty(accepted.ReasonCodes);
    }

    [Fact]
    public async Task without_the_item_in_force_every_list_element_carries_the_item_reasons()
    {
        var entry = await Draft();
        await DraftList(entry.Id);
        var answer = await Check(null, [new { name = "食品从业人员健康证明" }], [new { name = "食品经营场所检测报告编制" }],
            new { seriousBadCredit = false, earlierFalsePromise = false }, ["食品安全管理制度文本"]);
        Assert.False(answer.Allowed);
        string[] draftOnly = ["draft-only", "draft-only"];
        Assert.Equal(draftOnly, answer.Proofs[0].Reasons.Select(r => r.Code));
        Assert.Equal(draftOnly, answer.IntermediaryServices[0].Reasons.Select(r => r.Code));
        Assert.Equal(draftOnly, answer.Promise!.Reasons.Select(r => r.Code));
        Assert.Equal(draftOnly, answer.MissingMaterials[0].Reasons.Select(r => r.Code));
        Assert.Equal(["draft-only"], answer.ReasonCodes);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task malformed_list_elements_are_refused_with_their_field_paths()
    {
        var bad = await Post("/basis-check", new
        {
            regionCode = "411000",
            itemCode = "000147011000",
            proofs = new[] { new { name = " " } },
            intermediaryServices = new[] { new { name = "建设工程设计方案编制", provider = new string('院', 201) } },
            promise = new { seriousBadCredit = true },
            missingMaterials = new[] { "食品安全管理制度文本", "" },
        }, Consumer.Key, 400);
        var errors = ReadJson(bad).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString()));
        Assert.Equal([("proofs[0].name", "required"), ("intermediaryServices[0].provider", "too-long"),
            ("promise.earlierFalsePromise", "required"), ("missingMaterials[1]", "required")], errors);

        var tooMany = await Post("/basis-check", new
        {
            regionCode = "411000", itemCode = "000147011000",
            missingMaterials = Enumerable.Repeat("食品安全管理制度文本", CheckBasisEndpoint.MaxElements + 1),
        }, Consumer.Key, 400);
        var error = Assert.Single(ReadJson(tooMany).GetProperty("errors").EnumerateArray());
        Assert.Equal(("missingMaterials", "too-many"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
    }
}
