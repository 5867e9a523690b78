using JasperFx.Events;
using Marten.Events.Projections;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace CatalogHub.Publication;

/// <summary>
/// A change to a list's legal timeline: a published version opens its validity interval (and closes its
/// predecessor's), a repeal closes the last version's. Region and item codes are those of the lists that have them;
/// <c>Repeal</c> is the list's repeal document (<see cref="IRepealRecord"/>), kept on the interval it closed.
/// </summary>
public sealed record TimelineChange(string List, Guid Id, DateTimeOffset EffectiveAt, int? Version, string? VersionDocumentId,
    string? RegionCode, string? ItemCode, IRepealRecord? Repeal = null)
{
    public static TimelineChange Opened(string list, Guid id, int version, string versionDocumentId, DateTimeOffset effectiveAt,
        string? regionCode = null, string? itemCode = null) => new(list, id, effectiveAt, version, versionDocumentId, regionCode, itemCode);

    public static TimelineChange Closed(string list, Guid id, IRepealRecord repeal) =>
        new(list, id, repeal.EffectiveAt, null, null, null, null, repeal);
}

/// <summary>
/// The validity interval of every published version: it is in force at T when <c>effective_at &lt;= T</c> and
/// (<c>superseded_at</c> is null or <c>superseded_at &gt; T</c>), where <c>superseded_at</c> is the next version's
/// effective time or the repeal's; an interval a repeal closed keeps that repeal (<c>repeal</c>), so every repeal of a
/// re-established list stays readable and explains exactly its own gap. One row per version, written by an inline projection in the publishing (or
/// repealing) transaction; the published version documents themselves are never touched. Because effective times
/// grow strictly (<see cref="Lifecycle"/>), this answers exactly as "the highest version effective at T, unless
/// repealed at T" did, but with one index probe per list instead of a walk through its versions.
/// </summary>
public sealed class ValidityIntervalProjection(params Func<IEvent, TimelineChange?>[] sources) : IProjection
{
    public const string Table = "cataloghub.publication_intervals";

    // The open interval is always the latest one (effective times grow strictly): found through the primary key. After a
    // repeal there is none, so a version re-establishing the list opens its interval without closing anything.
    private const string CloseLatest =
        $"update {Table} set superseded_at = ?, repeal = ?::jsonb where list = ? and id = ? and superseded_at is null " +
        $"and effective_at = (select max(effective_at) from {Table} where list = ? and id = ?)";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var serializer = operations.DocumentStore.Options.Serializer();
        foreach (var e in events)
            foreach (var source in sources)
                if (source(e) is { } c)
                {
                    operations.QueueSqlCommand(CloseLatest, c.EffectiveAt, c.Repeal is { } repeal ? serializer.ToJson(repeal) : DBNull.Value,
                        c.List, c.Id, c.List, c.Id);
                    if (c.Version is { } version)
                        operations.QueueSqlCommand(
                            $"insert into {Table} (list, id, effective_at, version, version_id, region_code, item_code) values (?, ?, ?, ?, ?, ?, ?)",
                            c.List, c.Id, c.EffectiveAt, version, c.VersionDocumentId!,
                            (object?)c.RegionCode ?? DBNull.Value, (object?)c.ItemCode ?? DBNull.Value);
                }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Builds the intervals of a list published before this table existed, from its version and repeal documents; does
    /// nothing once the table holds any row of that list (from then on the projection keeps it). <paramref name="idProperty"/> is the
    /// versions' JSON property holding the list's id. Then gives the repeal to every interval closed by one before intervals
    /// kept it: until lists could be re-established, a list had one repeal (document id: the list's id), closing its last interval.
    /// </summary>
    public static void Backfill(IDocumentOperations operations, string list, string versionsTable, string repealsTable, string idProperty)
    {
        // Truncated to microseconds as Npgsql truncates parameters: a cast of the JSON's 100 ns digits would round instead.
        static string Instant(string json) => $"regexp_replace({json}->>'effectiveAt', '(\\.\\d{{6}})\\d+', '\\1')::timestamptz";
        operations.QueueSqlCommand($"""
            insert into {Table} (list, id, effective_at, version, version_id, region_code, item_code, superseded_at)
            select ?, (v.data->>'{idProperty}')::uuid, {Instant("v.data")}, (v.data->>'version')::int, v.id,
                   v.data->>'regionCode', coalesce(v.data->>'itemCode', v.data->>'code'),
                   coalesce(lead({Instant("v.data")}) over (partition by v.data->>'{idProperty}' order by (v.data->>'version')::int),
                            {Instant("r.data")})
            from {versionsTable} v left join {repealsTable} r on r.id = (v.data->>'{idProperty}')::uuid
            where not exists (select 1 from {Table} where list = ?)
            """, list, list);
        operations.QueueSqlCommand($"""
            update {Table} i set repeal = r.data
            from {repealsTable} r
            where i.list = ? and r.id = i.id and i.repeal is null and i.superseded_at is not null
              and not exists (select 1 from {Table} n where n.list = i.list and n.id = i.id and n.effective_at > i.effective_at)
            """, list);
    }

    /// <summary>The table, for <c>opts.Storage.ExtendedSchemaObjects</c>: Marten creates and migrates it with the store.</summary>
    public static Table Definition()
    {
        var table = new Table(new PostgresqlObjectName(Hosting.SchemaName, "publication_intervals", SchemaUtils.IdentifierUsage.General));
        // (list, id, effective_at) is unique because effective times grow strictly; it serves "one list as of T".
        table.AddColumn<string>("list").AsPrimaryKey();
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn("effective_at", "timestamp with time zone").AsPrimaryKey();
        table.AddColumn("superseded_at", "timestamp with time zone");
        table.AddColumn<int>("version").NotNull();
        table.AddColumn<string>("version_id").NotNull();
        table.AddColumn<string>("region_code");
        table.AddColumn<string>("item_code");
        table.AddColumn("repeal", "jsonb");
        // "A region's catalogue as of T" in page order, answered from the index alone (no version documents read to count).
        table.Indexes.Add(new IndexDefinition("ix_publication_intervals_region")
        {
            Columns = ["list", "region_code", "item_code", "id"],
            IncludeColumns = ["effective_at", "superseded_at", "version_id"],
        });
        return table;
    }
}
