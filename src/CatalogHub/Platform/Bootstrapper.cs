using CatalogHub.Demo;
using CatalogHub.Catalogue;
using CatalogHub.Departments;
using CatalogHub.ImplementationLists;
using CatalogHub.Sharing.LicenceTypes;

namespace CatalogHub.Platform;

/// <summary>
/// At start-up: makes sure a first hub-admin key exists when <c>CATALOGHUB_ADMIN_KEY_FILE</c> names a file
/// (the key is generated into that file once, and only its hash reaches the store), and loads the demo
/// dataset when <c>CATALOGHUB_SEED_DEMO</c> is true. Both are idempotent: a restart changes nothing.
/// </summary>
public sealed class Bootstrapper(IDocumentStore store, IConfiguration config, TimeProvider clock, ILogger<Bootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await BackfillIntervals(cancellationToken);
        if (config["CATALOGHUB_ADMIN_KEY_FILE"] is { Length: > 0 } keyFile)
            await EnsureAdminKey(keyFile, cancellationToken);
        if (config.GetValue<bool>("CATALOGHUB_SEED_DEMO"))
            await DemoData.Seed(store, clock.GetUtcNow(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A store whose lists were published before validity intervals existed gets them once, in one transaction.</summary>
    private async Task BackfillIntervals(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        ValidityIntervalProjection.Backfill(session, EntryVersion.List, EntryQueries.VersionsTable, EntryQueries.RepealsTable, "entryId");
        ValidityIntervalProjection.Backfill(session, ImplementationListVersion.List, ImplementationListsConfiguration.VersionsTable,
            ImplementationListsConfiguration.RepealsTable, "listId");
        ValidityIntervalProjection.Backfill(session, LicenceTypeVersion.List, GetLicenceTypeEndpoint.Versions, GetLicenceTypeEndpoint.Repeals, "typeId");
        await session.SaveChangesAsync(ct);
    }

    private async Task EnsureAdminKey(string keyFile, CancellationToken ct)
    {
        var key = File.Exists(keyFile) ? (await File.ReadAllTextAsync(keyFile, ct)).Trim() : null;
        await using var session = store.LightweightSession();
        session.LastModifiedBy = "bootstrap";
        session.SetHeader("reason", "first hub-admin key of this installation");

        var now = clock.GetUtcNow();
        var admin = await DemoData.EnsureHubAdmin(session, now, ct);
        if (key is not null && ApiKeys.KeyIdOf(key) is { } keyId && admin.Keys.Any(k => k.KeyId == keyId && ApiKeys.Matches(key, k.KeyHash)))
        {
            await session.SaveChangesAsync(ct);
            return;
        }

        var (issued, newKey) = CatalogHub.Departments.Keys.IssueApiKeyEndpoint.Issue(admin.Id, "bootstrap hub-admin key", now.AddDays(365), "bootstrap", now);
        session.Events.Append(admin.Id, issued);
        await session.SaveChangesAsync(ct);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        await File.WriteAllTextAsync(keyFile, newKey + "\n", ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        logger.LogInformation("Issued hub-admin key {KeyId} into {KeyFile}", issued.KeyId, keyFile);
    }
}
