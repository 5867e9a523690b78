using System.Text.Json.Nodes;
using JasperFx.Events;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace CatalogHub.Audit.Log;

/// <summary>A leaf of the log: its position, the event it stands for (Marten's <c>seq_id</c>) and its hash.</summary>
public sealed record LogLeaf(long Index, long Sequence, byte[] Hash);

/// <summary>
/// The log's tables and reads. The log has its own gap-free index (Marten's sequence has gaps: tombstones, burnt numbers,
/// commits out of order). <c>log_leaves</c> maps each index to its event and leaf hash; <c>log_nodes</c> keeps the hash
/// of every complete perfect subtree above the leaves (fewer rows than leaves), each written once, when its last leaf
/// arrives, and never changed. Any root or proof is then O(log n) indexed reads (see <see cref="Merkle.Perfect"/>),
/// however long the log: storing only the leaves would make every proof a scan of up to n leaves.
/// </summary>
public static class LogStore
{
    public const string Leaves = Hosting.SchemaName + ".log_leaves";
    public const string Nodes = Hosting.SchemaName + ".log_nodes";

    /// <summary>The appender's position: one row, the sequence number it has read up to and the log's size then (see <see cref="LogAppender"/>).</summary>
    public const string Scan = Hosting.SchemaName + ".log_scan";

    /// <summary>Sequence numbers at or below the scan mark that were not committed when the appender passed them.</summary>
    public const string Pending = Hosting.SchemaName + ".log_pending";

    /// <summary>The tables the log's own data lives in (tests empty them with the store).</summary>
    public static readonly string[] Tables = [Leaves, Nodes, Checkpoints.Table, Scan, Pending];

    public static IEnumerable<Table> Definitions()
    {
        var leaves = new Table(new PostgresqlObjectName(Hosting.SchemaName, "log_leaves", SchemaUtils.IdentifierUsage.General));
        leaves.AddColumn<long>("leaf_index").AsPrimaryKey();
        leaves.AddColumn<long>("seq_id").NotNull();
        leaves.AddColumn("leaf_hash", "bytea").NotNull();
        // An event is a leaf once: a second appender that lost a race fails here, whatever its index.
        leaves.Indexes.Add(new IndexDefinition("ux_log_leaves_seq_id") { Columns = ["seq_id"], IsUnique = true });
        yield return leaves;

        var nodes = new Table(new PostgresqlObjectName(Hosting.SchemaName, "log_nodes", SchemaUtils.IdentifierUsage.General));
        nodes.AddColumn<int>("level").AsPrimaryKey();
        nodes.AddColumn<long>("node_index").AsPrimaryKey();
        nodes.AddColumn("hash", "bytea").NotNull();
        yield return nodes;

        var scan = new Table(new PostgresqlObjectName(Hosting.SchemaName, "log_scan", SchemaUtils.IdentifierUsage.General));
        scan.AddColumn<int>("id").AsPrimaryKey();
        scan.AddColumn<long>("scanned_to").NotNull();
        scan.AddColumn<long>("tree_size").NotNull();
        yield return scan;

        var pending = new Table(new PostgresqlObjectName(Hosting.SchemaName, "log_pending", SchemaUtils.IdentifierUsage.General));
        pending.AddColumn<long>("seq_id").AsPrimaryKey();
        yield return pending;

        yield return Checkpoints.Definition();
    }

    /// <summary>
    /// What a leaf commits to, as PostgreSQL renders it: stream, version, type, timestamp in microseconds and the data as
    /// stored. Personal data inside events is already ciphertext under the holder's key, so erasing a holder (destroying
    /// that key) changes no leaf. jsonb's text form is canonical (keys sorted, whitespace normalised).
    /// </summary>
    public const string LeafText =
        "json_build_array(e.stream_id, e.version, e.type, (extract(epoch from e.timestamp) * 1000000)::bigint, e.data)::text";

    /// <summary>
    /// Marten fills the sequence numbers of a failed transaction with <c>tombstone</c> rows timestamped <c>-infinity</c>:
    /// bookkeeping of the store, not events, so they are no leaves.
    /// </summary>
    public static readonly string Recorded = $"e.type <> '{Tombstone.Name}'";

