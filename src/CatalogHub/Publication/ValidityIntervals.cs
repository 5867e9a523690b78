using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events;
using Marten.Events.Projections;
using Marten.Services.BatchQuerying;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace CatalogHub.Publication;

/// <summary>
/// A recorded change to a list's legal timeline: a version published (its point put at its effective time), a repeal, a
/// scheduled point cancelled or moved. Region and item codes are those of the lists that have them; <c>Repeal</c> is the
/// repeal's document (<see cref="IRepealRecord"/>), kept on the interval it closes.
/// </summary>
public sealed record TimelineChange(string List, Guid Id, TimelineEdit Edit, DateTimeOffset RecordedAt, long Sequence,
    int? Version = null, string? VersionDocumentId = null, string? RegionCode = null, string? ItemCode = null, IRepealRecord? Repeal = null)
{
    public static TimelineChange Opened(string list, Guid id, int version, string versionDocumentId, DateTimeOffset effectiveAt,
        DateTimeOffset recordedAt, long sequence, string? regionCode = null, string? itemCode = null) =>
        new(list, id, TimelineEdit.Put(effectiveAt), recordedAt, sequence, version, versionDocumentId, regionCode, itemCode);

    public static TimelineChange Closed(string list, Guid id, IRepealRecord repeal, long sequence) =>
        new(list, id, TimelineEdit.Put(repeal.EffectiveAt), repeal.RecordedAt, sequence, Repeal: repeal);

    public static TimelineChange Cancelled(string list, Guid id, DateTimeOffset effectiveAt, DateTimeOffset recordedAt, long sequence) =>
        new(list, id, TimelineEdit.Cancel(effectiveAt), recordedAt, sequence);

    public static TimelineChange Moved(string list, Guid id, DateTimeOffset from, DateTimeOffset to, DateTimeOffset recordedAt, long sequence) =>
        new(list, id, TimelineEdit.Move(from, to), recordedAt, sequence);
}

/// <summary>
/// The validity intervals of every published version on both clocks (README, "Two clocks"). A row says: version N was in force
/// from <c>effective_at</c> until <c>superseded_at</c> (the next version's or the repeal's effective time; null: still), and
/// the hub knew this from <c>recorded_at</c> (the change that made it so, <c>recorded_by</c>) until <c>retracted_at</c> (the
/// change that made it otherwise; null: still known). <c>placed_by</c> is the change that put the version at its start (its
/// publication or a rescheduling): the event a citation of it names. An interval a repeal closed keeps that repeal (<c>repeal</c>), so every
/// repeal stays readable and explains exactly its own gap. Rows are never updated but for their <c>retracted_at</c>: a
/// correction, a cancellation or a rescheduling retracts the rows it changes and inserts their replacements, so what was
/// answered about (T, K) is answered the same forever. A version is in force at T as known at K when its row holds T on the
/// legal clock and K on the record clock: one index probe. Written by an inline projection in the changing transaction.
/// </summary>
public sealed class ValidityIntervalProjection : ProjectionBase, IProjection
{
    private readonly Func<IEvent, TimelineChange?>[] sources;

    /// <summary>The intervals of every registered list, as the store registers them.</summary>
    public static ValidityIntervalProjection OfEveryList() =>
        new(ListRegistry.All.SelectMany(l => l.TimelineEventTypes), [.. ListRegistry.All.Select(l => (Func<IEvent, TimelineChange?>)l.TimelineOf)]);

    /// <param name="eventTypes">Every event type a source reads: a rebuild then reads only those, not the whole store.</param>
    /// <param name="sources">How each list's event changes its timeline (<see cref="Lists.ListDefinition.TimelineOf"/>).</param>
    public ValidityIntervalProjection(IEnumerable<Type> eventTypes, params Func<IEvent, TimelineChange?>[] sources)
    {
        this.sources = sources;
        foreach (var type in eventTypes) IncludeType(type);
        Options.BatchSize = ReadModelRebuild.PageSize;
    }

