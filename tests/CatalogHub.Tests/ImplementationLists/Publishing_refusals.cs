using System.Text.Json;
using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.ImplementationLists;

public sealed class Publishing_refusals(AppFixture fixture) : ImplementationListContext(fixture)
{
    private static readonly LegalBasis RegistrationFeeNotice =
        new("国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知（发改价格规〔2016〕2559号）", "规范性文件", "第一条");

    /// <summary>Drafts and submits <paramref name="content"/> for a published entry, then asks to publish it; returns the problem's errors.</summary>
    private async Task<(JsonElement Problem, (string Field, string Code)[] Errors)> RefusedToPublish(ImplementationListContent content, string code)
    {
        var entry = await Published();
        var list = await SubmitList(await DraftList(entry.Id, content));
        var before = await EventCount();
        var result = await Post($"/implementation-lists/{list.Id}/publish", new { reason = "公布" }, Admin.Key, 422, $"\"{list.Version}\"");
        Assert.Equal(before, await EventCount());
        var problem = AssertProblem(result, code);
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("code").GetString()!)).ToArray();
        return (problem, errors);
    }

    [Fact]
    public async Task a_vague_material_is_refused_naming_the_material()
    {
        var content = FoodGuide() with { Materials = [.. FoodGuide().Materials, Applicant("其他相关材料")] };
        var (problem, errors) = await RefusedToPublish(content, "vague-material");
        Assert.Equal([("content.materials[6].name", "vague-material")], errors);
        Assert.Equal("content.materials[6].name", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task every_offending_element_is_named_at_once()
    {
        var guide = FoodGuide();
        var content = guide with
        {
            Materials = [Applicant("身份证、户口簿等"), .. guide.Materials, Applicant("有关材料")],
            Conditions = [guide.Conditions[0], new("经营场所周边无污染源", null)],
            Steps = [guide.Steps[0], new("现场核查", "必要时进行现场核查", null)],
            PromisedLimitDays = 25,
            Free = false,
            Fees = [new("不动产登记费", null, null)],
        };
        var (_, errors) = await RefusedToPublish(content, "list-not-publishable");
        Assert.Equal(
        [
            ("content.materials[0].name", "vague-material"),
            ("content.materials[7].name", "vague-material"),
            ("content.conditions[1].basis", "condition-without-basis"),
            ("content.steps[1].basis", "step-without-basis"),
            ("content.promisedLimitDays", "promised-exceeds-statutory"),
            ("content.fees[0].basis", "fee-without-basis"),
            ("content.fees[0].standard", "fee-without-standard"),
        ], errors);
    }

    [Fact]
    public async Task a_condition_without_a_legal_basis_is_refused() =>
        Assert.Equal([("content.conditions[0].basis", "condition-without-basis")],
            (await RefusedToPublish(FoodGuide() with { Conditions = [new("申请人信用状况良好", null)] }, "condition-without-basis")).Errors);

    [Fact]
    public async Task a_step_without_a_legal_basis_is_refused() =>
        Assert.Equal([("content.steps[4].basis", "step-without-basis")],
            (await RefusedToPublish(FoodGuide() with { Steps = [.. FoodGuide().Steps, new("专家评审", "组织专家论证", null)] }, "step-without-basis")).Errors);

    [Fact]
    public async Task a_promised_time_limit_beyond_the_statutory_one_is_refused() =>
        Assert.Equal([("content.promisedLimitDays", "promised-exceeds-statutory")],
            (await RefusedToPublish(FoodGuide() with { PromisedLimitDays = 21 }, "promised-exceeds-statutory")).Errors);

    [Fact]
    public async Task a_fee_without_basis_or_standard_is_refused()
    {
        var content = FoodGuide() with
        {
            Free = false,
            Fees = [new("不动产登记费", "住宅类每件80元", null), new("证书工本费", null, RegistrationFeeNotice)],
        };
        var (_, errors) = await RefusedToPublish(content, "list-not-publishable");
        Assert.Equal([("content.fees[0].basis", "fee-without-basis"), ("content.fees[1].standard", "fee-without-standard")], errors);
    }

    [Fact]
    public async Task a_chargeable_item_without_fees_is_refused() =>
        Assert.Equal([("content.fees", "fees-not-stated")],
            (await RefusedToPublish(FoodGuide() with { Free = false, Fees = [] }, "fees-not-stated")).Errors);

    [Fact]
    public async Task a_fee_with_basis_and_standard_is_published()
    {
        var content = FoodGuide() with { Free = false, Fees = [new("不动产登记费", "住宅类每件80元", RegistrationFeeNotice)] };
        var (_, list) = await PublishedGuide(content: content);
        var published = Read<PublishedImplementationListView>(await Get($"/implementation-lists/{list.Id}"));
        AssertSameJson(content, published.Content);
    }

    [Fact]
    public async Task a_list_cannot_take_effect_before_its_entry_or_after_the_entry_s_repeal()
    {
        var entryEffective = Now.AddDays(10);
        var entry = await Published(effectiveAt: entryEffective);
        var list = await SubmitList(await DraftList(entry.Id));

        AssertProblem(await Post($"/implementation-lists/{list.Id}/publish", new { effectiveAt = entryEffective.AddSeconds(-1), reason = "公布" },
            Admin.Key, 422, $"\"{list.Version}\""), "entry-not-in-force", "effectiveAt");

        var repealAt = Now.AddDays(20);
        await Post($"/catalogue/entries/{entry.Id}/repeal", new { effectiveAt = repealAt, basis = "《国务院关于取消和下放一批行政许可事项的决定》", reason = "事项取消" },
            Admin.Key, 200, $"\"{entry.Version}\"");
        AssertProblem(await Post($"/implementation-lists/{list.Id}/publish", new { effectiveAt = repealAt, reason = "公布" },
            Admin.Key, 422, $"\"{list.Version}\""), "entry-repealed", "effectiveAt");

        var published = await PublishList(list, entryEffective);
        Assert.Equal(1, published.LatestVersion);
    }

    [Fact]
    public async Task a_list_of_a_draft_only_entry_cannot_be_published()
    {
        var entry = await Draft();
        var list = await SubmitList(await DraftList(entry.Id));
        AssertProblem(await Post($"/implementation-lists/{list.Id}/publish", new { reason = "公布" }, Admin.Key, 422, $"\"{list.Version}\""),
            "entry-not-in-force", "effectiveAt");
    }

    [Fact]
    public async Task drafting_refuses_malformed_lists_and_writes_nothing()
    {
        var entry = await Published();
        var before = await EventCount();
        var content = FoodGuide() with
        {
            Materials = [new("营业执照", true, MaterialForm.Electronic, 0, MaterialSource.ELicence, null)],
            Steps = [],
            StatutoryLimitDays = -1,
        };
        var problem = AssertProblem(await Post("/implementation-lists", DraftListOf(entry.Id, content), Market.Key, 400), "validation-failed");
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["content.statutoryLimitDays", "content.steps", "content.materials[0].copies", "content.materials[0].licenceTypeCode"], fields);

        AssertProblem(await Post("/implementation-lists", DraftListOf(Guid.CreateVersion7(), FoodGuide()), Market.Key, 422), "entry-not-found", "entryId");
        AssertProblem(await Post("/implementation-lists", DraftListOf(entry.Id, FoodGuide(), "411081"), Market.Key, 403), "other-region");
        Assert.Equal(before, await EventCount());
    }
}
