using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Sharing;

/// <summary>A withdrawn, never-published licence type frees its code, as a withdrawn catalogue draft frees its item code.</summary>
public sealed class Withdrawn_licence_type_codes(AppFixture fixture) : SharingContext(fixture)
{
    [Fact]
    public async Task a_withdrawn_type_s_code_is_free_and_lookups_by_code_find_the_type_that_holds_it()
    {
        var withdrawn = await DraftLicenceType();
        await Post($"/sharing/licence-types/{withdrawn.Id}/withdraw", new { reason = "照面信息定义有误，重新编制" }, Market.Key, 200, ETag(withdrawn.Version));

        var type = await PublishedLicenceType();
        Assert.NotEqual(withdrawn.Id, type.Id);
        AssertProblem(await Post("/sharing/licence-types", new { code = FoodTypeCode, content = FoodLicenceType(), reason = "编制电子证照目录" },
            Market.Key, 409), "duplicate-type-code", "code");

        // Granting reads of SPJYXK finds the published type, not the withdrawn draft that had the code first.
        var purpose = await Published(effectiveAt: Now);
        Assert.Equal(FoodTypeCode, (await GrantReads(purpose.Id)).TypeCode);
    }
}
