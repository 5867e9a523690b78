using System.Diagnostics;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;
using JasperFx.Events;
using Marten.Events;
using Marten.Events.Projections;
using Npgsql;
using Weasel.Core;

namespace CatalogHub.Platform;

/// <summary>
/// Every read model of a store rebuilt from its events, with the application stopped. What publications record (each list's
/// version and repeal documents, the change log, the validity intervals) is written in one pass over their events
/// (<see cref="Records"/>); every other projection the store registers is rebuilt by Marten's projection daemon. Those tables
/// are emptied first, and the change log's and the intervals' secondary indexes are dropped for the rebuild and created again
/// after it from their own definitions (one sort per index instead of an index update per row; the primary keys stay, as the
/// intervals' projection reads an item's current rows by it). Should the rebuild fail, the next start creates missing indexes
/// with the schema.
/// </summary>
public static class ReadModelRebuild
{
    /// <summary>The tables whose secondary indexes the rebuild drops: nothing but their projections writes them.</summary>
    private static readonly string[] OwnTables = [ChangeLogProjection.Table, ValidityIntervalProjection.Table];

    /// <summary>
    /// How many steps run side by side. One projection kept about 0.7 of a core busy in the process and left PostgreSQL the
    /// rest of two; on the benchmark's 1M-event store, three at a time rebuilt everything in 179 s where one after the other
    /// took 234 s (commit 3bc8068; docs/benchmarks.md, (f), has the latest run).
    /// </summary>
    private const int SideBySide = 3;

    /// <summary>
    /// Events per page of <see cref="Records"/> and of the daemon's pages for the projections that write the own tables (inline,
    /// a batch is one transaction's events): each page reads its items' current rows once and writes in a statement or two from
    /// arrays, so larger pages mean fewer round trips for the same rows.
    /// </summary>
    public const int PageSize = 5_000;

    /// <summary>The step that writes what publications record, as <see cref="All"/> names it.</summary>
    public const string Records = "version documents, change log and validity intervals";

    /// <summary>The step that creates the owned tables' indexes again, as <see cref="All"/> names it.</summary>
    public const string Indexes = "indexes of the change log and the validity intervals";

    /// <summary>The seconds each step took (each projection, side by side with others, then <see cref="Indexes"/>), and the whole rebuild's.</summary>
    public sealed record Times(IReadOnlyList<(string Step, double Seconds)> Steps, double Seconds);

