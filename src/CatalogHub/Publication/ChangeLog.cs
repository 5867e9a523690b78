using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace CatalogHub.Publication;

/// <summary>What happened to a list's legal timeline. Drafts and withdrawals are logged so the basis check can say "draft-only".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeKind>))]
public enum ChangeKind
{
    [JsonStringEnumMemberName("drafted")] Drafted,
    [JsonStringEnumMemberName("published")] Published,
    [JsonStringEnumMemberName("repealed")] Repealed,
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,
    /// <summary>A version or repeal not yet in effect will not take effect (document: <see cref="ScheduleChange"/>).</summary>
    [JsonStringEnumMemberName("schedule-cancelled")] ScheduleCancelled,
    /// <summary>A version or repeal not yet in effect takes effect at another time (document: <see cref="ScheduleChange"/>).</summary>
    [JsonStringEnumMemberName("rescheduled")] Rescheduled,
}

/// <summary>
/// A cancelled (<c>RescheduledTo</c> null) or rescheduled change of a list's timeline: version <c>Version</c>, or the repeal
/// (null), that was scheduled for <c>ScheduledFor</c>.
/// </summary>
public sealed record ScheduleChange(string List, Guid Id, int? Version, DateTimeOffset ScheduledFor, DateTimeOffset? RescheduledTo,
    DateTimeOffset RecordedAt, long Sequence, string Reason, string Basis, string By);

/// <summary>
/// One change to a published list, with the event's sequence number. <c>Document</c> is the immutable published
/// version (for <c>published</c>), the repeal's citation (for <c>repealed</c>) or the <see cref="ScheduleChange"/>; drafts carry none.
/// </summary>
public sealed record PublicationChange(
    long Sequence, string List, ChangeKind Kind, Guid Id, string? RegionCode, string? ItemCode, DateTimeOffset RecordedAt, JsonElement? Document)
{
    /// <summary>
    /// True for a correction: a publication or repeal effective before it was recorded, which changes what was in force at
    /// instants already past. A cancellation or rescheduling only ever touches the future.
    /// </summary>
    public bool Retroactive => Kind is ChangeKind.Published or ChangeKind.Repealed
        && Document is { } d && d.TryGetProperty("effectiveAt", out var at) && at.GetDateTimeOffset() < RecordedAt;

    /// <summary>Documents are written without the API's refusal of unknown members: computed citations round-trip.</summary>
    public static readonly JsonSerializerOptions Json = new(ApiJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    public static JsonElement DocumentOf(object document) => JsonSerializer.SerializeToElement(document, document.GetType(), Json);

    public T Read<T>() => Document!.Value.Deserialize<T>(Json)!;
}

/// <summary>
/// A position in the change log: the inserting transaction's 64-bit id (<c>xid8</c>, which never wraps around), then
/// the event sequence. Changes are ordered by it; see docs/feed.md for why this order, and not the sequence alone,
/// lets a reader never skip a change that commits late.
/// </summary>
public readonly record struct ChangePosition(ulong Transaction, long Sequence) : IComparable<ChangePosition>
{
    public static readonly ChangePosition Start = new(0, 0);

    public override string ToString() => $"{Transaction}.{Sequence}";

    public static bool TryParse(string? text, out ChangePosition position)
    {
        position = Start;
        if (string.IsNullOrEmpty(text)) return true;
        var parts = text.Split('.');
        if (parts.Length == 2 && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var tx)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            position = new(tx, seq);
            return true;
        }
        return false;
    }

    public int CompareTo(ChangePosition other) =>
        Transaction != other.Transaction ? Transaction.CompareTo(other.Transaction) : Sequence.CompareTo(other.Sequence);
}

/// <summary>A change as read back from the log, with its position.</summary>
public sealed record LoggedChange(ChangePosition Position, PublicationChange Change);

/// <summary>
/// The change log of every published list: one row per lifecycle change that matters to readers, written by an
/// inline projection in the same transaction as the event. Each row records the id of the transaction that
/// inserted it (<c>pg_current_xact_id()</c>), which is what makes a gap-free reading order possible (docs/feed.md).
/// </summary>
public sealed class ChangeLogProjection : ProjectionBase, IProjection
{
    public const string Table = "cataloghub.publication_changes";

    private readonly Func<IEvent, PublicationChange?>[] sources;

    /// <summary>What each registered list records of an event (<see cref="Lists.ListDefinition.ChangeOf"/>).</summary>
    public static readonly Func<IEvent, PublicationChange?>[] EveryList = [.. ListRegistry.All.Select(l => (Func<IEvent, PublicationChange?>)l.ChangeOf)];

    /// <summary>The change log of every registered list, as the store registers it.</summary>
    public static ChangeLogProjection OfEveryList() => new(ListRegistry.All.SelectMany(l => l.ChangeEventTypes), EveryList);

    /// <param name="eventTypes">Every event type a source reads: a rebuild then reads only those, not the whole store.</param>
    /// <param name="sources">What each list records of an event (<see cref="Lists.ListDefinition.ChangeOf"/>).</param>
    public ChangeLogProjection(IEnumerable<Type> eventTypes, params Func<IEvent, PublicationChange?>[] sources)
    {
        this.sources = sources;
        foreach (var type in eventTypes) IncludeType(type);
        Options.BatchSize = ReadModelRebuild.PageSize;
    }

