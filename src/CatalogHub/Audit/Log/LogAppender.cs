using System.Text.Json.Nodes;

namespace CatalogHub.Audit.Log;

/// <summary>
/// Appends every recorded event the log does not hold yet, in batches, each in one transaction that first takes
/// <see cref="Lock"/>: one appender at a time across the nodes, and a node that does not get the lock skips the pass.
/// Should two appenders ever overlap anyway, the primary key on the index and the unique event sequence make the second
/// one's commit fail and change nothing; the next pass starts again from what was committed.
/// </summary>
public sealed class LogAppender(IDocumentStore store)
{
    /// <summary>The advisory lock of the appender ("CHLog" in ASCII).</summary>
    public const long Lock = 0x43484c6f67;

    public const int BatchSize = 2000;

    /// <summary>
    /// Every event sequence up to here is committed (an event or a tombstone) and, if an event, in the log: passes look
    /// above it only. Kept in memory: after a restart, or on the node that takes over, the first pass starts from 0.
    /// Marten's sequence can commit out of order, so this never passes a number that is not committed yet.
    /// </summary>
    private long _floor;

    /// <summary>The log's size when <see cref="_floor"/> was set: a log that shrank since (wiped, or rebuilt) is read from 0 again.</summary>
    private long _sizeAtFloor;

    /// <summary>Appends until the log holds every committed event; the number of leaves appended (0 if another node holds the lock).</summary>
    public async Task<long> CatchUp(CancellationToken ct)
    {
        long appended = 0;
        while (await AppendBatch(ct) is var batch && batch is not null)
        {
            appended += batch.Value;
            if (batch.Value < BatchSize) break;
        }
        return appended;
    }

    private async Task<int?> AppendBatch(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(ct);
        if (!(await session.AdvancedSql.QueryAsync<bool>("select pg_try_advisory_xact_lock(?)", ct, Lock)).Single()) return null;

        var size = await LogStore.Size(session, ct);
        var lastSequence = (await session.AdvancedSql.QueryAsync<long>("select coalesce(max(seq_id), 0) from cataloghub.mt_events", ct)).Single();
        var floor = size < _sizeAtFloor || _floor > lastSequence ? 0 : _floor;
        // The contiguous run of committed sequence numbers above the floor, taken before the events are read: everything
        // in it is visible to the read below.
        var contiguous = (await session.AdvancedSql.QueryAsync<long>(
            "select coalesce(max(seq_id), ?) from (select seq_id, seq_id - row_number() over (order by seq_id) as run " +
            "from cataloghub.mt_events where seq_id > ?) t where run = ?", ct, floor, floor, floor)).Single();
        var rows = (await session.AdvancedSql.QueryAsync<string>(
            $"select json_build_array(e.seq_id, {LogStore.LeafText})::text from cataloghub.mt_events e " +
            $"where e.seq_id > ? and {LogStore.Recorded} and not exists (select 1 from {LogStore.Leaves} l where l.seq_id = e.seq_id) " +
            "order by e.seq_id limit ?", ct, floor, BatchSize))
            .Select(r => JsonNode.Parse(r)!.AsArray()).Select(a => (Sequence: a[0]!.GetValue<long>(), Text: a[1]!.GetValue<string>())).ToList();

        if (rows.Count == 0)
        {
            (_floor, _sizeAtFloor) = (contiguous, size);
            return 0;
        }
        var edge = await LogStore.Edge(session, size, ct);
        foreach (var (sequence, text) in rows)
        {
            var leafHash = LogStore.LeafHashOf(text);
            edge.Append(leafHash, (id, hash) =>
            {
                if (id.Level == 0) session.QueueSqlCommand($"insert into {LogStore.Leaves} (leaf_index, seq_id, leaf_hash) values (?, ?, ?)", id.Index, sequence, hash);
                else session.QueueSqlCommand($"insert into {LogStore.Nodes} (level, node_index, hash) values (?, ?, ?)", id.Level, id.Index, hash);
            });
        }
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsDuplicate(e))
        {
            return 0; // another appender committed these events first; its leaves stand
        }
        (_floor, _sizeAtFloor) = (rows.Count == BatchSize ? Math.Min(contiguous, rows[^1].Sequence) : contiguous, size + rows.Count);
        return rows.Count;
    }

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
