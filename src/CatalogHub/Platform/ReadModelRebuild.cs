using System.Diagnostics;
using CatalogHub.Publication;

namespace CatalogHub.Platform;

/// <summary>
/// Every read model of a store rebuilt from its events, with the application stopped: each projection the store registers, by
/// Marten's projection daemon. The change log and the validity intervals are tables of their own that the daemon does not empty:
/// they are truncated first, and their secondary indexes are dropped for the rebuild and created again after it from their own
/// definitions (one sort per index instead of an index update per row; the primary keys stay, as the intervals' projection reads
/// an item's current rows by it). Should the rebuild fail, the next start creates missing indexes with the schema.
/// </summary>
public static class ReadModelRebuild
{
    /// <summary>The tables the rebuild owns: nothing but their projections writes them.</summary>
    private static readonly string[] OwnTables = [ChangeLogProjection.Table, ValidityIntervalProjection.Table];

    /// <summary>The step that creates the owned tables' indexes again, as <see cref="All"/> names it.</summary>
    public const string Indexes = "indexes of the change log and the validity intervals";

    /// <summary>Rebuilds everything; the seconds each step took (each projection, then <see cref="Indexes"/>).</summary>
    public static async Task<IReadOnlyList<(string Step, double Seconds)>> All(DocumentStore store, TextWriter log, CancellationToken ct)
    {
        var steps = new List<(string, double)>();
        await using var session = store.LightweightSession();
        var indexes = await session.AdvancedSql.QueryAsync<string>("""
            select pg_get_indexdef(x.indexrelid) from pg_index x
            where x.indrelid = any(?::text[]::regclass[]) and not x.indisprimary
            """, ct, (object)OwnTables);
        session.QueueSqlCommand($"truncate {string.Join(", ", OwnTables)}");
        foreach (var name in await session.AdvancedSql.QueryAsync<string>("""
            select x.indexrelid::regclass::text from pg_index x where x.indrelid = any(?::text[]::regclass[]) and not x.indisprimary
            """, ct, (object)OwnTables))
            session.QueueSqlCommand($"drop index {name}");
        await session.SaveChangesAsync(ct);
        try
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            foreach (var name in store.Options.Projections.All.Select(p => p.Name))
                steps.Add(await Timed(name, log, () => daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct)));
        }
        finally
        {
            steps.Add(await Timed(Indexes, log, async () =>
            {
                await using var create = store.LightweightSession();
                foreach (var index in indexes) create.QueueSqlCommand(index);
                await create.SaveChangesAsync(ct);
            }));
        }
        return steps;
    }

    private static async Task<(string, double)> Timed(string step, TextWriter log, Func<Task> run)
    {
        var one = Stopwatch.StartNew();
        await run();
        log.WriteLine($"  {step}: {one.Elapsed.TotalSeconds:F1} s");
        return (step, one.Elapsed.TotalSeconds);
    }
}
