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

    /// <summary>Invisible or blank characters a form, a copy from a document or a hostile client can put inside a name.</summary>
    public static TheoryData<string, string> Hidden = new()
    {
        { "ideographic space", "\u3000" },
        { "ASCII space", " " },
        { "zero-width space", "\u200B" },
        { "byte order mark", "\uFEFF" },
        { "no-break space", "\u00A0" },
        { "tab", "\t" },
        { "line break", "\n" },
        { "zero-width joiner", "\u200D" },
        { "word joiner", "\u2060" },
        { "soft hyphen", "\u00AD" },
        { "right-to-left mark", "\u200F" },
        { "variation selector", "\uFE0F" },
        { "two of them", "\u3000\u200B" },
    };

    [Theory]
    [MemberData(nameof(Hidden))]
    public void a_catch_all_stays_vague_with_a_blank_or_invisible_character_inside(string what, string hidden)
    {
        foreach (var name in new[] { $"其他{hidden}材料", $"有关{hidden}材料", $"其{hidden}他材料", $"有关材{hidden}料", $"{hidden}其他材料{hidden}" })
            Assert.True(VagueMaterials.IsVague(name), $"{what}: {name}");
    }

    [Theory]
    [InlineData("有关⽂件")]          // ⽂ is the Kangxi radical U+2F42, NFKC 文
    [InlineData("其他材料．")]         // a full-width full stop
    [InlineData("身份证、户口簿．．．")] // a full-width ellipsis, NFKC "..."
    public void compatibility_forms_read_as_the_characters_they_show(string name) => Assert.True(VagueMaterials.IsVague(name), name);

    [Theory]
    [InlineData("建筑业企业资质等级证书")]
    [InlineData("建筑业企业资质\u3000等级证书")]
    [InlineData("平等协商签订的房屋租赁合同")]
    [InlineData("平等 协商签订的房屋租赁合同")]
    [InlineData("残疾人证（等级 二级）")]
    [InlineData("其他组织\u200B登记证书")]
    [InlineData("有关部门出具的 营业执照")]
    public void removing_blanks_makes_no_precise_name_vague(string name) => Assert.False(VagueMaterials.IsVague(name), name);
}
