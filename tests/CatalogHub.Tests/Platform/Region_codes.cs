using CatalogHub.Catalogue.Reading;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// Region codes through the API: new registrations and drafts need a code of the current GB/T 2260 table;
/// reads and questions about the past also take codes abolished since; a code that never existed is refused.
/// </summary>
public sealed class Region_codes(AppFixture fixture) : CatalogueContext(fixture)
{
    [Theory]
    [InlineData("419999")]   // 河南 has no prefecture 99
    [InlineData("411099")]   // 许昌市 has no county 99
    [InlineData("411023")]   // 许昌县, abolished in 2016 (now 建安区 411003)
    public async Task a_draft_for_a_region_outside_the_current_table_is_refused_and_writes_nothing(string region)
    {
        var before = await EventCount();
        var problem = AssertProblem(await Post("/catalogue/entries", DraftOf(FoodLicence(), region: region), Market.Key, 400),
            "unknown-region", "regionCode");
        Assert.Contains(region, problem.GetProperty("detail").GetString());
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task an_abolished_region_is_named_as_abolished()
    {
        var problem = AssertProblem(await Post("/catalogue/entries", DraftOf(FoodLicence(), region: "411023"), Market.Key, 400),
            "unknown-region", "regionCode");
        Assert.Contains("许昌县", problem.GetProperty("detail").GetString());
        Assert.Contains("2016", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("411099", "unknown-region")]
    [InlineData("411023", "unknown-region")]
    [InlineData("991000", "invalid-region-code")]
    public async Task a_department_cannot_be_registered_for_a_region_outside_the_current_table(string region, string code)
    {
        var body = new
        {
            code = TestDepartments.UnregisteredCode, name = "许昌市住房和城乡建设局", regionCode = region,
            roles = new[] { "service-department" }, reason = "新增政务服务部门",
        };
        AssertProblem(await Post("/departments", body, Admin.Key, 400), code, "regionCode");
    }

    [Fact]
    public async Task a_current_county_may_be_drafted_for_by_its_own_department()
    {
        var jian_an = await Register(("11411002MB1234567" + CatalogHub.Platform.UnifiedSocialCreditCode.CheckCharacterFor("11411002MB1234567"),
            "许昌市建安区市场监督管理局", "411003", [CatalogHub.Platform.Role.ServiceDepartment]));
        await Post("/catalogue/entries", DraftOf(FoodLicence(), region: "411003"), jian_an.Key, 201);
    }

    [Fact]
    public async Task an_abolished_region_s_catalogue_stays_readable_and_a_region_that_never_existed_is_404()
    {
        Assert.Equal(0, Read<CataloguePage>(await Get("/regions/411023/catalogue")).Total);
        AssertProblem(await Get("/regions/419999/catalogue", status: 404), "unknown-region", "regionCode");
        AssertProblem(await Get("/regions/4110/catalogue", status: 400), "invalid-region-code", "regionCode");
        AssertProblem(await Get("/catalogue/relying-on?title=中华人民共和国食品安全法&regionCode=411099", status: 400),
            "unknown-region", "regionCode");
        Assert.Equal(0, Read<CataloguePage>(await Get("/catalogue/relying-on?title=中华人民共和国食品安全法&regionCode=411023")).Total);
    }

    [Fact]
    public async Task the_basis_check_takes_an_abolished_region_but_not_one_that_never_existed()
    {
        var materials = new[] { new { name = "食品经营许可申请书" } };
        await Post("/basis-check", new { regionCode = "411023", itemCode = "000147011000", materials }, Market.Key, 200);
        AssertProblem(await Post("/basis-check", new { regionCode = "419999", itemCode = "000147011000", materials }, Market.Key, 400),
            "unknown-region", "regionCode");
    }
}
