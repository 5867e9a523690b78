using CatalogHub.Publication.Lists;
using CatalogHub.Demo;
using CatalogHub.Departments;
using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Tests.Support;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
            Task.Run(() => new Bootstrapper(Store, settings, Clock, Host.Services.GetRequiredService<CatalogHub.Sharing.Holders.HolderVault>(), NullLogger<Bootstrapper>.Instance).StartAsync(CancellationToken.None))));
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task the_first_admin_key_goes_to_the_department_registered_under_the_admins_code(bool hubAdmin)
    {
        await WipeStore();
        // 许昌市政务服务和大数据管理局 registered through the API before the key file was configured: another id, the same code.
        var registeredId = Guid.NewGuid();
        await using (var session = Store.LightweightSession())
        {
            CatalogHub.Departments.Registering.RegisterDepartmentEndpoint.Register(session,
                new CatalogHub.Departments.Registering.RegisterDepartment(DemoData.HubAdmin.Code, DemoData.HubAdmin.Name, DemoData.HubAdmin.Region,
                    hubAdmin ? [Role.HubAdmin, Role.CatalogueManager] : [Role.CatalogueManager], "接入政务服务事项管理"), "11411000005326026D", Clock.GetUtcNow(), registeredId);
            await session.SaveChangesAsync();
        }
        var keyFile = Path.Combine(Path.GetTempPath(), $"cataloghub-admin-{Guid.NewGuid():N}.key");
        try
        {
            var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CATALOGHUB_ADMIN_KEY_FILE"] = keyFile }).Build();
            await new Bootstrapper(Store, settings, Clock, Host.Services.GetRequiredService<CatalogHub.Sharing.Holders.HolderVault>(), NullLogger<Bootstrapper>.Instance).StartAsync(CancellationToken.None);

            await using var query = Store.QuerySession();
            var admin = (await query.Query<Department>().Where(d => d.Code == DemoData.HubAdmin.Code).ToListAsync()).Single();
            Assert.Equal(registeredId, admin.Id);
            if (hubAdmin)
                Assert.Equal(ApiKeys.KeyIdOf((await File.ReadAllTextAsync(keyFile)).Trim()), admin.Keys.Single().KeyId);
            else
            {
                // A key of a department without the role would not be a hub-admin's: none is issued, and the node still starts.
                Assert.False(File.Exists(keyFile));
                Assert.Empty(admin.Keys);
            }
        }
        finally
        {
            File.Delete(keyFile);
        }
    }
}
