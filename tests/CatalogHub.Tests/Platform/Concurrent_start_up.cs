using CatalogHub.Publication.Lists;
using CatalogHub.Demo;
using CatalogHub.Departments;
using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Tests.Support;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// Nodes that boot together run the same one-off start-up steps at once. On 6cc120d the validity-interval backfill
/// (a non-locking NOT EXISTS) and the seeding raced each other into unique violations that failed the start.
/// </summary>
public sealed class Concurrent_start_up(AppFixture fixture) : IntegrationContext(fixture)
{
    private const int Nodes = 4;

    private async Task BootTogether(string keyFile)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CATALOGHUB_SEED_DEMO"] = "true",
            ["CATALOGHUB_ADMIN_KEY_FILE"] = keyFile,
        }).Build();
        await Task.WhenAll(Enumerable.Range(0, Nodes).Select(_ =>
            Task.Run(() => new Bootstrapper(Store, settings, Clock, NullLogger<Bootstrapper>.Instance).StartAsync(CancellationToken.None))));
    }

    private async Task<long> Scalar(string sql)
    {
        await using var session = Store.QuerySession();
        return (await session.AdvancedSql.QueryAsync<long>(sql, CancellationToken.None)).Single();
    }

    [Fact]
    public async Task nodes_starting_together_seed_issue_the_admin_key_and_backfill_intervals_once()
    {
        await WipeStore();
        var keyFile = Path.Combine(Path.GetTempPath(), $"cataloghub-admin-{Guid.NewGuid():N}.key");
        try
        {
            await BootTogether(keyFile);
            // A store whose lists were published before validity intervals existed.
            await using (var session = Store.LightweightSession())
            {
                session.QueueSqlCommand($"truncate {ValidityIntervalProjection.Table}");
                await session.SaveChangesAsync();
            }
            await BootTogether(keyFile);

            await using var query = Store.QuerySession();
            var departments = await query.Query<Department>().ToListAsync();
            Assert.Equal(DemoData.Departments.Select(d => d.Code).Append(DemoData.HubAdmin.Code).Distinct().Order(),
                departments.Select(d => d.Code).Order());
            var admin = departments.Single(d => d.Code == DemoData.HubAdmin.Code);
            var key = (await File.ReadAllTextAsync(keyFile)).Trim();
            Assert.Equal(ApiKeys.KeyIdOf(key), admin.Keys.Single().KeyId);
            Assert.Equal(DemoData.Items.Length, await query.Query<ListItem<CatalogHub.Catalogue.EntryContent>>().CountAsync());
            var versions = await Scalar("select count(*) from cataloghub.mt_events where type like '%_published'");
            Assert.Equal(versions, await Scalar($"select count(*) from {ValidityIntervalProjection.Table}"));
        }
        finally
        {
            File.Delete(keyFile);
        }
    }
}
