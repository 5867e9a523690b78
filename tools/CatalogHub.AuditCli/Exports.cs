using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Audit.Log;
using static CatalogHub.AuditCli.AuditCommands;

namespace CatalogHub.AuditCli;

/// <summary>
/// <c>export</c> and <c>verify export</c>. The export is read from the hub's API (<c>GET /audit/log/export</c>) with an
/// auditor's key, not from its database: an auditor gets a key from the hub's administrator like any other department,
/// needs no database credentials or network path to the database, and their export is recorded like any other read.
/// Nothing is lost in trust by this: the file is verified offline against the log's public keys, whoever carried it.
/// </summary>
internal static class Exports
{
    public static async Task<int> Download(TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler, string hubUrl, string apiKey, Guid stream,
        long? size, FileInfo output, CancellationToken ct)
    {
        using var hub = new Hub(handler, hubUrl, apiKey);
        var result = new JsonObject { ["stream"] = stream.ToString() };
        try
        {
            using var response = await hub.Send($"audit/log/export?stream={stream}{(size is { } s ? $"&size={s}" : "")}", null, ct);
            if (!response.IsSuccessStatusCode)
            {
                var refused = await Hub.Refused(response, result, ct);
                return Done(stdout, stderr, false, refused.Reason, result);
            }
            await using (var file = output.Create()) await response.Content.CopyToAsync(file, ct);
        }
        catch (HttpRequestException e)
        {
            return Done(stdout, stderr, false, Hub.Unreachable(e, result).Reason, result);
        }
        result["file"] = output.FullName;
        result["lines"] = File.ReadLines(output.FullName).LongCount();
        return Done(stdout, stderr, true, null, result);
    }

    private static int Done(TextWriter stdout, TextWriter stderr, bool exported, string? reason, JsonObject details) =>
        Report(stdout, stderr, new Verdict(exported, reason, details), exported ? "exported" : "failed");

    /// <summary>
    /// Reads the export a line at a time (memory: one line and the checkpoint). The first line must hold a checkpoint
    /// signed by the given keys; each further line an event of the header's stream, versions 1, 2, 3… with none missing
    /// or repeated, whose text hashes to a leaf that its proof connects to the checkpoint's root.
    /// </summary>
    public static Verdict Verify(FileInfo file, IReadOnlyList<NoteKey> keys)
    {
        if (!file.Exists) throw new UsageException($"{file.FullName}: no such file.");
        using var reader = file.OpenText();
        var details = new JsonObject { ["file"] = file.FullName };
        long line = 1;
        Verdict Broken(string reason)
        {
            details["line"] = line;
            return new Verdict(false, $"line {line}: {reason}", details);
        }

        if (reader.ReadLine() is not { } first || Parse<ExportHeader>(first) is not { Format: LogExport.Format } header)
            return Broken($"not the first line of an export of the log ({LogExport.Format})");
        var (checkpoint, size, root) = CheckpointVerdict(header.Checkpoint, keys);
        if (!checkpoint.Verified) return Broken($"the checkpoint: {checkpoint.Reason}");
        details["stream"] = header.Stream.ToString();
        details["treeSize"] = size;
        details["rootHash"] = Convert.ToBase64String(root);

        long events = 0;
        for (string? text; (text = reader.ReadLine()) is not null;)
        {
            line++;
            if (Parse<ProvenEvent>(text) is not { } exported || Hashes(exported.Proof) is not { } proof) return Broken("not an exported event");
            if (Leaf(exported.Event) is not var (stream, version)) return Broken("the event is not one of the log's (stream, version, type, time, data)");
            if (stream != header.Stream) return Broken($"the event is of stream {stream}, not {header.Stream}");
            if (version != events + 1) return Broken($"the event is version {version} where {events + 1} was due: an event is missing or repeated");
            if (!Merkle.VerifyInclusion(exported.LeafIndex, size, LogStore.LeafHashOf(exported.Event), proof, root))
                return Broken($"the event is not leaf {exported.LeafIndex} of the checkpoint's tree with this proof: the event, its index or its proof was changed");
            events++;
        }
        line++;
        if (events != header.Events) return Broken($"the export ends after {events} events, its first line announces {header.Events}");
        details["events"] = events;
        details["later"] = header.Later;
        return new Verdict(true, null, details);
    }

    /// <summary>The stream and version a leaf's text names, if it is a leaf's text (see <see cref="LogStore.LeafText"/>).</summary>
    internal static (Guid Stream, long Version)? Leaf(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonArray { Count: 5 } a && Guid.TryParse(a[0]?.GetValue<string>(), out var stream) && a[1]?.GetValue<long>() is { } version
                ? (stream, version)
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
