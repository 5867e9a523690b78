using CatalogHub.BasisCheck;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// Every node answers the basis check from its own in-memory index, following the change log on the primary. A publication
/// made through one node is in another node's answers within the bound docs/scaling.md states (the index's poll, 500 ms,
/// plus reading the change; 10 s here, for a loaded machine).
/// </summary>
public sealed class Basis_check_across_nodes(AppFixture fixture) : CatalogueContext(fixture)
{
    [Fact]
    public async Task a_publication_through_one_node_is_in_the_other_node_s_basis_check_within_the_documented_bound()
    {
        await using var other = await ExtraNode.Start(Environment.GetEnvironmentVariable("CATALOGHUB_DB")!, new Dictionary<string, string?>());
        var question = new { regionCode = "411000", itemCode = "000147011000", asOf = Now.AddMinutes(1), materials = new[] { new { name = "营业执照" } } };
        async Task<BasisAnswer> Ask() => Read<BasisAnswer>(await other.Host.Scenario(s =>
        {
            s.Post.Json(question).ToUrl("/basis-check");
            s.WithRequestHeader("Authorization", "ApiKey " + Market.Key);
            s.StatusCodeShouldBe(200);
        }));
        Assert.Empty((await Ask()).Citations);

        var published = await Published();   // through the fixture's node

        Assert.True(await ExtraNode.Eventually(async () => (await Ask()).Citations.Any(c => c.Id == published.Id), TimeSpan.FromSeconds(10)),
            "the other node's basis check never cited the publication");
    }
}
