using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CatalogHub.Audit.Log;

[JsonConverter(typeof(JsonStringEnumConverter<LeafProblem>))]
public enum LeafProblem
{
    /// <summary>The event no longer hashes to its leaf.</summary>
    [JsonStringEnumMemberName("modified")] Modified,
    /// <summary>The leaf's event is gone from the store.</summary>
    [JsonStringEnumMemberName("deleted")] Deleted,
}

public sealed record LeafFinding(long LeafIndex, long Sequence, LeafProblem Problem);

/// <summary>
/// The log recomputed from the events as stored. <c>Findings</c> names each broken leaf; <c>BrokenCheckpoints</c> each
/// signed checkpoint whose root the recomputed leaves no longer give (those that cover a modified event; a deleted
/// event's stored leaf stands in for it, so that the leaves after it are still checked), or that is larger than the log.
/// </summary>
public sealed record LogVerification(DateTimeOffset CheckedAt, long TreeSize, long LeavesChecked, long CheckpointsChecked, bool Intact,
    IReadOnlyList<LeafFinding> Findings, IReadOnlyList<long> BrokenCheckpoints);

/// <summary>A checkpoint as the log's table keeps it: the size, the root the hub recorded and the signed note.</summary>
public sealed record StoredCheckpoint(long Size, string RootHash, string Note);

public static class LogVerifier
{
    public const int BatchSize = 5000;

    /// <summary>
    /// Streams the leaves in index order beside their events, in batches, and the checkpoints batch by batch beside
    /// them: memory stays O(batch + log n + findings), not O(events) nor O(checkpoints).
    /// </summary>
    /// <param name="rootOf">
    /// The root a checkpoint is held to, null when it has none worth checking against (its signature fails): the hub
    /// takes its own record; an outside verifier the root of the note, once its signatures verify under keys it trusts.
    /// </param>
    /// <param name="stopAtFirst">Stop at the first broken leaf or checkpoint: what an auditor's "first broken link" needs, in bounded memory.</param>
    /// <param name="progress">Leaves checked so far, after each batch.</param>
    public static async Task<LogVerification> Verify(IQuerySession session, DateTimeOffset now, CancellationToken ct,
        Func<StoredCheckpoint, byte[]?>? rootOf = null, bool stopAtFirst = false, IProgress<long>? progress = null)
    {
        rootOf ??= c => Convert.FromBase64String(c.RootHash);
        var size = await LogStore.Size(session, ct);
        var findings = new List<LeafFinding>();
        var broken = new List<long>();
        var recomputed = CompactRange.Empty;
        long checkedLeaves = 0, checkedCheckpoints = 0;
        bool Done() => stopAtFirst && findings.Count + broken.Count > 0;

        for (long from = 0; from < size && !Done(); from += BatchSize)
        {
            var checkpoints = new Queue<StoredCheckpoint>(await CheckpointsIn(session, from, Math.Min(from + BatchSize, size), ct));
            var rows = await session.AdvancedSql.QueryAsync<string>(
                $"select json_build_array(l.leaf_index, l.seq_id, encode(l.leaf_hash, 'base64'), case when e.seq_id is null then null else {LogStore.LeafText} end)::text " +
                $"from {LogStore.Leaves} l left join cataloghub.mt_events e on e.seq_id = l.seq_id " +
                "where l.leaf_index >= ? and l.leaf_index < ? order by l.leaf_index", ct, from, from + BatchSize);
            foreach (var a in rows.Select(r => JsonNode.Parse(r)!.AsArray()))
            {
                var (index, sequence, stored, text) = (a[0]!.GetValue<long>(), a[1]!.GetValue<long>(), a[2]!.GetValue<string>(), a[3]?.GetValue<string>());
                if (index != recomputed.Size) throw new InconsistentLogException($"The log lacks leaf {recomputed.Size}: its tables were altered.");
                // A deleted event leaves nothing to hash: its stored leaf keeps the tree's shape so later leaves are still checked.
                var leaf = text is null ? Convert.FromBase64String(stored) : LogStore.LeafHashOf(text);
                if (text is null) findings.Add(new LeafFinding(index, sequence, LeafProblem.Deleted));
                else if (Convert.ToBase64String(leaf) != stored) findings.Add(new LeafFinding(index, sequence, LeafProblem.Modified));
                recomputed.Append(leaf, (_, _) => { });
                checkedLeaves++;
                while (checkpoints.TryPeek(out var c) && c.Size == recomputed.Size)
                {
                    checkpoints.Dequeue();
                    checkedCheckpoints++;
                    if (rootOf(c) is not { } root || !root.AsSpan().SequenceEqual(recomputed.Root)) broken.Add(c.Size);
                }
                if (Done()) break;
            }
            progress?.Report(checkedLeaves);
        }
        if (!Done())
        {
            // A checkpoint larger than the log: leaves were removed from its end.
            var beyond = (await session.AdvancedSql.QueryAsync<long>($"select tree_size from {Checkpoints.Table} where tree_size > ? order by tree_size limit ?",
                ct, size, stopAtFirst ? 1 : int.MaxValue)).ToList();
            broken.AddRange(beyond);
            checkedCheckpoints += beyond.Count;
        }
        return new LogVerification(now, size, checkedLeaves, checkedCheckpoints, findings.Count == 0 && broken.Count == 0, findings, broken);
    }

    private static async Task<IReadOnlyList<StoredCheckpoint>> CheckpointsIn(IQuerySession session, long after, long upTo, CancellationToken ct) =>
        [.. (await session.AdvancedSql.QueryAsync<string>(
                $"select json_build_array(tree_size, encode(root_hash, 'base64'), note)::text from {Checkpoints.Table} where tree_size > ? and tree_size <= ? order by tree_size",
                ct, after, upTo))
            .Select(r => JsonNode.Parse(r)!.AsArray())
            .Select(a => new StoredCheckpoint(a[0]!.GetValue<long>(), a[1]!.GetValue<string>(), a[2]!.GetValue<string>()))];
}
