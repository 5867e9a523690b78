using CatalogHub.Catalogue;
using CatalogHub.Demo;

namespace CatalogHub.Lists.ProofItems;

/// <summary>A realistic proof item for OpenAPI examples and the demo data; it serves the demo's 失业保险金申领 of 许昌市.</summary>
public static class ProofItemExamples
{
    /// <summary>
    /// 终止或者解除劳动关系证明: the 许昌市人力资源和社会保障局 asks for it when an unemployed person applies for 失业保险金;
    /// the former employer must issue it when the employment ends (失业保险条例 第十六条, 劳动合同法 第五十条); what it states is 劳动合同法实施条例 第二十四条.
    /// </summary>
    public static readonly ProofItemContent EmploymentTermination = new(
        Name: "终止或者解除劳动关系证明",
        LegalBases:
        [
            new LegalBasis("失业保险条例", "行政法规", "第十六条"),
            new LegalBasis("中华人民共和国劳动合同法", "法律", "第五十条"),
            new LegalBasis("中华人民共和国劳动合同法实施条例", "行政法规", "第二十四条"),
        ],
        DemandingUnit: "许昌市人力资源和社会保障局",
        IssuingUnit: "原用人单位",
        ServedEntries: [DemoData.IdOf("entry:411000:000115006000")],
        Guide: new ProofGuide(
            Procedure: "用人单位在解除或者终止劳动合同时出具证明，写明劳动合同期限、解除或者终止的日期、工作岗位及在本单位的工作年限；失业人员凭证明到社会保险经办机构办理失业登记和失业保险金申领。",
            Place: "原用人单位人事（劳动工资）部门",
            TimeLimitDays: 0),
        ELicenceTypeCode: null,
        SharedData: null);
}