    public static byte[] LeafHashOf(string leafText) => Merkle.LeafHash(System.Text.Encoding.UTF8.GetBytes(leafText));

    public static async Task<long> Size(IQuerySession session, CancellationToken ct) =>
        (await session.AdvancedSql.QueryAsync<long>($"select coalesce(max(leaf_index) + 1, 0) from {Leaves}", ct)).Single();

    /// <summary>The hashes of these perfect subtrees; a node the tables lack is missing from the answer.</summary>
    public static async Task<Dictionary<NodeId, byte[]>> ReadNodes(IQuerySession session, IReadOnlyCollection<NodeId> ids, CancellationToken ct)
    {
        var leaves = ids.Where(i => i.Level == 0).Select(i => i.Index).ToArray();
        var inner = ids.Where(i => i.Level > 0).ToArray();
        var rows = await session.AdvancedSql.QueryAsync<string>(
            $"select json_build_array(0, leaf_index, encode(leaf_hash, 'base64'))::text from {Leaves} where leaf_index = any(?) " +
            $"union all select json_build_array(n.level, n.node_index, encode(n.hash, 'base64'))::text from {Nodes} n " +
            "join unnest(?::int[], ?::bigint[]) as w(level, node_index) on n.level = w.level and n.node_index = w.node_index",
            ct, leaves, inner.Select(i => i.Level).ToArray(), inner.Select(i => i.Index).ToArray());
        return rows.Select(r => JsonNode.Parse(r)!.AsArray())
            .ToDictionary(a => new NodeId(a[0]!.GetValue<int>(), a[1]!.GetValue<long>()), a => Convert.FromBase64String(a[2]!.GetValue<string>()));
    }

    /// <summary>The hashes of these ranges (a proof's, or a root's), read with one query.</summary>
    public static async Task<List<byte[]>> RangeHashes(IQuerySession session, IReadOnlyList<LeafRange> ranges, CancellationToken ct)
    {
        var ids = ranges.SelectMany(Merkle.Perfect).Distinct().ToList();
        var nodes = await ReadNodes(session, ids, ct);
        return [.. ranges.Select(r => Merkle.RangeHash(r, id => nodes.TryGetValue(id, out var h) ? h
            : throw new InvalidOperationException($"The log lacks node {id.Level}/{id.Index}: its tables were altered.")))];
    }

    public static async Task<byte[]> Root(IQuerySession session, long size, CancellationToken ct) =>
        (await RangeHashes(session, [new LeafRange(0, size)], ct))[0];

    /// <summary>The right edge of the tree of <paramref name="size"/> leaves, to append to.</summary>
    public static async Task<CompactRange> Edge(IQuerySession session, long size, CancellationToken ct)
    {
        var ids = Merkle.Perfect(new LeafRange(0, size)).ToList();
        var nodes = await ReadNodes(session, ids, ct);
        return new CompactRange(size, ids.Select(id => (id, nodes[id])));
    }

    /// <summary>The leaf at <paramref name="index"/>, or of the event with this sequence, or of this stream's version: one of them is given.</summary>
    public static async Task<LogLeaf?> LeafAt(IQuerySession session, long? index, long? sequence, (Guid Stream, long Version)? version, CancellationToken ct)
    {
        var (where, arguments) = (index, sequence, version) switch
        {
            ({ } i, _, _) => ("l.leaf_index = ?", new object[] { i }),
            (_, { } seq, _) => ("l.seq_id = ?", [seq]),
            (_, _, var (stream, v)) => ("l.seq_id = (select e.seq_id from cataloghub.mt_events e where e.stream_id = ? and e.version = ?)", [stream, v]),
            _ => throw new ArgumentException("Name a leaf by index, sequence or stream version."),
        };
        var row = (await session.AdvancedSql.QueryAsync<string>(
            $"select json_build_array(l.leaf_index, l.seq_id, encode(l.leaf_hash, 'base64'))::text from {Leaves} l where {where}", ct, arguments)).SingleOrDefault();
        if (row is null) return null;
        var a = JsonNode.Parse(row)!.AsArray();
        return new LogLeaf(a[0]!.GetValue<long>(), a[1]!.GetValue<long>(), Convert.FromBase64String(a[2]!.GetValue<string>()));
    }
}
