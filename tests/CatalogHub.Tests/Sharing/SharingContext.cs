using CatalogHub.Sharing.Seals;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Sharing;

/// <summary>
/// Given-states of the sharing hub: 许昌市市场监督管理局 (<see cref="CatalogueContext.Market"/>) issues 食品经营许可证 with
/// its seals; 许昌市人力资源和社会保障局 consumes; 许昌市卫生健康委员会 is another issuer.
/// </summary>
public abstract class SharingContext(AppFixture fixture) : CatalogueContext(fixture)
{
    protected TestDepartment Consumer { get; private set; } = null!;
    protected TestDepartment Health { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Consumer = await Register(TestDepartments.HumanResources);
        Health = await Register(TestDepartments.HealthCommission);
    }

    protected static string ETag(long version) => $"\"{version}\"";

    protected async Task<SealView> RegisterSeal(TestSeal seal, string? key = null, string kind = "电子证照专用章") =>
        Read<SealView>(await Post("/sharing/seals", new
        {
            name = "许昌市市场监督管理局电子证照专用章", kind, algorithm = seal.Algorithm, publicKeyPem = seal.PublicKeyPem,
            validTo = Now.AddYears(3), reason = "启用电子印章",
        }, key ?? Market.Key, 201));

    protected async Task<SealView> RevokeSeal(SealView seal, DateTimeOffset? effectiveAt = null, string? key = null) =>
        Read<SealView>(await Post($"/sharing/seals/{seal.Id}/revoke", new { effectiveAt, reason = "私钥泄露，吊销印章" },
            key ?? Market.Key, 200, ETag(seal.Version)));
}
