using CatalogHub.Catalogue;
using CatalogHub.Demo;

namespace CatalogHub.Lists.Promises;

/// <summary>A realistic, publishable entry of the 告知承诺 list, for the OpenAPI examples and the demo data.</summary>
public static class PromiseExamples
{
    /// <summary>
    /// 食品经营许可 in 许昌市 (the demo's entry 000147011000 of 411000): the applicant promises the premises instead of
    /// proving their lawful use; the market regulator checks the premises on site within 20 working days.
    /// </summary>
    public static readonly PromiseContent FoodBusinessPremises = new(
        EntryId: DemoData.IdOf("entry:411000:000147011000"),
        PromiseText: "本人（本单位）承诺：已依法取得经营场所的合法使用权，经营场所与所经营的食品品种、数量相适应，"
            + "与有毒、有害场所以及其他污染源保持规定的距离；所作承诺真实、准确，愿意接受许昌市市场监督管理局的核查，"
            + "承诺不实的，愿意承担相应的法律责任。",
        Replaces:
        [
            new("经营场所使用证明", ReplacedKind.Material),
            new("具有与经营的食品品种、数量相适应的经营场所", ReplacedKind.Condition),
        ],
        Liability: "申请人作出不实承诺的，由许昌市市场监督管理局依法撤销食品经营许可；申请人三年内不得再次申请该行政许可"
            + "（《中华人民共和国行政许可法》第六十九条、第七十九条），虚假承诺行为记入其信用记录。",
        Exclusions:
        [
            new(ExclusionKind.SeriousBadCredit, "申请人有较严重的不良信用记录的，在信用修复前不适用告知承诺制。"),
            new(ExclusionKind.EarlierFalsePromise, "申请人曾作出虚假承诺的，在信用修复前不适用告知承诺制。"),
        ],
        ComplianceCheck: new(Exempt: false,
            Method: "现场核查：核对经营场所的使用权属、面积、布局及与污染源的距离是否与承诺内容一致", WithinWorkingDays: 20),
        LegalBases:
        [
            new LegalBasis("许昌市政务服务条例", "地方性法规", "第二十四条"),
            new LegalBasis("中华人民共和国食品安全法", "法律", "第三十五条"),
            new LegalBasis("国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见", "规范性文件", "国办发〔2020〕42号"),
        ]);
}