    public const string Table = $"{Hosting.SchemaName}.publication_timeline";

    /// <summary>The older, one-clock table this one replaced; start-up rebuilds the intervals from the events and drops it.</summary>
    public const string OneClockTable = $"{Hosting.SchemaName}.publication_intervals";

    /// <summary>Rows the hub knows at <c>?</c> (the record clock's instant): the predicate every "as known at" read adds.</summary>
    public const string KnownAt = "i.recorded_at <= ? and (i.retracted_at is null or i.retracted_at > ?)";

    /// <summary>Rows in force at <c>?</c> (the legal clock's instant).</summary>
    public const string InForceAt = "i.effective_at <= ? and (i.superseded_at is null or i.superseded_at > ?)";

    /// <summary>
    /// The intervals of a region's list in force at <c>clocks.AsOf</c> as known at <c>clocks.Record</c>, as a relation <c>i</c>
    /// (item_code, id, version_id, effective_at, placed_by) and its parameters in order: five index ranges per node of the two
    /// instants' paths (<see cref="IntervalForks"/>), so the cost follows the region's items in force, not every interval it
    /// ever had. Rows still known are found on the legal clock; rows since retracted, which hold K only until their retraction,
    /// on the record clock. The exact bounds (<see cref="InForceAt"/>, <see cref="KnownAt"/>) stay in every branch.
    /// </summary>
    public static (string Relation, object[] Parameters) InForceInRegion(string list, string regionCode, Clocks clocks)
    {
        var (at, record) = (clocks.AsOf, clocks.Record);
        var (legalRight, legalLeft) = IntervalForks.Path(at);
        var (recordRight, recordLeft) = IntervalForks.Path(record);
        // The hub's connections prepare this statement, so PostgreSQL plans it once for any instants (a generic plan), on estimates
        // that tie each branch's index with another index holding the other bound (fork_legal with effective_at or superseded_at,
        // fork_known with recorded_at or retracted_at). That other bound is written as a test (`is true`, the same rows: the column
        // is not null) that no index takes, so each branch ranges over its own index; in the general form the last branch was planned
        // on the other record-clock index and filtered every retracted row of its forks (4,374 on the benchmark's store) to find none.
        const string closedAfter = "(i.effective_at <= ?) is true and (i.superseded_at is null or i.superseded_at > ?)";
        const string retractedAfter = "(i.recorded_at <= ?) is true and (i.retracted_at is null or i.retracted_at > ?)";
        (string Range, object[] Parameters, string InForce, string Known)[] branches =
        [
            ("i.retracted_at is null and i.fork_legal = any(?) and i.effective_at <= ?", [legalRight, at], InForceAt, KnownAt),
            ("i.retracted_at is null and i.fork_legal = any(?) and i.superseded_at > ?", [legalLeft, at], closedAfter, KnownAt),
            ("i.retracted_at is null and ? and i.fork_legal = any(?) and i.superseded_at is null", [IntervalForks.OpenForksLeftOf(at), legalLeft], InForceAt, KnownAt),
            ("i.retracted_at is not null and i.fork_known = any(?) and i.recorded_at <= ?", [recordRight, record], InForceAt, KnownAt),
            ("i.retracted_at is not null and i.fork_known = any(?) and i.retracted_at > ?", [recordLeft, record], InForceAt, retractedAfter),
        ];
        var sql = string.Join(" union all ", branches.Select(b =>
            $"select i.item_code, i.id, i.version_id, i.effective_at, i.placed_by from {Table} i where i.list = ? and i.region_code = ? and {b.Range} and {b.InForce} and {b.Known}"));
        return ($"({sql}) i", [.. branches.SelectMany(b => (object[])[list, regionCode, .. b.Parameters, at, at, record, record])]);
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var serializer = operations.DocumentStore.Options.Serializer();
        var changes = events.SelectMany(e => sources.Select(source => source(e))).OfType<TimelineChange>().ToList();
        if (changes.Count == 0) return;
        // One read for every item of the batch: a rebuild's batches touch hundreds of items, one round trip each took minutes.
        var current = await Current(operations, [.. changes.Select(c => (c.List, c.Id)).Distinct()], cancellation);
        var writes = new Writes();
        foreach (var item in changes.GroupBy(c => (c.List, c.Id)))
        {
            var points = current.GetValueOrDefault(item.Key, []);
            foreach (var change in item)
                points = Record(writes, change.List, change.Id, points, change, serializer.ToJson);
        }
        writes.Queue(operations);
    }

