using CatalogHub.Catalogue;
using CatalogHub.Demo;
using CatalogHub.Lists.ProofItems;
using CatalogHub.Publication;

namespace CatalogHub.Tests.Lists;

public sealed class Proof_item_rules
{
    private static readonly ProofItemContent Termination = ProofItemExamples.EmploymentTermination;

    /// <summary>无犯罪记录证明 for 教师资格认定: 教师法 第十四条 bars those convicted of an intentional crime.</summary>
    private static readonly ProofItemContent NoCriminalRecord = new(
        "无犯罪记录证明",
        [new LegalBasis("中华人民共和国教师法", "法律", "第十四条"), new LegalBasis("教师资格条例", "行政法规", "第十八条")],
        "许昌市教育局", "申请人户籍所在地或者经常居住地公安派出所",
        [DemoData.IdOf("entry:411000:000105001000")],
        new ProofGuide("申请人持居民身份证向公安派出所提出申请，公安机关查询后出具证明", "户籍所在地或者经常居住地公安派出所", 3),
        null, null);

    private static readonly ListRules<ProofItemContent> Rules = new(ProofItemRules.Check, ProofItemRules.RefusalsToPublish);

    [Fact]
    public void realistic_proofs_have_the_shape_and_may_be_published()
    {
        Rules.Publishable(Termination);
        Rules.Publishable(NoCriminalRecord);
    }

    [Fact]
    public void a_proof_set_by_a_rule_below_statute_is_refused_naming_that_basis()
    {
        var content = NoCriminalRecord with
        {
            LegalBases = [NoCriminalRecord.LegalBases[0], new LegalBasis("公安机关办理无犯罪记录证明工作规定", "规范性文件", "第二条"),
                new LegalBasis("《教师资格条例》实施办法", "规章", "第十四条")],
        };
        Rules.Refused(content, [("content.legalBases[1].level", "basis-below-statutory-level"), ("content.legalBases[2].level", "basis-below-statutory-level")]);
    }

    [Fact]
    public void a_proof_without_any_basis_is_refused()
    {
        var content = Termination with { LegalBases = [] };
        Rules.Refused(content, [("content.legalBases", "no-legal-basis")]);
    }

    [Theory]
    [InlineData("法\u3000律")]
    [InlineData("行政 法规")]
    [InlineData("国务院决定\u200B")]
    public void a_statutory_level_written_with_blanks_is_still_statutory(string level) =>
        Assert.Empty(Rules.Refusals(Termination with { LegalBases = [new LegalBasis("失业保险条例", level, "第十六条")] }));

    [Fact]
    public void a_proof_an_e_licence_proves_is_refused_for_cancellation()
    {
        var content = new ProofItemContent("企业法人资格证明", [new LegalBasis("中华人民共和国市场主体登记管理条例", "行政法规", "第三条")],
            "许昌市住房和城乡建设局", "许昌市市场监督管理局", [DemoData.IdOf("entry:411000:000132004000")],
            new ProofGuide("向登记机关申请出具", "许昌市政务服务中心市场监管窗口", 1), DemoData.BusinessLicenceType, null);
        Rules.Refused(content, [("content.eLicenceTypeCode", "proven-by-e-licence")]);
    }

    [Fact]
    public void a_proof_shared_data_proves_is_refused_for_cancellation()
    {
        var content = new ProofItemContent("社会保险参保缴费证明", [new LegalBasis("中华人民共和国社会保险法", "法律", "第七十四条")],
            "许昌市住房和城乡建设局", "许昌市社会保险中心", [DemoData.IdOf("entry:411000:000132004000")],
            new ProofGuide("通过河南政务服务网打印或者到社保经办窗口开具", "许昌市社会保险中心", 0), null,
            "许昌市人力资源和社会保障局社会保险参保缴费信息（许昌市政务数据共享平台）");
        Rules.Refused(content, [("content.sharedData", "proven-by-shared-data")]);
    }

    [Theory]
    [InlineData("其他证明材料")]
    [InlineData("相关证明")]
    [InlineData("有关\u3000证明")]
    public void a_catch_all_proof_is_refused(string name) =>
        Rules.Refused(Termination with { Name = name }, [("content.name", "vague-proof")]);

    [Fact]
    public void every_ground_is_named_at_once()
    {
        var content = Termination with { Name = "相关证明", LegalBases = [], ELicenceTypeCode = DemoData.IdentityCardType, SharedData = "户籍信息" };
        Rules.Refused(content,
        [
            ("content.name", "vague-proof"),
            ("content.legalBases", "no-legal-basis"),
            ("content.eLicenceTypeCode", "proven-by-e-licence"),
            ("content.sharedData", "proven-by-shared-data"),
        ]);
    }

    [Fact]
    public void the_served_entries_are_references_to_the_base_catalogue()
    {
        var served = new[] { DemoData.IdOf("entry:411000:000115006000"), DemoData.IdOf("entry:411081:000131002000") };
        Assert.Equal(
        [
            new ListReference("content.servedEntries[0]", "base-catalogue", served[0]),
            new ListReference("content.servedEntries[1]", "base-catalogue", served[1]),
        ], ProofItemRules.References(Termination with { ServedEntries = served }));
    }

    [Fact]
    public void the_shape_names_every_missing_or_malformed_field()
    {
        var content = Termination with
        {
            Name = " ",
            LegalBases = null!,
            DemandingUnit = "",
            ServedEntries = [Termination.ServedEntries[0], Guid.Empty, Termination.ServedEntries[0]],
            Guide = Termination.Guide with { Place = "", TimeLimitDays = -1 },
            ELicenceTypeCode = "营业执照",
        };
        Assert.Equal(
        [
            ("content.name", "required"),
            ("content.legalBases", "required"),
            ("content.demandingUnit", "required"),
            ("content.servedEntries[1]", "required"),
            ("content.servedEntries[2]", "duplicate-reference"),
            ("content.guide.place", "required"),
            ("content.guide.timeLimitDays", "out-of-range"),
            ("content.eLicenceTypeCode", "invalid-licence-type-code"),
        ], Rules.Shape(content));
    }

    [Fact]
    public void a_proof_serves_at_least_one_entry_and_has_a_guide()
    {
        Assert.Equal([("content.servedEntries", "required"), ("content.guide", "required")],
            Rules.Shape(Termination with { ServedEntries = [], Guide = null! }));
        Assert.Equal([("content", "required")], Rules.Shape(null));
    }

    [Fact]
    public void a_basis_level_outside_the_known_levels_is_a_shape_error()
    {
        var content = Termination with { LegalBases = [new LegalBasis("失业保险条例", "部门文件", "第十六条")] };
        Assert.Equal([("content.legalBases[0].level", "unknown-basis-level")], Rules.Shape(content));
    }
}
