using CatalogHub.Catalogue;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Catalogue;

/// <summary>Each rejection is a problem response with a stable code and the field at fault, and writes nothing.</summary>
public sealed class Rejected_input(AppFixture fixture) : CatalogueContext(fixture)
{
    private async Task Refused(object body, int status, string code, string? field, string? rawJson = null)
    {
        var before = await EventCount();
        var result = await Host.Scenario(s =>
        {
            if (rawJson is null) s.Post.Json(body).ToUrl("/catalogue/entries");
            else s.Post.Text(rawJson).ToUrl("/catalogue/entries");
            s.WithRequestHeader("Authorization", "ApiKey " + Market.Key);
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(status);
        });
        AssertProblem(result, code, field);
        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public Task malformed_json_is_a_400() => Refused(new { }, 400, "malformed-json", null, "{\"itemCode\": \"000147011000\", ");

    [Fact]
    public Task a_wrong_type_names_the_field() =>
        Refused(new { }, 400, "malformed-json", "content.legalBases", "{\"itemCode\":\"000147011000\",\"regionCode\":\"411000\",\"content\":{\"legalBases\":42},\"reason\":\"r\"}");

    [Fact]
    public Task an_unknown_property_is_refused() =>
        Refused(new { }, 400, "malformed-json", "itemKode", "{\"itemKode\":\"000147011000\"}");

    [Fact]
    public Task an_unknown_category_is_refused() =>
        Refused(DraftOf(FoodLicence() with { Category = "行政审批" }), 400, "unknown-category", "content.category");

    [Fact]
    public Task an_unknown_basis_level_is_refused() =>
        Refused(DraftOf(FoodLicence() with { LegalBases = [new LegalBasis("中华人民共和国食品安全法", "部门文件", "第三十五条")] }),
            400, "unknown-basis-level", "content.legalBases[0].level");

    [Fact]
    public Task an_oversized_name_is_refused() =>
        Refused(DraftOf(FoodLicence(new string('食', 201))), 400, "too-long", "content.name");

    [Fact]
    public Task too_many_legal_bases_are_refused() =>
        Refused(DraftOf(FoodLicence() with { LegalBases = [.. Enumerable.Repeat(new LegalBasis("中华人民共和国食品安全法", "法律", "第三十五条"), 51)] }),
            400, "too-many", "content.legalBases");

    [Fact]
    public Task an_invalid_region_code_is_refused() => Refused(DraftOf(FoodLicence(), region: "991000"), 400, "invalid-region-code", "regionCode");

    [Fact]
    public Task an_invalid_item_code_is_refused() => Refused(DraftOf(FoodLicence(), itemCode: "食品/许可"), 400, "invalid-item-code", "itemCode");

    [Fact]
    public Task a_missing_reason_is_refused() =>
        Refused(new { itemCode = "000147011000", regionCode = "411000", content = FoodLicence() }, 400, "required", "reason");

    [Fact]
    public Task several_errors_are_reported_together() =>
        Refused(DraftOf(FoodLicence() with { Name = "", Category = "其他" }, region: "4110"), 400, "validation-failed", "regionCode");

    [Fact]
    public async Task a_draft_for_another_region_is_forbidden() => await Refused(DraftOf(FoodLicence(), region: "411002"), 403, "other-region", null);

    [Fact]
    public async Task a_duplicate_item_code_in_a_region_is_a_conflict()
    {
        await Draft();
        await Refused(DraftOf(FoodLicence()), 409, "duplicate-item-code", "itemCode");
    }

    [Fact]
    public async Task an_unparseable_as_of_is_refused() =>
        AssertProblem(await Get("/regions/411000/catalogue?asOf=next-tuesday", status: 400), "invalid-instant", "asOf");

    [Fact]
    public async Task a_page_size_out_of_range_is_refused() =>
        AssertProblem(await Get("/regions/411000/catalogue?pageSize=5000", status: 400), "out-of-range", "pageSize");
}