    /// <summary>
    /// What a batch of changes does to the rows, written in two statements from arrays, whatever the batch's size: a rebuild's
    /// batches hold thousands of changes, and one statement per row (each parsed, planned and executed apart) took minutes.
    /// A row both inserted and retracted within the batch is inserted retracted, so that the retractions left to write are
    /// of rows stored before it; as there is at most one row still known per (list, id, effective_at), they run first.
    /// </summary>
    public sealed class Writes
    {
        private sealed record Retraction(string List, Guid Id, DateTimeOffset EffectiveAt, DateTimeOffset At);

        private sealed record Insert(string List, Guid Id, Row Row, DateTimeOffset RecordedAt, long RecordedBy, DateTimeOffset? RetractedAt = null);

        private readonly List<Retraction> stored = [];
        private readonly List<Insert> inserts = [];
        /// <summary>The inserts still known, by the key a retraction names: where each is in <see cref="inserts"/>.</summary>
        private readonly Dictionary<(string, Guid, DateTimeOffset), int> known = [];

        public void Retract(string list, Guid id, DateTimeOffset effectiveAt, DateTimeOffset at)
        {
            if (known.Remove((list, id, effectiveAt), out var i)) inserts[i] = inserts[i] with { RetractedAt = at };
            else stored.Add(new(list, id, effectiveAt, at));
        }

        internal void Add(string list, Guid id, Row row, DateTimeOffset recordedAt, long recordedBy)
        {
            known[(list, id, row.EffectiveAt)] = inserts.Count;
            inserts.Add(new(list, id, row, recordedAt, recordedBy));
        }

        /// <summary>Queues the statements, and starts over: what is queued next runs after them.</summary>
        public void Queue(IDocumentOperations operations)
        {
            if (stored.Count > 0)
                operations.QueueSqlCommand($"""
                    update {Table} t set retracted_at = r.at, fork_known = {IntervalForks.Sql("t.recorded_at", "r.at")}
                    from unnest(?::text[], ?::uuid[], ?::timestamptz[], ?::timestamptz[]) r(list, id, effective_at, at)
                    where t.list = r.list and t.id = r.id and t.effective_at = r.effective_at and t.retracted_at is null
                    """, stored.Select(r => r.List).ToArray(), stored.Select(r => r.Id).ToArray(), stored.Select(r => r.EffectiveAt).ToArray(),
                    stored.Select(r => r.At).ToArray());
            if (inserts.Count > 0)
                operations.QueueSqlCommand($"""
                    insert into {Table} (list, id, effective_at, superseded_at, version, version_id, region_code, item_code, repeal, recorded_at, recorded_by,
                                         placed_by, fork_legal, retracted_at, fork_known)
                    select r.list, r.id, r.effective_at, r.superseded_at, r.version, r.version_id, r.region_code, r.item_code, r.repeal, r.recorded_at,
                           r.recorded_by, r.placed_by, {IntervalForks.Sql("r.effective_at", "r.superseded_at")}, r.retracted_at,
                           case when r.retracted_at is not null then {IntervalForks.Sql("r.recorded_at", "r.retracted_at")} end
                    from unnest(?::text[], ?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[]::jsonb[],
                                ?::timestamptz[], ?::bigint[], ?::bigint[], ?::timestamptz[])
                         r(list, id, effective_at, superseded_at, version, version_id, region_code, item_code, repeal, recorded_at, recorded_by, placed_by, retracted_at)
                    """, inserts.Select(i => i.List).ToArray(), inserts.Select(i => i.Id).ToArray(), inserts.Select(i => i.Row.EffectiveAt).ToArray(),
                    inserts.Select(i => i.Row.SupersededAt).ToArray(), inserts.Select(i => i.Row.Version).ToArray(),
                    inserts.Select(i => i.Row.VersionId).ToArray(), inserts.Select(i => i.Row.RegionCode).ToArray(),
                    inserts.Select(i => i.Row.ItemCode).ToArray(), inserts.Select(i => i.Row.Repeal).ToArray(), inserts.Select(i => i.RecordedAt).ToArray(),
                    inserts.Select(i => i.RecordedBy).ToArray(), inserts.Select(i => i.Row.PlacedBy).ToArray(), inserts.Select(i => i.RetractedAt).ToArray());
            stored.Clear();
            inserts.Clear();
            known.Clear();
        }
    }

