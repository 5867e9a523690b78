using CatalogHub.ImplementationLists;

namespace CatalogHub.Tests.ImplementationLists;

public sealed class Vague_materials
{
    [Theory]
    [InlineData("其他材料")]
    [InlineData("其它材料")]
    [InlineData("有关材料")]
    [InlineData("相关材料")]
    [InlineData("其他相关材料")]
    [InlineData("申请人认为需要提交的其他相关材料")]
    [InlineData("营业执照、法定代表人身份证等相关材料")]
    [InlineData("身份证、户口簿等")]
    [InlineData("身份证、户口簿等。")]
    [InlineData("房屋权属证明等证件")]
    [InlineData("有关部门要求的有关文件")]
    [InlineData("审批机关认为需要提供的材料")]
    [InlineData("根据需要另行提供的证明")]
    [InlineData("规定的其他材料")]
    [InlineData("户口簿……")]
    [InlineData("其他")]
    public void catch_alls_are_vague(string name) => Assert.True(VagueMaterials.IsVague(name), name);

    [Theory]
    [InlineData("食品经营许可申请书")]
    [InlineData("营业执照")]
    [InlineData("法定代表人居民身份证")]
    [InlineData("建筑业企业资质等级证书")]
    [InlineData("其他组织登记证书")]
    [InlineData("不动产权籍调查表、宗地图及宗地界址点坐标")]
    [InlineData("平等协商签订的房屋租赁合同")]
    [InlineData("委托代理人授权委托书")]
    public void named_materials_are_not_vague(string name) => Assert.False(VagueMaterials.IsVague(name), name);
}
