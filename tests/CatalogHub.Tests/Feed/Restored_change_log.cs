using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CatalogHub.Tests.Feed;

/// <summary>
/// A store dumped from one cluster and restored into another keeps the first cluster's transaction ids in the change
/// log. The legacy store loaded into a fresh cluster showed an empty feed: its rows stayed above every snapshot's xmin.
/// </summary>
public sealed class Restored_change_log(AppFixture fixture) : CatalogueContext(fixture)
{
    [Fact]
    public async Task rows_from_a_cluster_further_on_show_in_the_feed_once_the_node_has_started()
    {
        var entry = await Published();
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand($"update {ChangeLogProjection.Table} set tx = (pg_current_xact_id()::text::bigint + 1000000)::text::xid8");
            await session.SaveChangesAsync();
        }
        Assert.Empty(ReadJson(await Get("/feed?limit=50", Admin.Key)).GetProperty("items").EnumerateArray());

        await new Bootstrapper(Store, new ConfigurationBuilder().Build(), Clock, Host.Services.GetRequiredService<CatalogHub.Sharing.Holders.HolderVault>(), NullLogger<Bootstrapper>.Instance).StartAsync(CancellationToken.None);
        var items = ReadJson(await Get("/feed?limit=50", Admin.Key)).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("id").GetGuid() == entry.Id && i.GetProperty("kind").GetString() == "published");
        Assert.All(items, i => Assert.StartsWith("3.", i.GetProperty("position").GetString()));
    }
}
