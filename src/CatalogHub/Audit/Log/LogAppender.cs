using System.Text.Json.Nodes;

namespace CatalogHub.Audit.Log;

/// <summary>
/// Appends every recorded event the log does not hold yet, in batches of at most <see cref="BatchSize"/> sequence
/// numbers, each in one transaction that first takes <see cref="Lock"/>: one appender at a time across the nodes, and a
/// node that does not get the lock skips the pass. Should two appenders ever overlap anyway, the primary key on the index
/// and the unique event sequence make the second one's commit fail and change nothing; the next pass starts again from
/// what was committed.
/// <para>
/// What a batch costs does not grow with the store. The appender's position is kept in the database, in the same
/// transaction as the leaves (<see cref="LogStore.Scan"/>: every sequence number up to <c>scanned_to</c> was looked at),
/// and so are the numbers it passed that were not committed then (<see cref="LogStore.Pending"/>: Marten's sequence
/// commits out of order, and a number may still turn into an event). A batch reads the pending numbers by key and the
/// next numbers above the mark through the primary key: no anti-join over <c>mt_events</c>, no scan from the start, on
/// whichever node holds the lock. Only when the position does not match the log (a new or wiped position table, a log
/// truncated or rebuilt) is it rebuilt from the leaves, once, by one pass over the sequence numbers the leaves span.
/// </para>
/// </summary>
public sealed class LogAppender(IDocumentStore store)
{
    /// <summary>The advisory lock of the appender ("CHLog" in ASCII).</summary>
    public const long Lock = 0x43484c6f67;

    /// <summary>Sequence numbers (events, tombstones) one transaction reads and appends at most.</summary>
    public const int BatchSize = 2000;

    /// <summary>Appends until the log holds every committed event; the number of leaves appended (0 if another node holds the lock).</summary>
    public async Task<long> CatchUp(CancellationToken ct)
    {
        long appended = 0;
        while (await AppendBatch(BatchSize, ct) is var (leaves, full))
        {
            appended += leaves;
            if (!full) break;
        }
        return appended;
    }

