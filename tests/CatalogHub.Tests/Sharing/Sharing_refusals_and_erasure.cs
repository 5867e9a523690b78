using CatalogHub.Catalogue;
using CatalogHub.Sharing.AccessLog;
using CatalogHub.Sharing.Holders;
using CatalogHub.Sharing.Licences;
using CatalogHub.Sharing.Seals;
using CatalogHub.Tests.Support;
using Marten;

namespace CatalogHub.Tests.Sharing;

public sealed class Sharing_refusals_and_erasure(AppFixture fixture) : SharingContext(fixture)
{
    private TestSeal _key = null!;
    private SealView _seal = null!;
    private PublishedEntryView _purpose = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _key = TestSeal.P256();
        _seal = await RegisterSeal(_key);
        await PublishedLicenceType();
        var entry = await Published(SubsidyItem(), "000109008000");
        _purpose = Read<PublishedEntryView>(await Get($"/catalogue/entries/{entry.Id}"));
    }

    private object ReadOf(string[] fields, Guid? purpose = null, string holderId = ShopCode) =>
        new { holderId, typeCode = FoodTypeCode, purposeItemId = purpose ?? _purpose.Id, fields };

    /// <summary>A refused read: 403 with the reason code, and exactly one new event, its access-log record.</summary>
    private async Task Refused(object read, string reason)
    {
        var before = await EventCount();
        AssertProblem(await Post("/sharing/reads", read, Consumer.Key, 403), reason);
        Assert.Equal(before + 1, await EventCount());
        await using var session = Store.QuerySession();
        var last = await session.Query<AccessRecord>().OrderByDescending(r => r.Sequence).FirstAsync();
        Assert.Equal((AccessOutcome.Refused, reason, Consumer.Code), (last.Outcome, last.ReasonCode, last.ConsumerCode));
    }

    [Fact]
    public async Task reads_are_refused_without_a_grant_for_ungranted_fields_after_expiry_or_revocation_and_for_unpublished_purposes()
    {
        await Issue(Signed(FoodLicenceContent(), _key, _seal.Id));
        await Refused(ReadOf(["premises"]), "no-grant");

        var grant = await GrantReads(_purpose.Id, validUntil: Now.AddDays(10));
        await Refused(ReadOf(["premises", "legalRepresentative"]), "fields-not-granted");

        var draftItem = await Draft(FoodLicence("食品经营许可（延续）"), "000147011001");
        await Refused(ReadOf(["premises"], draftItem.Id), "purpose-not-in-force");
        var later = await Published(FoodLicence("食品生产许可"), "000147012000", effectiveAt: Now.AddDays(7));
        await Refused(ReadOf(["premises"], later.Id), "purpose-not-in-force");
        await Refused(ReadOf(["premises"], Guid.CreateVersion7()), "purpose-not-in-force");

        await Post("/sharing/reads", ReadOf(["premises"]), Consumer.Key, 200);
        // (Test keys live 30 days: stay within them.)
        Clock.Advance(TimeSpan.FromDays(11));
        await Refused(ReadOf(["premises"]), "grant-expired");

        var renewed = await GrantReads(_purpose.Id);
        await Post("/sharing/reads", ReadOf(["premises"]), Consumer.Key, 200);
        await Post($"/sharing/grants/{renewed.Id}/revoke", new { reason = "补贴审核已结束" }, Market.Key, 200, ETag(1));
        await Refused(ReadOf(["premises"]), "grant-revoked");
        Assert.NotEqual(grant.Id, renewed.Id);

        var auditor = await Register(TestDepartments.Audit);
        var log = Read<CatalogHub.Sharing.AccessLog.AccessLogPage>(await Get($"/sharing/access-log?consumerCode={Consumer.Code}", auditor.Key));
        Assert.Equal(9, log.Total);
        Assert.All(log.Items, r => Assert.StartsWith("h_", r.HolderRef));
        await Get("/sharing/access-log", Consumer.Key, 403);

        var report = await HolderReport(ShopCode);
        Assert.Equal(["no-grant", "fields-not-granted", "purpose-not-in-force", "purpose-not-in-force", "purpose-not-in-force", null, "grant-expired", null, "grant-revoked"],
            report.Reads.Select(r => r.ReasonCode));
    }

    [Fact]
    public async Task only_the_issuer_or_a_hub_admin_grants_and_only_for_published_fields_and_items()
    {
        AssertProblem(await Post("/sharing/grants", new
        {
            consumerCode = Consumer.Code, typeCode = FoodTypeCode, fields = new[] { "premises" }, purposeItemIds = new[] { _purpose.Id },
            validUntil = Now.AddYears(1), reason = "自行授权",
        }, Health.Key, 403), "not-type-issuer");
        var before = await EventCount();
        var refused = AssertProblem(await Post("/sharing/grants", new
        {
            consumerCode = Consumer.Code, typeCode = FoodTypeCode, fields = new[] { "premises", "registeredCapital" }, purposeItemIds = new[] { _purpose.Id },
            validUntil = Now.AddYears(1), reason = "授权",
        }, Market.Key, 422), "unknown-field");
        Assert.Equal(1, refused.GetProperty("errors").GetArrayLength());
        Assert.Equal(before, await EventCount());
        await GrantReads(_purpose.Id, key: Admin.Key);
    }

    [Fact]
    public async Task erasing_one_holder_makes_their_data_unreadable_without_touching_events_or_other_holders()
    {
        const string otherCode = "92411002MA4ABCDE1M";
        var erasedLicence = Signed(FoodLicenceContent(), _key, _seal.Id);
        await Issue(erasedLicence);
        var otherLicence = Signed(FoodLicenceContent(serial: "2026000124", holderId: otherCode, holderName: "许昌市魏都区百家和超市"), _key, _seal.Id);
        await Issue(otherLicence);
        await GrantReads(_purpose.Id);
        await Post("/sharing/reads", ReadOf(["premises"]), Consumer.Key, 200);

        var events = await EventCount();
        var erasure = Read<HolderErasure>(await Post("/sharing/holders/erase",
            new { holderId = ShopCode, basis = "《中华人民共和国个人信息保护法》第四十七条", reason = "权利人申请删除" }, Admin.Key, 200));
        Assert.True(erasure.KeyDestroyed);
        Assert.False(Read<HolderErasure>(await Post("/sharing/holders/erase",
            new { holderId = ShopCode, basis = "同上", reason = "重复申请" }, Admin.Key, 200)).KeyDestroyed);
        // No event is rewritten or deleted: the erasure only adds its own record.
        Assert.Equal(events + 1, await EventCount());

        var erased = Assert.Single(Read<LicenceReadResult>(await Post("/sharing/reads", ReadOf(["premises"]), Consumer.Key, 200)).Licences);
        Assert.True(erased.Erased);
        Assert.Null(erased.FaceData);
        Assert.Equal(VerificationOutcome.Erased, (await Verify(erasedLicence)).Outcome);

        var other = Assert.Single(Read<LicenceReadResult>(await Post("/sharing/reads", ReadOf(["premises"], holderId: otherCode), Consumer.Key, 200)).Licences);
        Assert.False(other.Erased);
        Assert.Equal("河南省许昌市魏都区七一路东段188号", other.FaceData!["premises"]!.GetValue<string>());
        Assert.Equal(VerificationOutcome.Valid, (await Verify(otherLicence)).Outcome);

        var report = await HolderReport(ShopCode);
        Assert.True(report.Erased);
        Assert.Equal(2, report.Reads.Count);
        Assert.False((await HolderReport(otherCode)).Erased);

        // The events still hold the ciphertext, and nothing in the store holds the holder in clear.
        await using var session = Store.QuerySession();
        var issued = (await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "licence_issued").ToListAsync()).Count;
        Assert.Equal(2, issued);
        var clear = await session.AdvancedSql.QueryAsync<long>(
            "select count(*) from cataloghub.mt_events where data::text like ? or data::text like ?", CancellationToken.None, $"%{ShopCode}%", $"%{ShopName}%");
        Assert.Equal(0, clear.Single());
    }
}
