using CatalogHub.Demo;
using CatalogHub.ImplementationLists;
using CatalogHub.Lists.IntermediaryServices;
using CatalogHub.Lists.ProofItems;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Lists;

/// <summary>An implementation list names the proof items its materials are and the intermediary services it needs; both must be law first.</summary>
public sealed class References_between_lists(AppFixture fixture) : ListContext(fixture)
{
    [Fact]
    public async Task an_implementation_list_naming_a_proof_or_a_service_not_in_force_is_refused_naming_each_reference()
    {
        var entry = await Published();
        var proof = await DraftItem(ProofItemsList.Definition, ProofItemExamples.EmploymentTermination with { ServedEntries = [entry.Id] }, "ZM-0001");
        var service = await DraftItem(IntermediaryServicesList.Definition,
            IntermediaryServiceExamples.BuildingDesignScheme with { ServedEntries = [entry.Id] }, "ZJ-0001");
        var guide = DemoData.FoodBusinessGuide();
        var content = guide with
        {
            Materials = [.. guide.Materials, DemoData.Applicant("终止或者解除劳动关系证明") with { ProofItemId = proof.Id }],
            IntermediaryServices = [service.Id],
        };
        var list = Read<ImplementationListDraftView>(await Post("/implementation-lists", new
        {
            entryId = entry.Id, regionCode = "411000", content, reason = "依据《许昌市政务服务条例》第十四条编制实施清单",
        }, Market.Key, 201));
        list = Read<ImplementationListDraftView>(await Post($"/implementation-lists/{list.Id}/submit", new { reason = "提交审核" }, Market.Key, 200, $"\"{list.Version}\""));

        var refused = AssertProblem(await Post($"/implementation-lists/{list.Id}/publish", new { reason = "经审核同意公布" }, Admin.Key, 422,
            $"\"{list.Version}\""), "list-not-publishable");
        Assert.Equal([$"content.materials[{guide.Materials.Count}].proofItemId", "content.intermediaryServices[0]"],
            refused.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToArray());
        Assert.All(refused.GetProperty("errors").EnumerateArray(), e => Assert.Equal("reference-not-in-force", e.GetProperty("code").GetString()));

        await PublishItem(ProofItemsList.Definition, await SubmitItem(ProofItemsList.Definition, proof));
        await PublishItem(IntermediaryServicesList.Definition, await SubmitItem(IntermediaryServicesList.Definition, service));
        await Post($"/implementation-lists/{list.Id}/publish", new { reason = "经审核同意公布" }, Admin.Key, 200, $"\"{list.Version}\"");
    }

    [Fact]
    public async Task only_a_material_the_applicant_brings_can_be_a_proof()
    {
        var entry = await Published();
        var guide = DemoData.FoodBusinessGuide();
        var byLicence = guide.Materials.First(m => m.Source == MaterialSource.ELicence) with { ProofItemId = Guid.NewGuid() };
        AssertProblem(await Post("/implementation-lists", new
        {
            entryId = entry.Id, regionCode = "411000", content = guide with { Materials = [byLicence] }, reason = "依据《许昌市政务服务条例》第十四条编制实施清单",
        }, Market.Key, 400), "proof-not-from-applicant", "content.materials[0].proofItemId");
    }
}

