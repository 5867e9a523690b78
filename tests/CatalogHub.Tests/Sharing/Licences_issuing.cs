using System.Text.Json.Nodes;
using CatalogHub.Sharing.Licences;
using CatalogHub.Sharing.Seals;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Sharing;

public sealed class Licences_issuing(AppFixture fixture) : SharingContext(fixture)
{
    private TestSeal _key = null!;
    private SealView _seal = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await PublishedLicenceType();
        _key = TestSeal.Sm2();
        _seal = await RegisterSeal(_key);
    }

    [Fact]
    public async Task a_signed_licence_is_accepted_and_verifies_as_valid_until_revoked_and_a_changed_copy_as_tampered()
    {
        var content = FoodLicenceContent();
        var document = Signed(content, _key, _seal.Id);
        var licence = await Issue(document);
        Assert.Equal(LicenceStatus.Valid, licence.Status);
        Assert.Equal(content["identifier"]!.GetValue<string>(), licence.Identifier);

        Assert.Equal(VerificationOutcome.Valid, (await Verify(document)).Outcome);
        var altered = (JsonObject)content.DeepClone();
        altered["faceData"]!["mainBusiness"] = "餐饮服务经营者";
        Assert.Equal(VerificationOutcome.Tampered, (await Verify(new { content = altered, sealId = _seal.Id, signature = ((dynamic)document).signature })).Outcome);
        Assert.Equal(VerificationOutcome.Unknown, (await Verify(Signed(FoodLicenceContent(serial: "2026000999"), _key, _seal.Id))).Outcome);

        var issuedAt = Now;
        Clock.Advance(TimeSpan.FromDays(1));
        await Post($"/sharing/licences/{licence.Id}/revoke", new { reason = "经营者申请注销" }, Market.Key, 200, ETag(licence.Version));
        Assert.Equal(VerificationOutcome.Revoked, (await Verify(document)).Outcome);
        Assert.Equal(VerificationOutcome.Valid, (await Verify(document, issuedAt)).Outcome);
    }

    [Fact]
    public async Task a_change_takes_the_next_identifier_version_and_the_earlier_document_verifies_as_superseded()
    {
        var first = Signed(FoodLicenceContent(), _key, _seal.Id);
        var licence = await Issue(first);
        var second = FoodLicenceContent(version: 2);
        second["faceData"]!["premises"] = "河南省许昌市魏都区文峰路266号";
        var changed = Read<LicenceView>(await Put($"/sharing/licences/{licence.Id}", new { document = Signed(second, _key, _seal.Id), reason = "经营场所变更" },
            Market.Key, 200, ETag(licence.Version)));
        Assert.Equal([licence.Identifier], changed.EarlierIdentifiers);
        Assert.Equal(VerificationOutcome.Superseded, (await Verify(first)).Outcome);
        Assert.Equal(VerificationOutcome.Valid, (await Verify(Signed(second, _key, _seal.Id))).Outcome);
    }

    [Fact]
    public async Task a_licence_signed_by_a_seal_revoked_since_verifies_as_seal_revoked()
    {
        var document = Signed(FoodLicenceContent(), _key, _seal.Id);
        await Issue(document);
        var before = Now;
        Clock.Advance(TimeSpan.FromMinutes(1));
        await RevokeSeal(_seal);
        Assert.Equal(VerificationOutcome.SealRevoked, (await Verify(document)).Outcome);
        Assert.Equal(VerificationOutcome.Valid, (await Verify(document, before)).Outcome);
        var unknown = Signed(FoodLicenceContent(), _key, Guid.CreateVersion7());
        Assert.Equal(VerificationOutcome.UnknownSeal, (await Verify(unknown)).Outcome);
    }

    [Fact]
    public async Task refused_licences_leave_nothing_behind()
    {
        var before = await EventCount();

        var badSignature = Signed(FoodLicenceContent(), TestSeal.Sm2(), _seal.Id);
        AssertProblem(await Post("/sharing/licences", new { document = badSignature, reason = "发证" }, Market.Key, 422), "bad-signature", "document.signature");

        var healthKey = TestSeal.P256();
        var healthSeal = await RegisterSeal(healthKey, Health.Key);
        before = await EventCount();
        AssertProblem(await Post("/sharing/licences", new { document = Signed(FoodLicenceContent(), healthKey, healthSeal.Id), reason = "发证" }, Market.Key, 422),
            "seal-of-another-department", "document.sealId");

        var revokedKey = TestSeal.P256(asCertificate: true);
        var revoked = await RevokeSeal(await RegisterSeal(revokedKey));
        before = await EventCount();
        AssertProblem(await Post("/sharing/licences", new { document = Signed(FoodLicenceContent(), revokedKey, revoked.Id), reason = "发证" }, Market.Key, 422),
            "seal-revoked", "document.sealId");

        var face = FoodLicenceContent();
        face["faceData"]!["licenceNumber"] = "SP4110020012345";
        ((JsonObject)face["faceData"]!).Remove("items");
        var schemaProblem = AssertProblem(await Post("/sharing/licences", new { document = Signed(face, _key, _seal.Id), reason = "发证" }, Market.Key, 422),
            "face-data-invalid");
        Assert.True(schemaProblem.GetProperty("errors").GetArrayLength() >= 2);

        AssertProblem(await Post("/sharing/licences", new { document = Signed(FoodLicenceContent(holderId: "91411000MA9F3K2L5H"), _key, _seal.Id), reason = "发证" },
            Market.Key, 400), "invalid-credit-code", "document.content.holder.id");
        var wrongCheck = FoodLicenceContent();
        var id = wrongCheck["identifier"]!.GetValue<string>();
        wrongCheck["identifier"] = id[..^1] + (id[^1] == 'A' ? 'B' : 'A');
        AssertProblem(await Post("/sharing/licences", new { document = Signed(wrongCheck, _key, _seal.Id), reason = "发证" }, Market.Key, 400),
            "invalid-identifier", "document.content.identifier");

        Assert.Equal(before, await EventCount());
        await using var session = Store.QuerySession();
        Assert.Equal(0, await Marten.QueryableExtensions.CountAsync(session.Query<CatalogHub.Sharing.Holders.HolderKey>()));
    }

    [Fact]
    public async Task a_person_s_resident_id_is_check_validated()
    {
        var content = FoodLicenceContent(holderId: "411002198807150012", holderName: "王建国");
        content["holder"]!["kind"] = "person";
        AssertProblem(await Post("/sharing/licences", new { document = Signed(content, _key, _seal.Id), reason = "发证" }, Market.Key, 400),
            "invalid-resident-id", "document.content.holder.id");
        content["holder"]!["id"] = "411002198807150015";
        // Well-formed, but 食品经营许可证 is held by organisations.
        AssertProblem(await Post("/sharing/licences", new { document = Signed(content, _key, _seal.Id), reason = "发证" }, Market.Key, 422),
            "holder-kind-mismatch", "document.content.holder.kind");
    }

    [Fact]
    public async Task a_licence_is_suspended_reinstated_and_its_expiry_recorded_once_its_validity_has_ended()
    {
        var content = FoodLicenceContent();
        content["validTo"] = Now.AddDays(1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz");
        var document = Signed(content, _key, _seal.Id);
        var licence = await Issue(document);

        var suspended = Read<LicenceView>(await Post($"/sharing/licences/{licence.Id}/suspend", new { reason = "涉嫌违法经营，暂停" }, Market.Key, 200, ETag(1)));
        Assert.Equal(LicenceStatus.Suspended, suspended.Status);
        Assert.Equal(VerificationOutcome.Suspended, (await Verify(document)).Outcome);
        Clock.Advance(TimeSpan.FromMinutes(10));
        await Post($"/sharing/licences/{licence.Id}/reinstate", new { reason = "整改到位，恢复" }, Market.Key, 200, ETag(2));
        Assert.Equal(VerificationOutcome.Valid, (await Verify(document)).Outcome);
        AssertProblem(await Post($"/sharing/licences/{licence.Id}/expire", new { reason = "到期" }, Market.Key, 422, ETag(3)), "licence-still-valid");

        Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(VerificationOutcome.Expired, (await Verify(document)).Outcome);
        var expired = Read<LicenceView>(await Post($"/sharing/licences/{licence.Id}/expire", new { reason = "有效期届满" }, Market.Key, 200, ETag(3)));
        Assert.Equal([LicenceStatus.Suspended, LicenceStatus.Valid, LicenceStatus.Expired], expired.History.Select(c => c.Status));
        Assert.Equal(4, Read<LicenceView>(await Post($"/sharing/licences/{licence.Id}/expire", new { reason = "重复登记" }, Market.Key, 200, ETag(4))).Version);
        AssertProblem(await Post($"/sharing/licences/{licence.Id}/suspend", new { reason = "暂停" }, Market.Key, 422, ETag(4)), "licence-ended");
    }
}
