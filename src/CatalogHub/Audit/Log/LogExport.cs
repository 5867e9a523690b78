using System.Text.Json;
using System.Text.Json.Nodes;

namespace CatalogHub.Audit.Log;

/// <summary>
/// The first line of an export: the stream, how many of its events follow (<c>Events</c>), how many it has that the
/// checkpoint does not cover yet (<c>Later</c>: recorded after it was signed; export again after the next one), and the
/// signed checkpoint (a C2SP signed note) every line is proven against.
/// </summary>
public sealed record ExportHeader(string Format, Guid Stream, long Events, long Later, string Checkpoint);

/// <summary>
/// One exported event: <c>Event</c> is the text its leaf hashes, exactly (SHA-256(0x00 ‖ UTF-8 of it) is the leaf hash;
/// see <see cref="LogStore.LeafText"/>: a JSON array of stream, version, type, timestamp in µs and data as stored),
/// <c>LeafIndex</c> its place in the log and <c>Proof</c> its RFC 9162 audit path to the checkpoint's root (base64,
/// deepest first). <c>Sequence</c> is the store's number for the event, which citations give: a cross-reference that the
/// leaf does not commit to.
/// </summary>
public sealed record ProvenEvent(long Sequence, long LeafIndex, string Event, IReadOnlyList<string> Proof);

/// <summary>
/// A stream's events, each with its inclusion proof, against one signed checkpoint, as NDJSON: self-contained, so an
/// auditor verifies it with the log's public keys alone (<c>cataloghub-audit verify export</c>). Written in batches, each
/// with one query for its events and one for its proofs' nodes: memory stays O(batch · log n) however long the stream.
/// </summary>
public static class LogExport
{
    public const string Format = "cataloghub-log-export/1";
    public const string MediaType = "application/x-ndjson";
    public const int BatchSize = 500;

    /// <summary>The stream's events in the tree of <paramref name="size"/> leaves, and those it lacks yet.</summary>
    public static async Task<(long Covered, long Later)> Count(IQuerySession session, Guid stream, long size, CancellationToken ct)
    {
        var row = (await session.AdvancedSql.QueryAsync<string>(
            "select json_build_array(count(*) filter (where l.leaf_index < ?), count(*) filter (where l.leaf_index is null or l.leaf_index >= ?))::text " +
            $"from cataloghub.mt_events e left join {LogStore.Leaves} l on l.seq_id = e.seq_id where e.stream_id = ? and {LogStore.Recorded}",
            ct, size, size, stream)).Single();
        var a = JsonNode.Parse(row)!.AsArray();
        return (a[0]!.GetValue<long>(), a[1]!.GetValue<long>());
    }

    public static async Task Write(IQuerySession session, Guid stream, Checkpoint checkpoint, (long Covered, long Later) count, Stream body, CancellationToken ct)
    {
        // The response body belongs to the server: flushed, not closed.
        await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(false), bufferSize: -1, leaveOpen: true) { NewLine = "\n" };
        await WriteLine(writer, new ExportHeader(Format, stream, count.Covered, count.Later, checkpoint.Note));
        for (long after = 0; ;)
        {
            var batch = await Proven(session, "e.stream_id = ? and e.version > ? and l.leaf_index < ? order by e.version limit ?",
                [stream, after, checkpoint.Size, BatchSize], checkpoint.Size, ct);
            if (batch.Count == 0) break;
            foreach (var (_, exported) in batch) await WriteLine(writer, exported);
            await writer.FlushAsync(ct);
            after = batch[^1].Version;
        }
    }

    /// <summary>
    /// The events <paramref name="where"/> selects (over <c>e</c>, the events, and <c>l</c>, their leaves; it must keep
    /// <c>l.leaf_index</c> below <paramref name="size"/>) with their inclusion proofs in the tree of that size: one query
    /// for the events and one for every node of their proofs.
    /// </summary>
    public static async Task<List<(long Version, ProvenEvent Event)>> Proven(IQuerySession session, string where, object[] arguments, long size, CancellationToken ct)
    {
        var rows = (await session.AdvancedSql.QueryAsync<string>(
                $"select json_build_array(e.version, e.seq_id, l.leaf_index, {LogStore.LeafText})::text " +
                $"from cataloghub.mt_events e join {LogStore.Leaves} l on l.seq_id = e.seq_id where {where}", ct, arguments))
            .Select(r => JsonNode.Parse(r)!.AsArray())
            .Select(a => (Version: a[0]!.GetValue<long>(), Sequence: a[1]!.GetValue<long>(), Index: a[2]!.GetValue<long>(), Text: a[3]!.GetValue<string>()))
            .ToList();
        var paths = rows.ConvertAll(r => Merkle.InclusionPath(r.Index, size));
        var hashes = rows.Count == 0 ? [] : await LogStore.RangeHashes(session, [.. paths.SelectMany(p => p)], ct);
        var proven = new List<(long, ProvenEvent)>(rows.Count);
        var offset = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            proven.Add((rows[i].Version, new ProvenEvent(rows[i].Sequence, rows[i].Index, rows[i].Text, hashes.GetRange(offset, paths[i].Count).ConvertAll(Convert.ToBase64String))));
            offset += paths[i].Count;
        }
        return proven;
    }

    private static Task WriteLine<T>(StreamWriter writer, T line) => writer.WriteLineAsync(JsonSerializer.Serialize(line, ApiJson.Options));
}
