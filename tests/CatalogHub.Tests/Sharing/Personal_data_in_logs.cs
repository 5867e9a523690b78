using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Sharing;

public sealed class Personal_data_in_logs(AppFixture fixture) : SharingContext(fixture)
{
    [Fact]
    public async Task holder_ids_and_names_never_reach_the_application_logs()
    {
        var key = TestSeal.Sm2();
        var seal = await RegisterSeal(key);
        await PublishedLicenceType();
        await Issue(Signed(FoodLicenceContent(), key, seal.Id));
        var purpose = await Published(SubsidyItem(), "000109008000");
        await GrantReads(purpose.Id);

        // An allowed read, a refused one (a field outside the grant), a malformed one and the holder's report.
        await Post("/sharing/reads", new { holderId = ShopCode, typeCode = FoodTypeCode, purposeItemId = purpose.Id, fields = new[] { "premises" } },
            Consumer.Key, 200);
        await Post("/sharing/reads", new { holderId = ShopCode, typeCode = FoodTypeCode, purposeItemId = purpose.Id, fields = new[] { "legalRepresentative" } },
            Consumer.Key, 403);
        await Send(HttpMethod.Post, "/sharing/reads", new { holderId = ShopCode, typeCode = 42 }, Consumer.Key, 400);
        await HolderReport(ShopCode);

        Assert.NotEmpty(Logs.Lines);
        Assert.DoesNotContain(Logs.Lines, line => line.Contains(ShopCode) || line.Contains(ShopName));
    }
}
