using CatalogHub.Catalogue;
using CatalogHub.Lists.Deferrals;
using CatalogHub.Platform;
using CatalogHub.Publication;

namespace CatalogHub.Tests.Lists;

/// <summary>The 容缺受理 list's shape (400) and its refusals at publication (422), called directly.</summary>
public sealed class Deferrals_rules
{
    private static readonly DeferralContent Permit = DeferralExamples.ConstructionPermit;

    private static (string Field, string Code)[] Shape(DeferralContent? content)
    {
        var v = new Validation();
        DeferralRules.Check(v, content);
        return [.. v.Errors.Select(e => (e.Field, e.Code))];
    }

    private static (string Field, string Code)[] Refusals(DeferralContent content)
    {
        Assert.Empty(Shape(content)); // refusals are asked only of well-formed content
        return [.. DeferralRules.RefusalsToPublish(content).Select(e => (e.Field, e.Code))];
    }

    [Fact]
    public void the_construction_permit_example_is_well_formed_and_publishable() => Assert.Empty(Refusals(Permit));

    [Fact]
    public void an_entry_with_no_main_material_is_refused() =>
        Assert.Equal([("content.mainMaterials", "no-main-material")], Refusals(Permit with { MainMaterials = [] }));

    [Theory]
    [InlineData("建筑工程施工合同", "建筑工程施工合同")]
    [InlineData("建筑工程　施工合同", "建筑工程施工合同")]  // an ideographic space inside
    [InlineData("建筑工程施工合同\u200B", "建筑工程施工合同")] // a zero-width space after
    [InlineData("建筑工程施工合同", "建筑工程 施工合同")]
    [InlineData("建筑工程施工合同", "建筑工程施工合同\uFEFF")]
    public void a_material_both_main_and_deferrable_is_refused(string asMain, string asDeferrable) =>
        Assert.Equal([("content.deferrableMaterials[0].name", "material-both-main-and-deferrable")],
            Refusals(Permit with
            {
                MainMaterials = [.. Permit.MainMaterials, asMain],
                DeferrableMaterials = [new(asDeferrable, 10), Permit.DeferrableMaterials[1]],
            }));

    [Fact]
    public void a_deferrable_material_without_a_deadline_is_refused() =>
        Assert.Equal([("content.deferrableMaterials[1].withinWorkingDays", "deferral-without-deadline")],
            Refusals(Permit with { DeferrableMaterials = [Permit.DeferrableMaterials[0], new("建设工程监理合同", null)] }));

    [Fact]
    public void a_deadline_past_the_statutory_decision_time_is_refused() =>
        Assert.Equal([("content.deferrableMaterials[0].withinWorkingDays", "deferral-deadline-too-long")],
            Refusals(Permit with { DeferrableMaterials = [new("建筑工程施工合同", DeferralRules.MaxDeferralDays + 1), Permit.DeferrableMaterials[1]] }));

    [Fact]
    public void a_deadline_of_exactly_the_statutory_decision_time_is_publishable() =>
        Assert.Empty(Refusals(Permit with { DeferrableMaterials = [new("建筑工程施工合同", DeferralRules.MaxDeferralDays)] }));

    [Theory]
    [InlineData("其他相关材料")]
    [InlineData("中标通知书等")]
    public void a_vague_main_material_is_refused(string name) =>
        Assert.Equal([("content.mainMaterials[4]", "vague-material")], Refusals(Permit with { MainMaterials = [.. Permit.MainMaterials, name] }));

    [Fact]
    public void a_vague_deferrable_material_is_refused() =>
        Assert.Equal([("content.deferrableMaterials[1].name", "vague-material")],
            Refusals(Permit with { DeferrableMaterials = [Permit.DeferrableMaterials[0], new("审批机关认为需要提供的材料", 5)] }));

    [Fact]
    public void every_refusal_is_reported_at_once() =>
        Assert.Equal(
        [
            ("content.mainMaterials", "no-main-material"),
            ("content.deferrableMaterials[0].withinWorkingDays", "deferral-without-deadline"),
            ("content.deferrableMaterials[1].name", "vague-material"),
            ("content.deferrableMaterials[1].withinWorkingDays", "deferral-deadline-too-long"),
        ], Refusals(Permit with { MainMaterials = [], DeferrableMaterials = [new("建筑工程施工合同", null), new("有关文件", 30)] }));

    [Fact]
    public void content_is_required() => Assert.Equal([("content", "required")], Shape(null));

    [Fact]
    public void a_draft_names_its_entry_what_may_follow_and_what_happens_if_it_does_not() =>
        Assert.Equal(
        [
            ("content.entryId", "required"),
            ("content.ifNotSupplied", "required"),
            ("content.mainMaterials", "required"),
            ("content.deferrableMaterials", "required"),
            ("content.legalBases", "required"),
        ], Shape(new DeferralContent(Guid.Empty, null!, [], "", null!)));

    [Fact]
    public void legal_bases_may_be_none() => Assert.Empty(Refusals(Permit with { LegalBases = [] }));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3651)]
    public void a_deadline_is_a_number_of_working_days(int days) =>
        Assert.Equal([("content.deferrableMaterials[0].withinWorkingDays", "out-of-range")],
            Shape(Permit with { DeferrableMaterials = [new("建筑工程施工合同", days)] }));

    [Fact]
    public void a_material_listed_twice_is_malformed() =>
        Assert.Equal([("content.mainMaterials[1]", "duplicate-material"), ("content.deferrableMaterials[1].name", "duplicate-material")],
            Shape(Permit with
            {
                MainMaterials = ["建设工程规划许可证", "建设工程规划许可证 "],
                DeferrableMaterials = [new("建筑工程施工合同", 10), new("建筑工程施工合同", 5)],
            }));

    [Fact]
    public void legal_bases_are_checked_like_the_catalogue_s() =>
        Assert.Equal([("content.legalBases[0].title", "required")],
            Shape(Permit with { LegalBases = [new LegalBasis("", "地方性法规", "第二十五条")] }));

    [Fact]
    public void an_entry_refers_to_its_base_catalogue_entry() =>
        Assert.Equal([new ListReference("content.entryId", CatalogueList.Name, Permit.EntryId)], DeferralRules.References(Permit));
}
