using Npgsql;
using CatalogHub.Demo;
using CatalogHub.Catalogue;
using CatalogHub.Departments;

namespace CatalogHub.Platform;

/// <summary>
/// At start-up: makes sure a first hub-admin key exists when <c>CATALOGHUB_ADMIN_KEY_FILE</c> names a file
/// (the key is generated into that file once, and only its hash reaches the store), and loads the demo
/// dataset when <c>CATALOGHUB_SEED_DEMO</c> is true. Both are idempotent: a restart changes nothing. Nodes that start
/// together take turns: each step reads and writes in one transaction that first takes a PostgreSQL advisory lock, so
/// the second node's "is it there yet?" sees what the first one committed.
/// </summary>
public sealed class Bootstrapper(IDocumentStore store, IConfiguration config, TimeProvider clock, Sharing.Holders.HolderVault vault,
    ILogger<Bootstrapper> logger) : IHostedService
{
    /// <summary>The advisory lock every node's start-up steps take (an arbitrary constant: "CatHub" in ASCII).</summary>
    public const long StartupLock = 0x436174487562;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateLists(cancellationToken);
        await Locked((session, _) =>
        {
            ChangeLog.RebaseRestoredRows(session);
            return Task.CompletedTask;
        }, cancellationToken);
        if (config["CATALOGHUB_ADMIN_KEY_FILE"] is { Length: > 0 } keyFile)
            await Locked((session, ct) => EnsureAdminKey(session, keyFile, ct), cancellationToken);
        if (config.GetValue<bool>("CATALOGHUB_SEED_DEMO"))
            await Locked((session, ct) => DemoData.Seed(session, vault, clock.GetUtcNow(), ct), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs one step in a transaction that holds <see cref="StartupLock"/> from its first statement until it commits
    /// (or the connection drops): a transaction-scoped lock cannot outlive the step, whatever happens to the node.
    /// </summary>
    private async Task Locked(Func<IDocumentSession, CancellationToken, Task> step, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(ct);
        await session.AdvancedSql.QueryAsync<int>("select 1 from pg_advisory_xact_lock(?)", ct, StartupLock);
        await step(session, ct);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The lists' moves rebuild projections through Marten's daemon, which holds back at a gap in the event sequence while any
    /// transaction older than the gap is open: a transaction-scoped start-up lock would make it wait for the very transaction
    /// that waits for it (seen on a store with one burnt sequence number: start-up hung). So this step holds the lock for
    /// its connection, with no transaction open while the daemon runs, and releases it when done or when the connection drops.
    /// </summary>
    private async Task MigrateLists(CancellationToken ct)
    {
        await using var connection = ((Weasel.Postgresql.PostgresqlDatabase)store.Storage.Database).CreateConnection();
        await connection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"select pg_advisory_lock({StartupLock})", connection))
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            await Publication.Lists.ListMigrations.Run(store, clock, logger, ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({StartupLock})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Under the start-up lock, so a node that shares the key file with one that started first reads the key that one
    /// wrote. The file is written before the commit: if the commit fails, the next start finds a key that does not
    /// match and issues another.
    /// </summary>
    private async Task EnsureAdminKey(IDocumentSession session, string keyFile, CancellationToken ct)
    {
        var key = File.Exists(keyFile) ? (await File.ReadAllTextAsync(keyFile, ct)).Trim() : null;
        session.LastModifiedBy = "bootstrap";
        session.SetHeader("reason", "first hub-admin key of this installation");

        var now = clock.GetUtcNow();
        var admin = await DemoData.EnsureHubAdmin(session, now, ct);
        if (!admin.Roles.Contains(Role.HubAdmin) || admin.DeregisteredAt is not null)
        {
            // Its code was registered through the API without the role, or deregistered: a key issued to it would not be a
            // hub-admin's. The node serves anyway; an operator grants the role or clears the setting.
            logger.LogError("No hub-admin key issued into {KeyFile}: department {Code} is not an active hub-admin", keyFile, admin.Code);
            return;
        }
        if (key is not null && ApiKeys.KeyIdOf(key) is { } keyId && admin.Keys.Any(k => k.KeyId == keyId && ApiKeys.Matches(key, k.KeyHash)))
            return;

        var (issued, newKey) = CatalogHub.Departments.Keys.IssueApiKeyEndpoint.Issue(admin.Id, "bootstrap hub-admin key", now.AddDays(365), "bootstrap", now);
        session.Events.Append(admin.Id, issued);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        await File.WriteAllTextAsync(keyFile, newKey + "\n", ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        logger.LogInformation("Issued hub-admin key {KeyId} into {KeyFile}", issued.KeyId, keyFile);
    }
}
