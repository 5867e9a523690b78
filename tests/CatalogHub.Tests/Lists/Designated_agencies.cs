using CatalogHub.Lists.IntermediaryServices;

namespace CatalogHub.Tests.Lists;

public sealed class Designated_agencies
{
    [Theory]
    [InlineData("须到指定的测绘机构办理")]
    [InlineData("由规划部门指定")]
    [InlineData("变相指定中介服务机构")]
    [InlineData("由许昌市测绘院承担")]
    [InlineData("委托许昌市规划勘测设计研究院编制")]
    [InlineData("由申请人委托河南省地质测绘总院有限公司进行测量")]
    [InlineData("交由禹州市不动产测绘中心负责")]
    [InlineData("指\u3000定机构")]                 // an ideographic space inside
    [InlineData("由许昌市测绘院\u200B承担")]        // a zero-width space inside
    [InlineData("不动产测绘由指定机构承担")]         // 不动产 negates nothing
    [InlineData("不得收取费用，到指定机构测绘")]      // the negation ends with its clause
    public void designating_wording_designates(string text) => Assert.True(DesignatedAgencies.Designates(text), text);

    [Theory]
    [InlineData("申请人自主选择具有相应测绘资质的测绘单位")]
    [InlineData("政务服务部门不得为申请人指定或者变相指定中介服务机构")]
    [InlineData("严禁行政机关指定中介服务机构")]
    [InlineData("不指定中介服务机构，申请人自主选择")]
    [InlineData("服务费用由申请人承担")]
    [InlineData("由具有相应资质的测绘单位出具成果报告")]
    [InlineData("实行市场调节价，由委托双方协商确定")]
    [InlineData("申请人到许昌市政务服务中心提交成果")]
    public void wording_that_leaves_the_choice_to_the_applicant_does_not(string text) => Assert.False(DesignatedAgencies.Designates(text), text);

    [Theory]
    [InlineData("许昌市测绘院")]
    [InlineData("市测绘院")]
    [InlineData("河南省地质测绘总院有限公司")]
    [InlineData("许昌华诚会计师事务所")]
    [InlineData("许昌华诚会计师事务所（特殊普通合伙）")]   // full-width brackets, NFKC ASCII
    [InlineData("具有相应资质的许昌市测绘院")]
    [InlineData("具有相应测绘资质的测绘单位、许昌市测绘院")]
    [InlineData("许昌市测绘院或其他具有资质的机构")]
    [InlineData("河南 省地质测绘总院 有限 公司")]
    public void an_organisation_is_named(string provider) => Assert.True(DesignatedAgencies.NamesAnOrganisation(provider), provider);

    [Theory]
    [InlineData("具有相应测绘资质的测绘单位")]
    [InlineData("具有相应资质的测绘机构")]
    [InlineData("具有相应建筑工程设计资质的设计单位")]
    [InlineData("会计师事务所")]
    [InlineData("具有证券期货相关业务资格的会计师事务所")]
    [InlineData("具有CMA资质认定的检测中心")]
    [InlineData("二级以上综合医院")]
    [InlineData("具有相应资质的城市规划设计院")]
    [InlineData("具有相应资质的测绘机构或者测绘单位")]
    public void a_kind_of_provider_names_none(string provider) => Assert.False(DesignatedAgencies.NamesAnOrganisation(provider), provider);
}