/// <summary>When a referenced item is cancelled or repealed, the items naming it show as needing revision and their subscribers hear of it.</summary>
public sealed class Needing_revision(AppFixture fixture) : ListContext(fixture)
{
    [Fact]
    public async Task cancelling_a_proof_puts_the_implementation_list_demanding_it_on_the_needs_revision_view_and_in_a_notice()
    {
        await using var receiver = await CatalogHub.Tests.Sharing.WebhookReceiver.Start();
        var subscription = Read<CatalogHub.Sharing.Notifications.CreatedSubscription>(await Post("/sharing/subscriptions",
            new { url = receiver.Url, kinds = new[] { "needs-revision" }, reason = "订阅清单待修订通知" }, Market.Key, 201));
        var entry = await Published();
        var proof = await PublishedItem(ProofItemsList.Definition, ProofItemExamples.EmploymentTermination with { ServedEntries = [entry.Id] }, "ZM-0001");
        var guide = DemoData.FoodBusinessGuide();
        var demanding = guide.Materials.Count;
        var content = guide with { Materials = [.. guide.Materials, DemoData.Applicant("终止或者解除劳动关系证明") with { ProofItemId = proof.Id }] };
        var list = Read<ImplementationListDraftView>(await Post("/implementation-lists", new
        {
            entryId = entry.Id, regionCode = "411000", content, reason = "依据《许昌市政务服务条例》第十四条编制实施清单",
        }, Market.Key, 201));
        list = Read<ImplementationListDraftView>(await Post($"/implementation-lists/{list.Id}/submit", new { reason = "提交审核" }, Market.Key, 200, $"\"{list.Version}\""));
        await Post($"/implementation-lists/{list.Id}/publish", new { reason = "经审核同意公布" }, Admin.Key, 200, $"\"{list.Version}\"");
        Assert.Empty(Read<CatalogHub.Lists.Revision.NeedsRevisionView>(await Get("/needs-revision", Market.Key)).Items);
        Clock.Advance(TimeSpan.FromMinutes(5));

        await Post($"/proof-items/{proof.Id}/repeal", new { basis = "《许昌市人民政府关于取消一批证明事项的决定》", reason = "可通过部门间数据共享核验" },
            Admin.Key, 200, $"\"{proof.Version}\"");

        var view = Read<CatalogHub.Lists.Revision.NeedsRevisionView>(await Get("/needs-revision", Market.Key));
        var item = Assert.Single(view.Items);
        Assert.Equal(("implementation-list", list.Id), (item.List, item.Id));
        var broken = Assert.Single(item.References);
        Assert.Equal(($"content.materials[{demanding}].proofItemId", "proof-items", proof.Id, "repealed"), (broken.Field, broken.List, broken.Id, broken.Standing));
        Assert.Equal("《许昌市人民政府关于取消一批证明事项的决定》", broken.Repeal!.Basis);

        var notice = System.Text.Json.JsonSerializer.Deserialize<CatalogHub.Sharing.Notifications.ChangeNotice>(
            (await receiver.Accepted()).Body, CatalogHub.Platform.ApiJson.Options)!;
        Assert.Equal((CatalogHub.Sharing.Notifications.ChangeKind.NeedsRevision, list.Id, "implementation-list", proof.Id),
            (notice.Kind, notice.SubjectId, notice.List, notice.Cause));
        Assert.NotEmpty(subscription.Secret);
    }
}

/// <summary>002:28: a proof that a promise replaces, or that an e-licence or shared data supplies, must be cancelled; the hub flags it.</summary>
public sealed class Proofs_to_cancel(AppFixture fixture) : ListContext(fixture)
{
    [Fact]
    public async Task a_proof_replaced_by_a_promise_or_supplied_by_an_e_licence_is_flagged_for_cancellation_citing_the_other_list()
    {
        var entry = await Published();
        ProofItemContent Proof(string name) => ProofItemExamples.EmploymentTermination with
        {
            Name = name, DemandingUnit = "许昌市市场监督管理局", IssuingUnit = "不动产登记机构", ServedEntries = [entry.Id],
        };
        var premises = await PublishedItem(ProofItemsList.Definition, Proof("经营场所使用证明"), "ZM-0001");
        var licence = await PublishedItem(ProofItemsList.Definition, Proof("营业执照"), "ZM-0002");
        await PublishedItem(ProofItemsList.Definition, Proof("食品安全管理制度文本"), "ZM-0003");
        Assert.Empty(Read<CatalogHub.Lists.Revision.NeedsRevisionView>(await Get("/needs-revision", Market.Key)).ProofsToCancel);

        var promise = await PublishedItem(CatalogHub.Lists.Promises.PromisesList.Definition,
            CatalogHub.Lists.Promises.PromiseExamples.FoodBusinessPremises with { EntryId = entry.Id }, "000147011000");
        var guide = await PublishedGuideFor(entry.Id);

        var flagged = Read<CatalogHub.Lists.Revision.NeedsRevisionView>(await Get("/needs-revision", Market.Key)).ProofsToCancel
            .OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        Assert.Equal([(premises.Id, "replaced-by-promise", "promises", promise.Id), (licence.Id, "supplied-by-e-licence", "implementation-list", guide)],
            flagged.Select(p => (p.Id, p.Ground, p.Cause.List, p.Cause.Id)).ToArray());
    }

    private async Task<Guid> PublishedGuideFor(Guid entryId)
    {
        var list = Read<ImplementationListDraftView>(await Post("/implementation-lists", new
        {
            entryId, regionCode = "411000", content = DemoData.FoodBusinessGuide(), reason = "依据《许昌市政务服务条例》第十四条编制实施清单",
        }, Market.Key, 201));
        list = Read<ImplementationListDraftView>(await Post($"/implementation-lists/{list.Id}/submit", new { reason = "提交审核" }, Market.Key, 200, $"\"{list.Version}\""));
        await Post($"/implementation-lists/{list.Id}/publish", new { reason = "经审核同意公布" }, Admin.Key, 200, $"\"{list.Version}\"");
        return list.Id;
    }
}
