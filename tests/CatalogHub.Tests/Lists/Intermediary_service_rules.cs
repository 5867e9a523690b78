using CatalogHub.Catalogue;
using CatalogHub.Demo;
using CatalogHub.Lists.IntermediaryServices;
using CatalogHub.Publication;

namespace CatalogHub.Tests.Lists;

public sealed class Intermediary_service_rules
{
    private static readonly IntermediaryServiceContent Design = IntermediaryServiceExamples.BuildingDesignScheme;

    /// <summary>建设工程竣工测量 for 建设工程竣工规划核实: 城乡规划法 第四十五条, and only a qualified surveyor may survey (测绘法 第二十七条).</summary>
    private static readonly IntermediaryServiceContent CompletionSurvey = new(
        "建设工程竣工测量",
        [DemoData.IdOf("entry:411000:000131016000")],
        [new LegalBasis("中华人民共和国城乡规划法", "法律", "第四十五条"), new LegalBasis("中华人民共和国测绘法", "法律", "第二十七条")],
        ["建设工程已按建设工程规划许可证竣工", "建设单位能够提供建设工程规划许可证及附图"],
        ["建设单位自主选择具有相应测绘资质的测绘单位并签订合同", "测绘单位进行竣工测量", "测绘单位出具竣工测量成果报告"],
        10, false, "实行市场调节价，服务费用由建设单位承担，按合同约定收取", "具有相应测绘资质的测绘单位");

    private static readonly ListRules<IntermediaryServiceContent> Rules = new(IntermediaryServiceRules.Check, IntermediaryServiceRules.RefusalsToPublish);

    [Fact]
    public void realistic_services_have_the_shape_and_may_be_published()
    {
        Rules.Publishable(Design);
        Rules.Publishable(CompletionSurvey);
        Rules.Publishable(CompletionSurvey with { Free = true, FeeStandard = null });
    }

    [Fact]
    public void a_service_set_by_a_rule_below_statute_is_refused_naming_that_basis()
    {
        var content = Design with
        {
            LegalBases = [new LegalBasis("建设工程勘察设计资质管理规定", "规章", "第三条"), Design.LegalBases[0],
                new LegalBasis("建筑工程设计文件编制深度规定（2016年版）", "规范性文件", "1.0.4")],
        };
        Rules.Refused(content, [("content.legalBases[0].level", "basis-below-statutory-level"), ("content.legalBases[2].level", "basis-below-statutory-level")]);
    }

    [Fact]
    public void a_service_without_any_basis_is_refused()
    {
        var content = Design with { LegalBases = [] };
        Rules.Refused(content, [("content.legalBases", "no-legal-basis")]);
    }

    [Fact]
    public void designating_wording_is_refused_in_the_field_that_says_it()
    {
        var content = CompletionSurvey with
        {
            Name = "建设工程竣工测量（指定机构）",
            Conditions = [CompletionSurvey.Conditions[0], "须委托许昌市测绘院进行测量"],
            Process = [CompletionSurvey.Process[0], "由许昌市不动产测绘中心承担竣工测量", CompletionSurvey.Process[2]],
            FeeStandard = "按指定机构的收费标准执行",
            ProviderKind = "规划部门指定的测绘单位",
        };
        Rules.Refused(content,
        [
            ("content.name", "designated-agency"),
            ("content.conditions[1]", "designated-agency"),
            ("content.process[1]", "designated-agency"),
            ("content.feeStandard", "designated-agency"),
            ("content.providerKind", "designated-agency"),
        ]);
    }

    [Theory]
    [InlineData("许昌市测绘院")]
    [InlineData("河南省地质测绘总院有限公司")]
    [InlineData("具有相应测绘资质的许昌市不动产测绘中心")]
    [InlineData("许昌华诚会计师事务所（特殊普通合伙）")]
    [InlineData("具有相应测绘资质的测绘单位或者许昌市测绘院")]
    public void an_organisation_named_as_provider_is_refused(string provider) =>
        Rules.Refused(CompletionSurvey with { ProviderKind = provider }, [("content.providerKind", "named-provider")]);

    [Fact]
    public void a_paid_service_without_its_fee_standard_is_refused()
    {
        var content = Design with { FeeStandard = null };
        Rules.Refused(content, [("content.feeStandard", "fee-standard-not-stated")]);
    }

    [Fact]
    public void the_served_approval_items_are_references_to_the_base_catalogue()
    {
        var served = new[] { DemoData.IdOf("entry:411000:000131015000"), DemoData.IdOf("entry:411000:000132004000") };
        Assert.Equal(
        [
            new ListReference("content.servedEntries[0]", CatalogueList.Name, served[0]),
            new ListReference("content.servedEntries[1]", CatalogueList.Name, served[1]),
        ], IntermediaryServiceRules.References(Design with { ServedEntries = served }));
    }

    [Fact]
    public void the_shape_names_every_missing_or_malformed_field()
    {
        var content = Design with
        {
            ServedEntries = [],
            LegalBases = [null!],
            Conditions = ["建设单位已取得建设项目用地的规划条件", " "],
            Process = [],
            TimeLimitDays = 0,
            Free = true,
            ProviderKind = "",
        };
        Assert.Equal(
        [
            ("content.servedEntries", "required"),
            ("content.legalBases[0]", "required"),
            ("content.conditions[1]", "required"),
            ("content.process", "required"),
            ("content.timeLimitDays", "out-of-range"),
            ("content.feeStandard", "fee-standard-on-free-service"),
            ("content.providerKind", "required"),
        ], Rules.Shape(content));
    }
}
