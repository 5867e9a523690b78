using CatalogHub.Catalogue;
using CatalogHub.Sharing.AccessLog;
using CatalogHub.Sharing.Grants;
using CatalogHub.Sharing.Holders;
using CatalogHub.Sharing.Licences;
using CatalogHub.Sharing.Notifications;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Sharing;

public sealed class Sharing_flow(AppFixture fixture) : SharingContext(fixture)
{
    [Fact]
    public async Task a_licence_is_issued_granted_read_for_a_purpose_logged_for_its_holder_revoked_read_as_revoked_and_its_revocation_notified()
    {
        await using var receiver = await WebhookReceiver.Start();
        await Post("/sharing/subscriptions", new { url = receiver.Url, kinds = new[] { "licence-revoked" }, reason = "订阅证照注销" }, Consumer.Key, 201);
        var key = TestSeal.Sm2();
        var seal = await RegisterSeal(key);
        await PublishedLicenceType();
        var licence = await Issue(Signed(FoodLicenceContent(), key, seal.Id));
        var purpose = await Published(SubsidyItem(), "000109008000");

        var grant = await GrantReads(purpose.Id);
        Assert.Equal(["licenceNumber", "premises"], grant.Fields);

        var read = Read<LicenceReadResult>(await Post("/sharing/reads",
            new { holderId = ShopCode, typeCode = FoodTypeCode, purposeItemId = purpose.Id, fields = new[] { "licenceNumber", "premises" } }, Consumer.Key, 200));
        var shared = Assert.Single(read.Licences);
        Assert.Equal(licence.Identifier, shared.Identifier);
        Assert.Equal(LicenceStatus.Valid, shared.Status);
        Assert.Equal("""{"licenceNumber":"JY14110020012345","premises":"河南省许昌市魏都区七一路东段188号"}""",
            shared.FaceData!.ToJsonString(CatalogHub.Platform.ApiJson.Options));
        Assert.Equal(grant.Id, read.GrantId);
        Assert.Equal(1, read.PurposeCitation.Version);

        var report = await HolderReport(ShopCode);
        var entry = Assert.Single(report.Reads);
        AssertSameJson(new AccessReportEntry(Now, Consumer.Code, Consumer.Name, FoodTypeCode, [licence.Identifier], ["licenceNumber", "premises"],
            purpose.Id, "一次性创业补贴申领", read.PurposeCitation, AccessOutcome.Allowed, null), entry);

        Clock.Advance(TimeSpan.FromDays(1));
        await Post($"/sharing/licences/{licence.Id}/revoke", new { reason = "经营者申请注销" }, Market.Key, 200, ETag(licence.Version));
        var after = Read<LicenceReadResult>(await Post("/sharing/reads",
            new { identifier = licence.Identifier, purposeItemId = purpose.Id, fields = new[] { "premises" } }, Consumer.Key, 200));
        Assert.Equal(LicenceStatus.Revoked, Assert.Single(after.Licences).Status);
        Assert.Equal(2, (await HolderReport(ShopCode)).Reads.Count);

        var notice = System.Text.Json.JsonSerializer.Deserialize<ChangeNotice>((await receiver.Accepted()).Body, CatalogHub.Platform.ApiJson.Options)!;
        Assert.Equal((ChangeKind.LicenceRevoked, licence.Identifier), (notice.Kind, notice.Identifier));
    }
}
