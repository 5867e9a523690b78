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

public static class LogVerifier
{
    public const int BatchSize = 5000;

    /// <summary>Streams the leaves in index order beside their events, in batches: memory stays O(batch + log n), not O(events).</summary>
    public static async Task<LogVerification> Verify(IQuerySession session, DateTimeOffset now, CancellationToken ct)
    {
        var size = await LogStore.Size(session, ct);
        var checkpoints = (await session.AdvancedSql.QueryAsync<string>(
                $"select json_build_array(tree_size, encode(root_hash, 'base64'))::text from {Checkpoints.Table} order by tree_size", ct))
            .Select(r => JsonNode.Parse(r)!.AsArray()).Select(a => (Size: a[0]!.GetValue<long>(), Root: a[1]!.GetValue<string>())).ToList();
        var findings = new List<LeafFinding>();
        var broken = new List<long>();
        var recomputed = CompactRange.Empty;
        var next = 0;
        long checkedLeaves = 0;

        void CheckpointsUpTo(long reached)
        {
            for (; next < checkpoints.Count && checkpoints[next].Size <= reached; next++)
                if (checkpoints[next].Size == reached && Convert.ToBase64String(recomputed.Root) != checkpoints[next].Root)
                    broken.Add(reached);
        }

        for (long from = 0; from < size; from += BatchSize)
        {
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
                CheckpointsUpTo(recomputed.Size);
            }
        }
        // A checkpoint larger than the log: leaves were removed from its end.
        broken.AddRange(checkpoints.Skip(next).Select(c => c.Size));
        return new LogVerification(now, size, checkedLeaves, checkpoints.Count, findings.Count == 0 && broken.Count == 0, findings, broken);
    }
}