    /// <summary>
    /// One point of the timeline as the rows keep it; <c>Repeal</c> is the repeal document's JSON; <c>PlacedBy</c> the change that
    /// put a version's point where it is (its publication, or a rescheduling), which its citations name.
    /// </summary>
    public sealed record Point(DateTimeOffset EffectiveAt, int? Version, string? VersionId, string? RegionCode, string? ItemCode, string? Repeal,
        long PlacedBy);

    internal sealed record Row(DateTimeOffset EffectiveAt, DateTimeOffset? SupersededAt, int Version, string VersionId, string? RegionCode,
        string? ItemCode, string? Repeal, long PlacedBy)
    {
        /// <summary>What makes two rows the same interval: the repeal by its sequence, as the table's JSON text is formatted otherwise.</summary>
        public object Key => (EffectiveAt, SupersededAt, Version, VersionId, RegionCode, ItemCode, PlacedBy,
            Repeal is null ? (long?)null : JsonNode.Parse(Repeal)!["sequence"]!.GetValue<long>());
    }

    /// <summary>
    /// Applies one change to the item's points and adds what it changes in the rows to <paramref name="writes"/>: the rows it no
    /// longer holds are retracted at the change's record time, the new ones inserted from then on. Returns the new points.
    /// </summary>
    public static ImmutableArray<Point> Record(Writes writes, string list, Guid id, ImmutableArray<Point> points, TimelineChange change,
        Func<object, string> json)
    {
        var put = change.Edit.Kind != TimelineEditKind.Put ? null
            : change.Repeal is { } repeal ? new Point(Micro(change.Edit.At), null, null, null, null, json(repeal), change.Sequence)
            : new Point(Micro(change.Edit.At), change.Version, change.VersionDocumentId, change.RegionCode, change.ItemCode, null, change.Sequence);
        var edit = change.Edit with { At = Micro(change.Edit.At), To = change.Edit.To is { } to ? Micro(to) : null };
        var next = points.Apply(edit, put, p => p.EffectiveAt, (p, at) => Moved(p, at) with { PlacedBy = change.Sequence });
        var (from, unchanged) = Unchanged(points, next);
        var before = Rows(points, from, points.Length - unchanged);
        var after = Rows(next, from, next.Length - unchanged);
        foreach (var gone in before.ExceptBy(after.Select(r => r.Key), r => r.Key))
            writes.Retract(list, id, gone.EffectiveAt, change.RecordedAt);
        foreach (var row in after.ExceptBy(before.Select(r => r.Key), r => r.Key))
            writes.Add(list, id, row, change.RecordedAt, change.Sequence);
        return next;
    }

