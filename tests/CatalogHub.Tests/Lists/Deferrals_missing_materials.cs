using CatalogHub.Lists.Deferrals;

namespace CatalogHub.Tests.Lists;

/// <summary>Which missing materials may follow acceptance and which block it (000:25, 004:24), called directly.</summary>
public sealed class Deferrals_missing_materials
{
    private static readonly DeferralContent Permit = DeferralExamples.ConstructionPermit;

    [Fact]
    public void a_complete_application_may_be_accepted_with_nothing_to_follow()
    {
        var answer = MissingMaterials.Of(Permit, []);
        Assert.True(answer.MayAccept);
        Assert.Empty(answer.MayFollow);
        Assert.Empty(answer.Blocking);
    }

    [Fact]
    public void a_missing_deferrable_material_may_follow_within_its_deadline()
    {
        var answer = MissingMaterials.Of(Permit, ["建筑工程施工合同"]);
        Assert.True(answer.MayAccept);
        Assert.Equal([new FollowingMaterial("建筑工程施工合同", 10, "content.deferrableMaterials[0]")], answer.MayFollow);
        Assert.Empty(answer.Blocking);
    }

    [Fact]
    public void a_missing_main_material_blocks_acceptance()
    {
        var answer = MissingMaterials.Of(Permit, ["施工图设计文件审查合格书"]);
        Assert.False(answer.MayAccept);
        Assert.Equal([new BlockingMaterial("施工图设计文件审查合格书", "main-material", "content.mainMaterials[3]")], answer.Blocking);
    }

    [Fact]
    public void a_missing_material_the_list_does_not_name_blocks_acceptance()
    {
        var answer = MissingMaterials.Of(Permit, ["建设工程质量安全监督手续"]);
        Assert.False(answer.MayAccept);
        Assert.Equal([new BlockingMaterial("建设工程质量安全监督手续", "not-deferrable", null)], answer.Blocking);
    }

    [Fact]
    public void one_blocking_material_blocks_even_when_the_others_may_follow()
    {
        var answer = MissingMaterials.Of(Permit, ["建设工程监理合同", "中标通知书", "建筑工程施工合同"]);
        Assert.False(answer.MayAccept);
        Assert.Equal(
            [new FollowingMaterial("建设工程监理合同", 10, "content.deferrableMaterials[1]"), new FollowingMaterial("建筑工程施工合同", 10, "content.deferrableMaterials[0]")],
            answer.MayFollow);
        Assert.Equal([new BlockingMaterial("中标通知书", "main-material", "content.mainMaterials[2]")], answer.Blocking);
    }

    [Theory]
    [InlineData("建筑工程　施工合同")]
    [InlineData(" 建筑工程施工合同\u200B")]
    [InlineData("建筑工程施工合同\uFEFF")]
    public void names_match_as_they_read_and_are_answered_as_given(string spelled)
    {
        var answer = MissingMaterials.Of(Permit, [spelled]);
        Assert.Equal([new FollowingMaterial(spelled, 10, "content.deferrableMaterials[0]")], answer.MayFollow);
    }

    [Fact]
    public void a_material_named_twice_is_answered_once()
    {
        var answer = MissingMaterials.Of(Permit, ["建筑工程施工合同", "建筑工程 施工合同"]);
        Assert.Equal([new FollowingMaterial("建筑工程施工合同", 10, "content.deferrableMaterials[0]")], answer.MayFollow);
    }

    [Fact]
    public void a_draft_s_material_without_a_deadline_cannot_be_promised_to_follow()
    {
        var draft = Permit with { DeferrableMaterials = [new("建筑工程施工合同", null)] };
        var answer = MissingMaterials.Of(draft, ["建筑工程施工合同"]);
        Assert.False(answer.MayAccept);
        Assert.Equal([new BlockingMaterial("建筑工程施工合同", "deferral-without-deadline", "content.deferrableMaterials[0].withinWorkingDays")], answer.Blocking);
    }

    [Fact]
    public void a_material_a_faulty_draft_lists_as_both_is_treated_as_main()
    {
        var draft = Permit with { MainMaterials = [.. Permit.MainMaterials, "建筑工程施工合同"] };
        var answer = MissingMaterials.Of(draft, ["建筑工程施工合同"]);
        Assert.False(answer.MayAccept);
        Assert.Equal([new BlockingMaterial("建筑工程施工合同", "main-material", "content.mainMaterials[4]")], answer.Blocking);
    }
}