    /// <summary>
    /// The batch's rows in one statement, from arrays: a rebuild's batches hold thousands of changes, and one INSERT each
    /// (parsed, planned and executed apart) took most of the change log's rebuild. Inline, a batch is one request's events.
    /// </summary>
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var changes = events.SelectMany(e => sources.Select(source => source(e))).OfType<PublicationChange>().ToList();
        if (changes.Count == 0) return Task.CompletedTask;
        operations.QueueSqlCommand($"""
            insert into {Table} (sequence, list, kind, id, region_code, item_code, recorded_at, document)
            select * from unnest(?::bigint[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::text[]::jsonb[])
            """,
            changes.Select(c => c.Sequence).ToArray(), changes.Select(c => c.List).ToArray(), changes.Select(c => ChangeLog.KindName(c.Kind)).ToArray(),
            changes.Select(c => c.Id).ToArray(), changes.Select(c => c.RegionCode).ToArray(), changes.Select(c => c.ItemCode).ToArray(),
            changes.Select(c => c.RecordedAt).ToArray(), changes.Select(c => c.Document is { } d ? d.GetRawText() : null).ToArray());
        return Task.CompletedTask;
    }

    /// <summary>The table, for <c>opts.Storage.ExtendedSchemaObjects</c>: Marten creates and migrates it with the store.</summary>
    public static Table Definition()
    {
        var table = new Table(new PostgresqlObjectName(Hosting.SchemaName, "publication_changes", SchemaUtils.IdentifierUsage.General));
        table.AddColumn("tx", "xid8").NotNull().DefaultValueByExpression("pg_current_xact_id()");
        table.AddColumn<long>("sequence").AsPrimaryKey();
        table.AddColumn<string>("list").NotNull();
        table.AddColumn<string>("kind").NotNull();
        table.AddColumn<Guid>("id").NotNull();
        table.AddColumn<string>("region_code");
        table.AddColumn<string>("item_code");
        table.AddColumn("recorded_at", "timestamp with time zone").NotNull();
        table.AddColumn("document", "jsonb");
        table.Indexes.Add(new IndexDefinition("ix_publication_changes_position") { Columns = ["tx", "sequence"] });
        // One item's changes (a filing's city version, looked up by list, id and version).
        table.Indexes.Add(new IndexDefinition("ix_publication_changes_item") { Columns = ["list", "id"] });
        return table;
    }
}

public static class ChangeLog
{
    public static string KindName(ChangeKind kind) => JsonSerializer.Serialize(kind, ApiJson.Options).Trim('"');

    /// <summary>
    /// A store restored by a logical dump into another cluster keeps the transaction ids of the cluster that wrote it. Ids
    /// this cluster has not reached yet would stay above every snapshot's xmin, hiding those rows from the feed until the
    /// counter passed them (an empty feed after a restore, as the legacy-store test saw on a fresh cluster). They are moved
    /// to the first normal transaction id, so they come first, in sequence order; positions taken from the old cluster
    /// mean nothing here anyway, and clients start again from the beginning (docs/feed.md). Run at start-up.
    /// </summary>
    public static void RebaseRestoredRows(IDocumentOperations operations) =>
        operations.QueueSqlCommand($"update {ChangeLogProjection.Table} set tx = '3'::xid8 where tx > pg_current_xact_id()");

    private static readonly IReadOnlyDictionary<string, ChangeKind> Kinds =
        Enum.GetValues<ChangeKind>().ToDictionary(KindName);

    /// <summary>One row, read as one JSON text column: Marten's typed raw-SQL mapping reads the first column as the document.</summary>
    private sealed record Row(string Tx, long Sequence, string List, string Kind, Guid Id, string? RegionCode, string? ItemCode,
        DateTimeOffset RecordedAt, JsonElement? Document);

    /// <summary>
    /// Up to <paramref name="limit"/> changes after <paramref name="after"/>, in position order, of the given kinds, and
    /// only from transactions older than every transaction still in flight (<c>pg_snapshot_xmin</c> of this statement's
    /// snapshot): no transaction that could still commit can ever take a position at or below what this returns.
    /// </summary>
    public static async Task<IReadOnlyList<LoggedChange>> ReadAfter(IQuerySession session, ChangePosition after, int limit,
        IReadOnlyCollection<ChangeKind> kinds, CancellationToken ct)
    {
        var rows = await session.AdvancedSql.QueryAsync<string>($"""
            select json_build_object('tx', tx::text, 'sequence', sequence, 'list', list, 'kind', kind, 'id', id,
                   'regionCode', region_code, 'itemCode', item_code, 'recordedAt', recorded_at, 'document', document)::text
            from {ChangeLogProjection.Table}
            where tx < pg_snapshot_xmin(pg_current_snapshot())
              and (tx, sequence) > (?::text::xid8, ?)
              and kind = any(?)
            order by tx, sequence
            limit ?
            """, ct, after.Transaction.ToString(CultureInfo.InvariantCulture), after.Sequence, kinds.Select(KindName).ToArray(), limit);
        return [.. rows.Select(json => JsonSerializer.Deserialize<Row>(json, PublicationChange.Json)!).Select(r => new LoggedChange(
            new ChangePosition(ulong.Parse(r.Tx, CultureInfo.InvariantCulture), r.Sequence),
            new PublicationChange(r.Sequence, r.List, Kinds[r.Kind], r.Id, r.RegionCode, r.ItemCode, r.RecordedAt, r.Document)))];
    }
}
