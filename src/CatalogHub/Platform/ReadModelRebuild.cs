using System.Diagnostics;
using System.Text.RegularExpressions;
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
/// (<see cref="Records"/>); every other projection the store registers is rebuilt by Marten's projection daemon. The tables a
/// step fills again from empty lose their secondary indexes for the rebuild, and the step creates them again from their own
/// definitions when it ends (<see cref="Refilled"/>). Should the rebuild fail, what a failed step left is created at its end,
/// or else by the next start with the schema.
/// </summary>
public static partial class ReadModelRebuild
{
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

    /// <summary>The step that creates the indexes a failed step left uncreated (nothing when every step ended), as <see cref="All"/> names it.</summary>
    public const string Indexes = "indexes left to create";

    /// <summary>The seconds each step took (each projection with its tables' indexes, side by side with others, then <see cref="Indexes"/>), and the whole rebuild's.</summary>
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
        var recorders = RecordProjectionNames;
        var names = store.Options.Projections.All.Select(p => p.Name).Where(name => !recorders.Contains(name)).Append(Records).ToList();
        var indexes = new Dictionary<string, IReadOnlyList<string>>();
        await using (var session = store.LightweightSession())
        {
            foreach (var table in names.SelectMany(Refilled))
                indexes[table] = await session.AdvancedSql.QueryAsync<string>(
                    "select pg_get_indexdef(x.indexrelid) from pg_index x where x.indrelid = ?::regclass and not x.indisprimary", ct, table);
            session.QueueSqlCommand($"truncate {string.Join(", ", Refilled(Records))}");
            foreach (var name in await session.AdvancedSql.QueryAsync<string>("""
                select x.indexrelid::regclass::text from pg_index x where x.indrelid = any(?::text[]::regclass[]) and not x.indisprimary
                """, ct, (object)indexes.Keys.ToArray()))
                session.QueueSqlCommand($"drop index {name}");
            await session.SaveChangesAsync(ct);
        }
        var steps = new List<(string, double)>();
        try
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            steps.AddRange(await SideBySideInOrder([.. names.Select(name => (name, (Func<Task>)(async () =>
            {
                await (name == Records ? WriteRecords(store, ct) : daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct));
                await CreateMissing(store, Refilled(name).SelectMany(table => indexes[table]), ct);
            })))], (name, run) => Timed(name, log, run), ct));
        }
        finally
        {
            steps.Add(await Timed(Indexes, log, () => CreateMissing(store, indexes.Values.SelectMany(i => i), ct)));
        }
        return new Times(steps, whole.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The tables a step fills again from empty, which nothing else writes meanwhile: <see cref="Records"/>' own, and a list's
    /// item snapshots. Their secondary indexes are created once, after the rows (one sort per index instead of an update of each
    /// index per row written: the snapshots are written again each time the daemon flushes them); the primary keys stay, as the
    /// steps read current rows by them.
    /// </summary>
    private static IReadOnlyList<string> Refilled(string step) =>
        step == Records ? [ChangeLogProjection.Table, ValidityIntervalProjection.Table, .. ListRegistry.All.Select(l => l.VersionsTable), ListDefinition.RepealsTable]
        : ListRegistry.All.FirstOrDefault(l => l.SnapshotProjectionName == step) is { } list ? [list.ItemsTable] : [];

    /// <summary>Creates each index of these definitions (<c>pg_get_indexdef</c>'s) that does not exist.</summary>
    private static async Task CreateMissing(DocumentStore store, IEnumerable<string> definitions, CancellationToken ct)
    {
        await using var create = store.LightweightSession();
        foreach (var definition in definitions)
            create.QueueSqlCommand(CreateIndex().Replace(definition, "CREATE $1INDEX IF NOT EXISTS ", 1));
        await create.SaveChangesAsync(ct);
    }

    /// <summary>The head of a <c>pg_get_indexdef</c> definition.</summary>
    [GeneratedRegex("^CREATE (UNIQUE )?INDEX ")]
    private static partial Regex CreateIndex();

    /// <summary>The projections <see cref="Records"/> applies, by the names the store registers them under.</summary>
    private static HashSet<string> RecordProjectionNames =>
        [.. ListRegistry.All.Select(l => l.DocumentsProjectionName), nameof(ChangeLogProjection), nameof(ValidityIntervalProjection)];

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
            return await PageOf(read, types, after, ct);
        }
    }

    /// <summary>The next <see cref="PageSize"/> events of these types after the sequence number <paramref name="after"/>, in order.</summary>
    public static async Task<IReadOnlyList<IEvent>> PageOf(IQuerySession session, Type[] types, long after, CancellationToken ct) =>
        await session.Events.QueryAllRawEvents().Where(e => e.Sequence > after && e.EventTypesAre(types))
            .OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(ct);

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
