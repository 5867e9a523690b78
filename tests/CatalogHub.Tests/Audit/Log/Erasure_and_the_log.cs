using CatalogHub.Audit.Log;
using CatalogHub.Sharing.Holders;
using CatalogHub.Tests.Sharing;
using CatalogHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogHub.Tests.Audit.Log;

/// <summary>Crypto-shredding a holder destroys a key, not an event: every leaf, checkpoint and proof stays valid.</summary>
public sealed class Erasure_and_the_log(AppFixture fixture) : SharingContext(fixture)
{
    [Fact]
    public async Task erasing_a_holder_leaves_every_leaf_and_every_inclusion_proof_valid()
    {
        var key = TestSeal.Sm2();
        var seal = await RegisterSeal(key);
        await PublishedLicenceType();
        await Issue(Signed(FoodLicenceContent(), key, seal.Id));
        var auditor = await Register(TestDepartments.Audit);
        await Host.Services.GetRequiredService<LogAppender>().CatchUp(CancellationToken.None);
        var before = (await Host.Services.GetRequiredService<CheckpointSigner>().Sign(CancellationToken.None))!;
        var proofs = new List<InclusionProof>();
        for (long index = 0; index < before.Size; index++) proofs.Add(Read<InclusionProof>(await Get($"/log/inclusion?index={index}")));

        Assert.True(Read<HolderErasure>(await Post("/sharing/holders/erase",
            new { holderId = ShopCode, basis = "《中华人民共和国个人信息保护法》第四十七条", reason = "权利人申请删除" }, Admin.Key, 200)).KeyDestroyed);
        await Host.Services.GetRequiredService<LogAppender>().CatchUp(CancellationToken.None);
        var after = (await Host.Services.GetRequiredService<CheckpointSigner>().Sign(CancellationToken.None))!;

        var report = Read<LogVerification>(await Get("/audit/log/verify", auditor.Key));
        Assert.Equal((true, after.Size, 2L), (report.Intact, report.TreeSize, report.CheckpointsChecked));
        Assert.True(after.Size > before.Size);
        foreach (var earlier in proofs)
        {
            var now = Read<InclusionProof>(await Get($"/log/inclusion?index={earlier.LeafIndex}&size={before.Size}"));
            Assert.Equal(earlier.LeafHash, now.LeafHash);
            Assert.True(Merkle.VerifyInclusion(now.LeafIndex, before.Size, Convert.FromBase64String(now.LeafHash),
                [.. now.Proof.Select(Convert.FromBase64String)], Convert.FromBase64String(before.RootHash)));
        }
        var consistency = Read<ConsistencyProof>(await Get($"/log/consistency?from={before.Size}&to={after.Size}"));
        Assert.True(Merkle.VerifyConsistency(before.Size, after.Size, [.. consistency.Proof.Select(Convert.FromBase64String)],
            Convert.FromBase64String(before.RootHash), Convert.FromBase64String(after.RootHash)));
    }
}