    /// <summary>
    /// The store a rebuild runs on. It empties tables and fills them again, so a statement its connections prepared while a table
    /// was nearly empty would keep that plan (PostgreSQL's generic plan) as the table grows: the daemon's lookup of the snapshots
    /// it evicted scanned the whole snapshot table on every page, 40 s of PostgreSQL's time on the benchmark's store. Each
    /// statement is planned for its own values instead.
    /// </summary>
    public static DocumentStore Store(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"-c plan_cache_mode=force_custom_plan {builder.Options}".Trim();
        return DocumentStore.For(opts => Hosting.ConfigureStore(opts, builder.ConnectionString));
    }

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
        session.QueueSqlCommand($"truncate {string.Join(", ", [.. OwnTables, .. RecordTables])}");
        foreach (var name in await session.AdvancedSql.QueryAsync<string>("""
            select x.indexrelid::regclass::text from pg_index x where x.indrelid = any(?::text[]::regclass[]) and not x.indisprimary
            """, ct, (object)OwnTables))
            session.QueueSqlCommand($"drop index {name}");
        await session.SaveChangesAsync(ct);
        try
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            var recorders = RecordProjectionNames;
            var byDaemon = store.Options.Projections.All.Select(p => p.Name).Where(name => !recorders.Contains(name))
                .Select(name => (name, (Func<Task>)(() => daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct))));
            steps.AddRange(await SideBySideInOrder([.. byDaemon, (Records, () => WriteRecords(store, ct))],
                (name, run) => Timed(name, log, run), ct));
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

    /// <summary>The projections <see cref="Records"/> applies, by the names the store registers them under.</summary>
    private static HashSet<string> RecordProjectionNames =>
        [.. ListRegistry.All.Select(l => l.DocumentsProjectionName), nameof(ChangeLogProjection), nameof(ValidityIntervalProjection)];

    /// <summary>The tables nothing but those projections writes.</summary>
    private static IEnumerable<string> RecordTables => ListRegistry.All.Select(l => l.VersionsTable).Append(ListDefinition.RepealsTable);

    /// <summary>
    /// Each list's version and repeal documents, the change log and the validity intervals, from one read of the events they
    /// use (publications, repeals, draftings, withdrawals, schedule changes): the three used to be rebuilt by the daemon apart,
    /// each reading and deserializing the same publications again, together 110 s of CPU of the benchmark's rebuild. Page by
    /// page, the next page read while this one is written. The documents go in by COPY (the tables were emptied): stored one by
    /// one through the session, as the inline projection does, the benchmark's 272,000 took 13 s to queue and most of the 50 s
    /// its pages spent saving (the step went from 79 s to 54 s beside the base catalogue's snapshots).
    /// </summary>
    private static async Task WriteRecords(DocumentStore store, CancellationToken ct)
    {
        IReadOnlyList<IProjection> tables = [ChangeLogProjection.OfEveryList(), ValidityIntervalProjection.OfEveryList()];
        var types = ListRegistry.All.SelectMany(l => l.ChangeEventTypes.Concat(l.TimelineEventTypes)).Distinct().ToArray();
        var next = Page(0);
        while (await next is { Count: > 0 } page)
        {
            next = Page(page[^1].Sequence);
            await using var write = store.LightweightSession();
            var documents = new List<object>();
            foreach (var list in ListRegistry.All) documents.AddRange(await list.DocumentsOf(write, page, ct));
            foreach (var projection in tables) await projection.ApplyAsync(write, page, ct);
            await write.SaveChangesAsync(ct);
            await store.BulkInsertDocumentsAsync(documents, BulkInsertMode.InsertsOnly, PageSize, ct);
        }

        async Task<IReadOnlyList<IEvent>> Page(long after)
        {
            await using var read = store.QuerySession();
            return await read.Events.QueryAllRawEvents().Where(e => e.Sequence > after && e.EventTypesAre(types))
                .OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(ct);
        }
    }

    /// <summary>
    /// Runs the steps, <see cref="SideBySide"/> at a time, the longest first: the lists' snapshots (the base catalogue's is the
    /// longest of all), then <see cref="Records"/>, which waits for the snapshots of the lists whose publications may lack their
    /// region (it reads it from them), then the rest.
    /// </summary>
    private static async Task<IReadOnlyList<(string, double)>> SideBySideInOrder(IReadOnlyList<(string Name, Func<Task> Run)> steps,
        Func<string, Func<Task>, Task<(string, double)>> timed, CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(SideBySide);
        var snapshots = ListRegistry.All.Select(l => l.SnapshotProjectionName).ToHashSet();
        var regionsFrom = ListRegistry.All.Where(l => l.PublicationsMayLackRegion).Select(l => l.SnapshotProjectionName).ToHashSet();
        var started = new Dictionary<string, Task<(string, double)>>();
        foreach (var (name, run) in steps.OrderBy(s => snapshots.Contains(s.Name) ? 0 : s.Name == Records ? 1 : 2))
            started[name] = Run(name, run, name == Records ? Task.WhenAll(started.Where(s => regionsFrom.Contains(s.Key)).Select(s => s.Value)) : Task.CompletedTask);
        return await Task.WhenAll(started.Values);

        async Task<(string, double)> Run(string name, Func<Task> run, Task first)
        {
            await first;
            await slots.WaitAsync(ct);
            try { return await timed(name, run); }
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
