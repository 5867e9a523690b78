using System.Diagnostics;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;

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

    /// <summary>
    /// How many projections are rebuilt side by side. One projection kept about 0.7 of a core busy in the process and left
    /// PostgreSQL the rest of two; on the benchmark's 1M-event store, three at a time rebuilt everything in 179 s where one after
    /// the other took 234 s (commit 3bc8068; docs/benchmarks.md, (f), has the latest run).
    /// </summary>
    private const int SideBySide = 3;

    /// <summary>
    /// Events per batch in a rebuild of the projections that write the own tables (the daemon's page; inline, a batch is one
    /// transaction's events): each batch reads its items' current rows once and writes in a statement or two from arrays, so
    /// larger pages mean fewer round trips for the same rows.
    /// </summary>
    public const int PageSize = 5_000;

    /// <summary>The step that creates the owned tables' indexes again, as <see cref="All"/> names it.</summary>
    public const string Indexes = "indexes of the change log and the validity intervals";

    /// <summary>The seconds each step took (each projection, side by side with others, then <see cref="Indexes"/>), and the whole rebuild's.</summary>
    public sealed record Times(IReadOnlyList<(string Step, double Seconds)> Steps, double Seconds);

    /// <summary>Rebuilds everything.</summary>
    public static async Task<Times> All(DocumentStore store, TextWriter log, CancellationToken ct)
    {
        var whole = Stopwatch.StartNew();
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
            steps.AddRange(await SideBySideInOrder(store.Options.Projections.All.Select(p => p.Name).ToList(),
                name => Timed(name, log, () => daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct)), ct));
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
        return new Times(steps, whole.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Runs every projection's rebuild, <see cref="SideBySide"/> at a time, each list's version documents only after its item
    /// snapshots (they read an older publication's region from them). The longest first: the lists' snapshots start each a chain
    /// (the base catalogue's is the longest of all), then the own tables' projections, which read every list's events.
    /// </summary>
    private static async Task<IReadOnlyList<(string, double)>> SideBySideInOrder(IReadOnlyList<string> projections,
        Func<string, Task<(string, double)>> rebuild, CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(SideBySide);
        var after = ListRegistry.All.ToDictionary(l => l.DocumentsProjectionName, l => l.SnapshotProjectionName);
        var started = new Dictionary<string, Task<(string, double)>>();
        var snapshots = ListRegistry.All.Select(l => l.SnapshotProjectionName).ToHashSet();
        foreach (var name in projections.OrderBy(p => snapshots.Contains(p) ? 0 : p is nameof(ChangeLogProjection) or nameof(ValidityIntervalProjection) ? 1 : 2))
            started[name] = Run(name, after.TryGetValue(name, out var first) ? started[first] : Task.CompletedTask);
        return await Task.WhenAll(started.Values);

        async Task<(string, double)> Run(string name, Task first)
        {
            await first;
            await slots.WaitAsync(ct);
            try { return await rebuild(name); }
            finally { slots.Release(); }
        }
    }

    private static async Task<(string, double)> Timed(string step, TextWriter log, Func<Task> run)
    {
        var one = Stopwatch.StartNew();
        await run();
        lock (log) log.WriteLine($"  {step}: {one.Elapsed.TotalSeconds:F1} s");
        return (step, one.Elapsed.TotalSeconds);
    }
}