    /// <summary>
    /// One transaction: the leaves of at most <paramref name="limit"/> sequence numbers, and whether there may be more
    /// (the batch was full); null when another appender holds the lock.
    /// </summary>
    public async Task<(int Leaves, bool Full)?> AppendBatch(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(ct);
        if (!(await session.AdvancedSql.QueryAsync<bool>("select pg_try_advisory_xact_lock(?)", ct, Lock)).Single()) return null;

        var size = await LogStore.Size(session, ct);
        var (scanned, pending, rebuilt) = await Position(session, size, ct);
        // Numbers passed over earlier that have committed since (a late event, or the tombstone of a failed transaction).
        var late = pending.Length == 0 ? [] : await Read(session, "e.seq_id = any(?) order by e.seq_id limit ?", ct, pending, limit);
        var fresh = late.Count == limit ? [] : await Read(session, "e.seq_id > ? order by e.seq_id limit ?", ct, scanned, limit - late.Count);

        // What this read did not see between the mark and the last number it read is not committed yet (or never will be).
        var passed = new List<long>();
        var next = scanned + 1;
        foreach (var (sequence, _) in fresh)
        {
            for (; next < sequence; next++) passed.Add(next);
            next = sequence + 1;
        }
        if (fresh.Count > 0) scanned = fresh[^1].Sequence;

        var events = late.Concat(fresh).Where(r => r.Text is not null).ToList();
        if (events.Count > 0)
        {
            var leaves = new List<(long Index, long Sequence, byte[] Hash)>();
            var nodes = new List<NodeId>();
            var hashes = new List<byte[]>();
            var edge = await LogStore.Edge(session, size, ct);
            foreach (var (sequence, text) in events)
                edge.Append(LogStore.LeafHashOf(text!), (id, hash) =>
                {
                    if (id.Level == 0) leaves.Add((id.Index, sequence, hash));
                    else
                    {
                        nodes.Add(id);
                        hashes.Add(hash);
                    }
                });
            // One statement each for the batch's leaves and nodes, the rows sent as arrays: not one statement per row.
            session.QueueSqlCommand($"insert into {LogStore.Leaves} (leaf_index, seq_id, leaf_hash) select * from unnest(?::bigint[], ?::bigint[], ?::bytea[])",
                leaves.Select(l => l.Index).ToArray(), leaves.Select(l => l.Sequence).ToArray(), leaves.Select(l => l.Hash).ToArray());
            if (nodes.Count > 0)
                session.QueueSqlCommand($"insert into {LogStore.Nodes} (level, node_index, hash) select * from unnest(?::int[], ?::bigint[], ?::bytea[])",
                    nodes.Select(n => n.Level).ToArray(), nodes.Select(n => n.Index).ToArray(), hashes.ToArray());
        }
        if (rebuilt) session.QueueSqlCommand($"delete from {LogStore.Pending}");
        else if (late.Count > 0) session.QueueSqlCommand($"delete from {LogStore.Pending} where seq_id = any(?)", late.Select(r => r.Sequence).ToArray());
        var stillPending = (rebuilt ? pending.Except(late.Select(r => r.Sequence)) : []).Concat(passed).ToArray();
        if (stillPending.Length > 0) session.QueueSqlCommand($"insert into {LogStore.Pending} (seq_id) select unnest(?::bigint[])", stillPending);
        if (rebuilt || late.Count + fresh.Count > 0)
            session.QueueSqlCommand($"insert into {LogStore.Scan} (id, scanned_to, tree_size) values (1, ?, ?) " +
                                    "on conflict (id) do update set scanned_to = excluded.scanned_to, tree_size = excluded.tree_size", scanned, size + events.Count);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsDuplicate(e))
        {
            return (0, false); // another appender committed these events first; its leaves stand
        }
        return (events.Count, late.Count + fresh.Count == limit);
    }

    /// <summary>
    /// The scan mark and the numbers passed below it, as stored, when they belong to this log. Otherwise rebuilt from the
    /// leaves: the mark is the highest event that is a leaf, and every number below it that is neither a leaf nor a
    /// tombstone is pending (an event among them is appended by this batch, the rest wait to commit).
    /// </summary>
    private static async Task<(long Scanned, long[] Pending, bool Rebuilt)> Position(IQuerySession session, long size, CancellationToken ct)
    {
        var stored = (await session.AdvancedSql.QueryAsync<string>(
            $"select json_build_array(s.scanned_to, s.tree_size, (select coalesce(max(seq_id), 0) from cataloghub.mt_events), " +
            $"(select coalesce(array_agg(seq_id), '{{}}') from {LogStore.Pending}))::text from {LogStore.Scan} s where s.id = 1", ct)).SingleOrDefault();
        if (stored is not null)
        {
            var a = JsonNode.Parse(stored)!.AsArray();
            var (scanned, treeSize, lastSequence) = (a[0]!.GetValue<long>(), a[1]!.GetValue<long>(), a[2]!.GetValue<long>());
            // A mark above the last event belongs to events that are gone (a wiped store): start again.
            if (treeSize == size && scanned <= lastSequence) return (scanned, [.. a[3]!.AsArray().Select(n => n!.GetValue<long>())], false);
        }
        var rebuilt = (await session.AdvancedSql.QueryAsync<string>(
            $"select json_build_array(m.top, (select coalesce(array_agg(n), '{{}}') from generate_series(1, m.top) n " +
            $"where not exists (select 1 from {LogStore.Leaves} l where l.seq_id = n) " +
            $"and not exists (select 1 from cataloghub.mt_events e where e.seq_id = n and not ({LogStore.Recorded}))))::text " +
            $"from (select coalesce(max(seq_id), 0) as top from {LogStore.Leaves}) m", ct)).Single();
        var r = JsonNode.Parse(rebuilt)!.AsArray();
        return (r[0]!.GetValue<long>(), [.. r[1]!.AsArray().Select(n => n!.GetValue<long>())], true);
    }

    /// <summary>Sequence numbers with the leaf text of each event; a tombstone's text is null.</summary>
    private static async Task<List<(long Sequence, string? Text)>> Read(IQuerySession session, string where, CancellationToken ct, params object[] parameters) =>
        [.. (await session.AdvancedSql.QueryAsync<string>(
                $"select json_build_array(e.seq_id, case when {LogStore.Recorded} then {LogStore.LeafText} end)::text from cataloghub.mt_events e where {where}",
                ct, parameters))
            .Select(r => JsonNode.Parse(r)!.AsArray()).Select(a => (a[0]!.GetValue<long>(), a[1]?.GetValue<string>()))];

    private static bool IsDuplicate(Exception e) =>
        e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } || (e.InnerException is { } inner && IsDuplicate(inner));

}

/// <summary>
/// Every <c>CATALOGHUB_LOG_INTERVAL_SECONDS</c> (default 10; 0 turns it off): appends new events to the log, then signs a
/// checkpoint of it. Supervised: a lost race, the database going away or a refused checkpoint is reported and retried.
/// </summary>
public sealed class LogService(LogAppender appender, CheckpointSigner signer, IConfiguration config, Supervision supervision, TimeProvider clock,
    ILogger<LogService> logger) : SupervisedLoop(supervision, clock, logger)
{
    public const string HealthName = "transparency-log";

    protected override TimeSpan? Interval =>
        config.GetValue("CATALOGHUB_LOG_INTERVAL_SECONDS", 10) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null;

    protected override async Task RunOnce(CancellationToken ct)
    {
        await appender.CatchUp(ct);
        await signer.Sign(ct);
    }
}
