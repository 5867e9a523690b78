using CatalogHub.Sharing.Seals;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Sharing;

public sealed class Seals_history(AppFixture fixture) : SharingContext(fixture)
{
    [Fact]
    public async Task a_seal_is_registered_suspended_reinstated_and_revoked_with_its_history_and_status_as_of_any_instant()
    {
        var registeredAt = Now;
        var seal = await RegisterSeal(TestSeal.Sm2());
        Assert.Equal(SealStatus.Active, seal.Status);
        Assert.Equal(SealAlgorithm.Sm2WithSm3, seal.Algorithm);

        var suspendAt = Now.AddHours(1);
        var suspended = Read<SealView>(await Post($"/sharing/seals/{seal.Id}/suspend",
            new { effectiveAt = suspendAt, reason = "印章介质送检" }, Market.Key, 200, ETag(1)));
        Assert.Equal(SealStatus.Active, suspended.Status);
        Clock.Advance(TimeSpan.FromHours(2));
        var reinstateAt = Now;
        await Post($"/sharing/seals/{seal.Id}/reinstate", new { reason = "送检合格" }, Market.Key, 200, ETag(2));
        Clock.Advance(TimeSpan.FromHours(1));
        var revoked = await RevokeSeal(seal with { Version = 3 });
        var again = await RevokeSeal(revoked);
        Assert.Equal(4, again.Version);

        Assert.Equal([SealStatus.Suspended, SealStatus.Active, SealStatus.Revoked], revoked.History.Select(c => c.Status));
        async Task<SealStatus> At(DateTimeOffset t) =>
            Read<SealView>(await Get($"/sharing/seals/{seal.Id}?asOf={Uri.EscapeDataString(t.ToString("O"))}")).Status;
        Assert.Equal(SealStatus.NotYetValid, await At(registeredAt.AddMinutes(-1)));
        Assert.Equal(SealStatus.Active, await At(suspendAt.AddTicks(-10)));
        Assert.Equal(SealStatus.Suspended, await At(suspendAt));
        Assert.Equal(SealStatus.Active, await At(reinstateAt));
        Assert.Equal(SealStatus.Revoked, await At(Now));
        Assert.Equal(SealStatus.Revoked, await At(Now.AddYears(10)));
    }

    [Fact]
    public async Task a_seal_change_may_not_take_effect_in_the_past_and_a_revoked_seal_stays_revoked()
    {
        var seal = await RegisterSeal(TestSeal.P256());
        AssertProblem(await Post($"/sharing/seals/{seal.Id}/suspend", new { effectiveAt = Now.AddMinutes(-5), reason = "补记" }, Market.Key, 422, ETag(1)),
            "effective-time-in-past", "effectiveAt");
        AssertProblem(await Post($"/sharing/seals/{seal.Id}/reinstate", new { reason = "恢复" }, Market.Key, 422, ETag(1)), "seal-not-suspended");
        var revoked = await RevokeSeal(seal);
        AssertProblem(await Post($"/sharing/seals/{seal.Id}/suspend", new { reason = "暂停" }, Market.Key, 422, ETag(revoked.Version)), "seal-revoked");
    }

    [Fact]
    public async Task only_the_owner_or_a_hub_admin_changes_a_seal_and_only_issuers_register_one()
    {
        var seal = await RegisterSeal(TestSeal.P256(asCertificate: true));
        AssertProblem(await Post($"/sharing/seals/{seal.Id}/revoke", new { reason = "吊销" }, Health.Key, 403, ETag(1)), "not-seal-owner");
        await Post($"/sharing/seals/{seal.Id}/revoke", new { reason = "吊销" }, Admin.Key, 200, ETag(1));
        AssertProblem(await Post("/sharing/seals", new
        {
            name = "许昌市人力资源和社会保障局公章", kind = "公章", algorithm = "SM2-SM3", publicKeyPem = TestSeal.Sm2().PublicKeyPem,
            validTo = Now.AddYears(1), reason = "启用",
        }, Consumer.Key, 403), "missing-role");
    }

    [Fact]
    public async Task a_seal_whose_key_is_not_on_its_algorithm_s_curve_is_refused_and_nothing_is_written()
    {
        var before = await EventCount();
        var refused = await Post("/sharing/seals", new
        {
            name = "许昌市市场监督管理局公章", kind = "公章", algorithm = "SM2-SM3", publicKeyPem = TestSeal.P256().PublicKeyPem,
            validTo = Now.AddYears(1), reason = "启用",
        }, Market.Key, 400);
        AssertProblem(refused, "invalid-public-key", "publicKeyPem");
        AssertProblem(await Post("/sharing/seals", new
        {
            name = "许昌市市场监督管理局公章", kind = "私章", algorithm = "SM2-SM3", publicKeyPem = TestSeal.Sm2().PublicKeyPem,
            validTo = Now.AddYears(1), reason = "启用",
        }, Market.Key, 400), "unknown-seal-kind", "kind");
        Assert.Equal(before, await EventCount());
    }
}
