using CatalogHub.Catalogue;
using CatalogHub.Demo;

namespace CatalogHub.Lists.Deferrals;

/// <summary>A realistic, publishable entry of the 容缺受理 list, for the OpenAPI examples and the demo data.</summary>
public static class DeferralExamples
{
    /// <summary>
    /// 建筑工程施工许可证核发 in 许昌市 (the demo's entry 000132004000 of 411000, 许昌市住房和城乡建设局): accepted once the
    /// planning permit, the tender award and the approved drawings are there; the construction and supervision
    /// contracts may follow within 10 working days.
    /// </summary>
    public static readonly DeferralContent ConstructionPermit = new(
        EntryId: DemoData.IdOf("entry:411000:000132004000"),
        MainMaterials:
        [
            "建筑工程施工许可证申请表",
            "建设工程规划许可证",
            "中标通知书",
            "施工图设计文件审查合格书",
        ],
        DeferrableMaterials:
        [
            new("建筑工程施工合同", 10),
            new("建设工程监理合同", 10),
        ],
        IfNotSupplied: "申请人应在受理之日起10个工作日内补齐容缺材料；逾期未补齐的，视为撤回申请（《许昌市政务服务条例》第二十五条）。",
        LegalBases:
        [
            new LegalBasis("许昌市政务服务条例", "地方性法规", "第二十五条"),
            new LegalBasis("中华人民共和国建筑法", "法律", "第八条"),
        ]);
}