    /// <summary>A rescheduled repeal's document says when it now takes effect.</summary>
    private static Point Moved(Point p, DateTimeOffset to)
    {
        if (p.Repeal is null) return p with { EffectiveAt = to };
        var repeal = JsonNode.Parse(p.Repeal)!.AsObject();
        repeal["effectiveAt"] = JsonValue.Create(to);
        return p with { EffectiveAt = to, Repeal = repeal.ToJsonString() };
    }

    /// <summary>
    /// Where an edit changed the points: rows of points before <c>From</c> and of the last <c>Unchanged</c> points are the same
    /// on both sides (a row depends on its point and the next one). Only the rows between are compared: an item with 5,000
    /// versions would otherwise build and compare 10,000 rows for each new one (quadratic in a rebuild).
    /// </summary>
    private static (int From, int Unchanged) Unchanged(ImmutableArray<Point> before, ImmutableArray<Point> after)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix]) prefix++;
        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)]) suffix++;
        return (Math.Max(0, prefix - 1), suffix);
    }

    /// <summary>One row per version point from <paramref name="from"/> up to <paramref name="to"/> (exclusive), closed by the next point (a repeal point closes it and is kept on it).</summary>
    private static List<Row> Rows(ImmutableArray<Point> points, int from, int to)
    {
        var rows = new List<Row>();
        for (var i = from; i < to; i++)
        {
            if (points[i] is not { Version: { } version } p) continue;
            var next = i + 1 < points.Length ? points[i + 1] : null;
            rows.Add(new Row(p.EffectiveAt, next?.EffectiveAt, version, p.VersionId!, p.RegionCode, p.ItemCode, next?.Repeal, p.PlacedBy));
        }
        return rows;
    }

    /// <summary>The rows still known of the items named by two arrays (lists, ids), as one JSON object by "list id".</summary>
    private const string CurrentRows = $"""
        select coalesce(json_object_agg(list || ' ' || id, points), json_build_object())::text from (
            select list, id, json_agg(json_build_object('effectiveAt', effective_at, 'supersededAt', superseded_at, 'version', version,
                   'versionId', version_id, 'regionCode', region_code, 'itemCode', item_code, 'repeal', repeal::text, 'placedBy', placed_by)
                   order by effective_at) as points
            from {Table} where (list, id) in (select * from unnest(?::text[], ?::uuid[])) and retracted_at is null
            group by list, id) item
        """;

    /// <summary>
    /// Items' points read in the round trip that fetched their stream for writing (<see cref="ReadAlong"/>), kept for the session's
    /// next apply, which then sends no read of its own. They are still current at commit: only the item's own stream's events
    /// change its rows, and the commit checks that stream's version.
    /// </summary>
    private static readonly ConditionalWeakTable<IQuerySession, Dictionary<(string List, Guid Id), ImmutableArray<Point>>> ReadAlongs = new();

    /// <summary>Reads an item's points in <paramref name="batch"/> (the one that fetches its stream), for the session's next apply.</summary>
    public static async Task ReadAlong(IBatchedQuery batch, IQuerySession session, string list, Guid id)
    {
        var json = (await batch.Query<string>(CurrentRows, new[] { list }, new[] { id })).Single();
        ReadAlongs.GetOrCreateValue(session)[(list, id)] = PointsOf(json).GetValueOrDefault($"{list} {id}", []);
    }

    /// <summary>
    /// The items' points as the rows known now hold them (a repeal point: the repeal an interval keeps, at its end): those read
    /// along with their stream, used once, the others in one read.
    /// </summary>
    private static async Task<Dictionary<(string List, Guid Id), ImmutableArray<Point>>> Current(IQuerySession session,
        IReadOnlyList<(string List, Guid Id)> items, CancellationToken ct)
    {
        var current = new Dictionary<(string List, Guid Id), ImmutableArray<Point>>();
        var read = ReadAlongs.TryGetValue(session, out var along) ? along : [];
        foreach (var item in items)
            if (read.Remove(item, out var points)) current[item] = points;
        var rest = items.Where(i => !current.ContainsKey(i)).ToList();
        if (rest.Count == 0) return current;
        var json = (await session.AdvancedSql.QueryAsync<string>(CurrentRows, ct, rest.Select(i => i.List).ToArray(), rest.Select(i => i.Id).ToArray())).Single();
        var stored = PointsOf(json);
        foreach (var item in rest) current[item] = stored.GetValueOrDefault($"{item.List} {item.Id}", []);
        return current;
    }

    private static Dictionary<string, ImmutableArray<Point>> PointsOf(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, Row[]>>(json, JsonSerializerOptions.Web)!.ToDictionary(p => p.Key, p => Points(p.Value));

    private static ImmutableArray<Point> Points(Row[] rows)
    {
        var points = ImmutableArray.CreateBuilder<Point>();
        foreach (var row in rows)
        {
            points.Add(new Point(row.EffectiveAt, row.Version, row.VersionId, row.RegionCode, row.ItemCode, null, row.PlacedBy));
            // A repeal's own point is placed by the repeal (its sequence): no citation names it.
            if (row.Repeal is not null)
                points.Add(new Point(row.SupersededAt!.Value, null, null, null, null, row.Repeal, JsonNode.Parse(row.Repeal)!["sequence"]!.GetValue<long>()));
        }
        return points.ToImmutable();
    }

    /// <summary>PostgreSQL keeps microseconds: points compare equal to what the table gives back only at that precision.</summary>
    private static DateTimeOffset Micro(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>
    /// Gives rows written before the intervals had forks (<see cref="IntervalForks"/>) theirs. Then builds the rows from every
    /// timeline event of the store, in order, once: for a store written before both clocks were kept
    /// (its one-clock table is then dropped), or one whose table is empty while versions exist. Under the start-up lock, before
    /// the host serves. The events' codes may be missing on a list's older publications: they are taken from the version documents.
    /// </summary>
    public static async Task Rebuild(IDocumentStore store, IReadOnlyList<Func<IEvent, TimelineChange?>> sources, Type[] eventTypes,
        IReadOnlyList<string> versionTables, ILogger logger, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        // In batches, each its own transaction: one statement over a large store's table would outlast the command timeout.
        int forked = 0, batch;
        do
        {
            batch = (await session.AdvancedSql.QueryAsync<int>($"""
                with batch as (select list, id, effective_at, recorded_by from {Table}
                               where fork_legal is null or (retracted_at is not null and fork_known is null) limit 20000),
                     forked as (update {Table} t set fork_legal = {IntervalForks.Sql("t.effective_at", "t.superseded_at")},
                                    fork_known = case when t.retracted_at is not null then {IntervalForks.Sql("t.recorded_at", "t.retracted_at")} end
                                from batch b where (t.list, t.id, t.effective_at, t.recorded_by) = (b.list, b.id, b.effective_at, b.recorded_by) returning 1)
                select count(*)::int from forked
                """, ct)).Single();
            forked += batch;
        } while (batch > 0);
        if (forked > 0) logger.LogInformation("Validity intervals given their forks: {Rows}", forked);
        var empty = !(await session.AdvancedSql.QueryAsync<bool>($"select exists (select 1 from {Table})", ct)).Single();
        var oneClock = (await session.AdvancedSql.QueryAsync<bool>($"select to_regclass('{OneClockTable}') is not null", ct)).Single();
        if (!empty && !oneClock) return;
        if (empty)
        {
            var points = new Dictionary<(string, Guid), ImmutableArray<Point>>();
            var writes = new Writes();
            long read = 0, after = 0;
            while (true)
            {
                var page = await ReadModelRebuild.PageOf(session, eventTypes, after, ct);
                if (page.Count == 0) break;
                foreach (var change in page.SelectMany(e => sources.Select(s => s(e))).OfType<TimelineChange>())
                {
                    (string, Guid) key = (change.List, change.Id);
                    points[key] = Record(writes, change.List, change.Id, points.GetValueOrDefault(key, []), change, session.DocumentStore.Options.Serializer().ToJson);
                    read++;
                }
                writes.Queue(session);
                after = page[^1].Sequence;
            }
            foreach (var versions in versionTables)
                session.QueueSqlCommand($"""
                    update {Table} i set region_code = coalesce(nullif(i.region_code, ''), v.data->>'regionCode'), item_code = coalesce(i.item_code, v.data->>'code')
                    from {versions} v where v.id = i.version_id and (i.region_code is null or i.region_code = '' or i.item_code is null)
                    """);
            if (read > 0) logger.LogInformation("Validity intervals on both clocks rebuilt from {Changes} timeline changes", read);
        }
        session.QueueSqlCommand($"drop table if exists {OneClockTable}");
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The table, for <c>opts.Storage.ExtendedSchemaObjects</c>: Marten creates and migrates it with the store.</summary>
    public static Table Definition()
    {
        var table = new Table(new PostgresqlObjectName(Hosting.SchemaName, "publication_timeline", SchemaUtils.IdentifierUsage.General));
        // Among the rows known at one instant, (list, id, effective_at) is unique; recorded_by (the change's sequence) keeps versions of a row apart.
        table.AddColumn<string>("list").AsPrimaryKey();
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn("effective_at", "timestamp with time zone").AsPrimaryKey();
        table.AddColumn<long>("recorded_by").AsPrimaryKey();
        table.AddColumn("superseded_at", "timestamp with time zone");
        table.AddColumn<int>("version").NotNull();
        table.AddColumn<string>("version_id").NotNull();
        table.AddColumn<string>("region_code");
        table.AddColumn<string>("item_code");
        table.AddColumn("repeal", "jsonb");
        table.AddColumn("recorded_at", "timestamp with time zone").NotNull();
        table.AddColumn<long>("placed_by").NotNull();
        table.AddColumn("retracted_at", "timestamp with time zone");
        // An interval's forks (IntervalForks): on the legal clock, set when inserted; on the record clock, set when retracted.
        table.AddColumn<long>("fork_legal");
        table.AddColumn<long>("fork_known");
        // A region's item of one code as of T, as known at K, and the city-wide catalogue: from the index alone.
        table.Indexes.Add(new IndexDefinition("ix_publication_timeline_region")
        {
            Columns = ["list", "region_code", "item_code", "id"],
            IncludeColumns = ["effective_at", "superseded_at", "version_id", "recorded_at", "retracted_at"],
        });
        // A region's items as of T as known at K (InForceInRegion): rows still known by their legal fork and either bound, rows
        // since retracted by their record fork and either bound; each covering what the reads take.
        string[] read = ["item_code", "id", "version_id", "effective_at", "superseded_at", "placed_by", "recorded_at", "retracted_at"];
        void ByFork(string name, string fork, string bound, string predicate) => table.Indexes.Add(new IndexDefinition(name)
        {
            Columns = ["list", "region_code", fork, bound],
            IncludeColumns = [.. read.Where(c => c != bound)],
            Predicate = predicate,
        });
        ByFork("ix_publication_timeline_known_from", "fork_legal", "effective_at", "retracted_at is null");
        ByFork("ix_publication_timeline_known_until", "fork_legal", "superseded_at", "retracted_at is null");
        ByFork("ix_publication_timeline_retracted_from", "fork_known", "recorded_at", "retracted_at is not null");
        ByFork("ix_publication_timeline_retracted_until", "fork_known", "retracted_at", "retracted_at is not null");
        // Rows still without their forks (written before them): empty once start-up has given them, so that every later start's
        // look for them reads an empty index instead of the whole table.
        table.Indexes.Add(new IndexDefinition("ix_publication_timeline_unforked")
        {
            Columns = ["list", "id"],
            Predicate = "fork_legal is null or (retracted_at is not null and fork_known is null)",
        });
        return table;
    }
}
