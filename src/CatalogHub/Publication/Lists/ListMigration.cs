namespace CatalogHub.Publication.Lists;

/// <summary>Marks a list whose documents were rewritten in the shared shapes when it moved onto the registry. Id: the list's name.</summary>
public sealed record ListMigration(string Id, DateTimeOffset MigratedAt, long Events);

/// <summary>
/// Once per store, for each list that moved onto the registry (one with an older event shape to read): the documents
/// the list's older module wrote are rebuilt from its events in the shared shapes, under the same tables, ids and
/// sequence numbers (docs/migrating-lists.md). Until then an older item snapshot reads as nothing and a write to its stream
/// fails, so this runs at start-up, under the start-up lock, before the host serves requests. The events themselves are
/// never rewritten (their leaves in the transparency log hold); the change log, a table derived from them, gets the
/// shared shapes where the older module wrote its own (the validity intervals are rebuilt from the events afterwards). The caller holds the start-up lock; no transaction is open while the daemon
/// rebuilds (it would wait for it at a gap in the sequence), and each list's derived tables and marker commit together.
/// </summary>
public static class ListMigrations
{
    public static async Task Run(IDocumentStore store, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        foreach (var list in ListRegistry.All.Where(l => l.MovedOntoRegistry))
        {
            await using var session = store.LightweightSession();
            if (await session.LoadAsync<ListMigration>(list.Name, ct) is not null) continue;
            var events = (await session.AdvancedSql.QueryAsync<long>(
                $"select count(*) from {Hosting.SchemaName}.mt_events where type like ?", ct, list.StorageName + "\\_%")).Single();
            if (events > 0)
            {
                logger.LogInformation("Rebuilding the documents of {List} from its {Events} events in the shared shapes", list.Name, events);
                using var daemon = await store.BuildProjectionDaemonAsync();
                // The item snapshot first: the version documents read an older publication's region from it.
                await daemon.RebuildProjectionAsync(list.SnapshotProjectionName, ct);
                await daemon.RebuildProjectionAsync(list.DocumentsProjectionName, ct);
                session.QueueSqlCommand($"""
                    update {ChangeLogProjection.Table} c set document = v.data
                    from {list.VersionsTable} v
                    where c.list = ? and c.kind = ? and (v.data->>'sequence')::bigint = c.sequence
                    """, list.Name, ChangeLog.KindName(ChangeKind.Published));
            }
            session.Store(new ListMigration(list.Name, clock.GetUtcNow(), events));
            await session.SaveChangesAsync(ct);
        }
        await KeepTimelines(store, logger, ct);
        await ValidityIntervalProjection.Rebuild(store, [.. ListRegistry.All.Select(l => (Func<JasperFx.Events.IEvent, TimelineChange?>)l.TimelineOf)],
            [.. ListRegistry.All.SelectMany(l => l.TimelineEventTypes)], [.. ListRegistry.All.Select(l => l.VersionsTable)], logger, ct);
    }

    /// <summary>
    /// Item snapshots written before the lifecycle kept its timeline's points (<see cref="Lifecycle.Points"/>) are rebuilt from
    /// their events once, so cancelling or rescheduling sees every point.
    /// </summary>
    private static async Task KeepTimelines(IDocumentStore store, ILogger logger, CancellationToken ct)
    {
        foreach (var list in ListRegistry.All)
        {
            await using var session = store.QuerySession();
            var stale = (await session.AdvancedSql.QueryAsync<bool>(
                $"select exists (select 1 from {list.ItemsTable} where jsonb_typeof(data->'lifecycle'->'points') is distinct from 'array')", ct)).Single();
            if (!stale) continue;
            logger.LogInformation("Rebuilding the item snapshots of {List} with their timelines", list.Name);
            using var daemon = await store.BuildProjectionDaemonAsync();
            await daemon.RebuildProjectionAsync(list.SnapshotProjectionName, ct);
        }
    }
}
