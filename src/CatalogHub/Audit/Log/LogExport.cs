using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CatalogHub.Audit.Log;

/// <summary>
/// The first line of an export: what it holds (<c>Format</c>: one stream's history, or the access records a question selects),
/// the stream (a stream's export) or the question (<c>Selection</c>, an access-log export's filters), how many events follow
/// (<c>Events</c>), how many more it selects that the checkpoint does not cover yet (<c>Later</c>: recorded after it was signed;
/// export again after the next one), and the signed checkpoint (a C2SP signed note) every line is proven against.
/// </summary>
public sealed record ExportHeader(string Format, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Stream, long Events,
    long Later, string Checkpoint, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Selection = null);

/// <summary>
/// One exported event: <c>Event</c> is the text its leaf hashes, exactly (SHA-256(0x00 ‖ UTF-8 of it) is the leaf hash;
/// see <see cref="LogStore.LeafText"/>: a JSON array of stream, version, type, timestamp in µs and data as stored),
/// <c>LeafIndex</c> its place in the log and <c>Proof</c> its RFC 9162 audit path to the checkpoint's root (base64,
/// deepest first). <c>Sequence</c> is the store's number for the event, which citations give: a cross-reference that the
/// leaf does not commit to.
/// </summary>
public sealed record ProvenEvent(long Sequence, long LeafIndex, string Event, IReadOnlyList<string> Proof);

/// <summary>
/// Events, each with its inclusion proof, against one signed checkpoint, as NDJSON: self-contained, so an auditor verifies it
/// with the log's public keys alone (<c>cataloghub-audit verify export</c>). Two selections share the format and this code: a
/// stream's whole history (<see cref="OfStream"/>) and the access records a question selects (<see cref="OfBatches"/>). Written in
/// batches, each with one query for its events and one for its proofs' nodes: memory stays O(batch · log n) however many events.
/// </summary>
public static class LogExport
{
    public const string Format = "cataloghub-log-export/1";

    /// <summary>The access records a question selects, oldest first, each its own stream's one event (<see cref="ExportHeader.Selection"/>: the question).</summary>
    public const string AccessLogFormat = "cataloghub-access-log-export/1";

    public const string MediaType = "application/x-ndjson";
    public const int BatchSize = 500;

    /// <summary>The checkpoint of <paramref name="size"/> leaves, or the latest when no size is named; null when there is none.</summary>
    public static Task<Checkpoint?> CheckpointOf(IQuerySession session, long? size, CancellationToken ct) =>
        size is { } s ? Checkpoints.OfSize(session, s, ct) : Checkpoints.Latest(session, ct);

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

    /// <summary>Of the events these batches of sequences name, those in the tree of <paramref name="size"/> leaves and those it lacks yet: one query a batch.</summary>
    public static async Task<(long Covered, long Later)> Count(IQuerySession session, IAsyncEnumerable<long[]> sequences, long size, CancellationToken ct)
    {
        var (covered, all) = (0L, 0L);
        await foreach (var batch in sequences.WithCancellation(ct))
        {
            all += batch.Length;
            covered += (await session.AdvancedSql.QueryAsync<long>($"select count(*) from {LogStore.Leaves} where seq_id = any(?) and leaf_index < ?",
                ct, batch, size)).Single();
        }
        return (covered, all - covered);
    }

    /// <summary>Writes the header, then every batch's events, a line each, flushing after each batch.</summary>
    public static async Task Write(ExportHeader header, IAsyncEnumerable<IReadOnlyList<ProvenEvent>> batches, Stream body, CancellationToken ct)
    {
        // The response body belongs to the server: flushed, not closed.
        await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(false), bufferSize: -1, leaveOpen: true) { NewLine = "\n" };
        await WriteLine(writer, header);
        await foreach (var batch in batches.WithCancellation(ct))
        {
            foreach (var exported in batch) await WriteLine(writer, exported);
            await writer.FlushAsync(ct);
        }
    }

    /// <summary>A stream's events in the tree of <paramref name="size"/> leaves, in version order, a batch at a time.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<ProvenEvent>> OfStream(IQuerySession session, Guid stream, long size, [EnumeratorCancellation] CancellationToken ct)
    {
        for (long after = 0; ;)
        {
            var batch = await Proven(session, "e.stream_id = ? and e.version > ? and l.leaf_index < ? order by e.version limit ?",
                [stream, after, size, BatchSize], size, ct);
            if (batch.Count == 0) yield break;
            yield return batch.ConvertAll(b => b.Event);
            after = batch[^1].Version;
        }
    }

    /// <summary>The events these batches of sequences name, those the tree of <paramref name="size"/> leaves covers, in sequence order.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<ProvenEvent>> OfBatches(IQuerySession session, IAsyncEnumerable<long[]> sequences, long size,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var batch in sequences.WithCancellation(ct))
            yield return await OfSequences(session, batch, size, ct);
    }

    /// <summary>The events of these sequences that the tree of <paramref name="size"/> leaves covers, in sequence order, with their proofs.</summary>
    public static async Task<List<ProvenEvent>> OfSequences(IQuerySession session, long[] sequences, long size, CancellationToken ct) =>
        sequences.Length == 0 ? []
            : (await Proven(session, "e.seq_id = any(?) and l.leaf_index < ? order by e.seq_id", [sequences, size], size, ct)).ConvertAll(p => p.Event);

    /// <summary>
    /// The events <paramref name="where"/> selects (over <c>e</c>, the events, and <c>l</c>, their leaves; it must keep
    /// <c>l.leaf_index</c> below <paramref name="size"/>) with their inclusion proofs in the tree of that size: one query
    /// for the events and one for every node of their proofs.
    /// </summary>
    private static async Task<List<(long Version, ProvenEvent Event)>> Proven(IQuerySession session, string where, object[] arguments, long size, CancellationToken ct)
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
