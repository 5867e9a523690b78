using System.Text.Json.Nodes;
using CatalogHub.Audit.Log;
using CatalogHub.Sharing.AccessLog;
using Spectre.Console;
using static CatalogHub.AuditCli.AuditCommands;

namespace CatalogHub.AuditCli;

/// <summary>
/// <c>export</c>, <c>access-log export</c> and <c>verify export</c>. An export is read from the hub's API (<c>GET /audit/log/export</c>,
/// <c>POST /sharing/access-log/export</c>) with an auditor's key, not from its database: an auditor gets a key from the hub's
/// administrator like any other department, needs no database credentials or network path to the database, and their export is
/// recorded like any other read. Nothing is lost in trust by this: the file is verified offline against the log's public keys,
/// whoever carried it.
/// </summary>
internal static class Exports
{
    /// <summary>
    /// Writes the hub's export to <paramref name="output"/> as it comes, a line at a time, with a progress bar on stderr (its length:
    /// the events the first line announces). GETs <paramref name="path"/>, or POSTs <paramref name="body"/> to it.
    /// </summary>
    public static async Task<int> Download(TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler, string hubUrl, string apiKey, string path,
        object? body, FileInfo output, JsonObject result, CancellationToken ct)
    {
        using var hub = new Hub(handler, hubUrl, apiKey);
        long lines = 0;
        ExportHeader? header = null;
        try
        {
            using var response = await hub.Send(path, body, ct);
            if (!response.IsSuccessStatusCode)
            {
                var refused = await Hub.Refused(response, result, ct);
                return Done(stdout, stderr, false, refused.Reason, result);
            }
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), new System.Text.UTF8Encoding(false));
            await using var file = new StreamWriter(output.Create(), new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
            await console.Progress().StartAsync(async progress =>
            {
                var events = progress.AddTask("events exported", maxValue: 1);
                // Line by line, as the hub wrote them (UTF-8, '\n'): the file holds the export byte for byte.
                for (string? line; (line = await reader.ReadLineAsync(ct)) is not null;)
                {
                    await file.WriteLineAsync(line);
                    if (lines++ == 0)
                    {
                        header = Parse<ExportHeader>(line);
                        events.MaxValue = Math.Max(1, header?.Events ?? 0);
                        // Shown now, not at the next tick: a plain (redirected) stderr shows a task only while it runs.
                        progress.Refresh();
                    }
                    else events.Increment(1);
                }
                events.Value = events.MaxValue;
            });
        }
        catch (HttpRequestException e)
        {
            return Done(stdout, stderr, false, Hub.Unreachable(e, result).Reason, result);
        }
        result["file"] = output.FullName;
        result["lines"] = lines;
        result["events"] = header?.Events;
        result["later"] = header?.Later;
        return Done(stdout, stderr, true, null, result);
    }

    private static int Done(TextWriter stdout, TextWriter stderr, bool exported, string? reason, JsonObject details) =>
        Report(stdout, stderr, new Verdict(exported, reason, details), "exported");

    /// <summary>
    /// Reads the export a line at a time (memory: one line and the checkpoint). The first line must hold a checkpoint signed by the
    /// given keys; each further line an event whose text hashes to a leaf that its proof connects to the checkpoint's root, and that
    /// the export's format admits: a stream's export, events of the header's stream, versions 1, 2, 3… with none missing or
    /// repeated; an access-log export, reads of licence data as recorded (each its own stream's one event), oldest first, none
    /// repeated. The file must hold as many events as its first line says. A progress bar on stderr counts the events checked.
    /// </summary>
    public static Verdict Verify(FileInfo file, IReadOnlyList<NoteKey> keys, TextWriter stderr)
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

        if (reader.ReadLine() is not { } first || Parse<ExportHeader>(first) is not { Format: LogExport.Format or LogExport.AccessLogFormat } header
            || (header.Format == LogExport.Format) != header.Stream.HasValue)
            return Broken($"not the first line of an export of the log ({LogExport.Format} or {LogExport.AccessLogFormat})");
        var (checkpoint, size, root) = CheckpointVerdict(header.Checkpoint, keys);
        if (!checkpoint.Verified) return Broken($"the checkpoint: {checkpoint.Reason}");
        details["format"] = header.Format;
        if (header.Stream is { } headerStream) details["stream"] = headerStream.ToString();
        if (header.Selection is { } selection) details["selection"] = JsonNode.Parse(selection.GetRawText());
        details["treeSize"] = size;
        details["rootHash"] = Convert.ToBase64String(root);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        return console.Progress().Start(progress =>
        {
            var bar = progress.AddTask("events verified", maxValue: Math.Max(1, header.Events));
            progress.Refresh();
            var verdict = Lines(bar);
            bar.Value = bar.MaxValue;
            return verdict;
        });

        Verdict Lines(ProgressTask bar)
        {
            long events = 0, previous = 0;
            for (string? text; (text = reader.ReadLine()) is not null;)
            {
                line++;
                details.Remove("sequence");
                details.Remove("record");
                if (Parse<ProvenEvent>(text) is not { } exported || Hashes(exported.Proof) is not { } proof) return Broken("not an exported event");
                details["sequence"] = exported.Sequence;
                if (Leaf(exported.Event) is not var (stream, version, type)) return Broken("the event is not one of the log's (stream, version, type, time, data)");
                if (header.Stream is { } expected)
                {
                    if (stream != expected) return Broken($"the event is of stream {stream}, not {expected}");
                    if (version != events + 1) return Broken($"the event is version {version} where {events + 1} was due: an event is missing or repeated");
                }
                else
                {
                    details["record"] = stream.ToString();
                    if (type != GetAccessLogEndpoint.EventType || version != 1) return Broken($"the event ({type}, version {version}) is not a read of licence data as recorded");
                    if (exported.Sequence <= previous) return Broken($"access record {stream}: sequence {exported.Sequence} after {previous}: out of order or repeated");
                }
                if (!Merkle.VerifyInclusion(exported.LeafIndex, size, LogStore.LeafHashOf(exported.Event), proof, root))
                    return Broken($"{(header.Stream is null ? $"access record {stream}: " : "")}the event is not leaf {exported.LeafIndex} of the checkpoint's tree with this proof: the event, its index or its proof was changed");
                previous = exported.Sequence;
                events++;
                bar.Increment(1);
            }
            line++;
            details.Remove("sequence");
            details.Remove("record");
            if (events != header.Events) return Broken($"the export ends after {events} events, its first line announces {header.Events}");
            details["events"] = events;
            details["later"] = header.Later;
            return new Verdict(true, null, details);
        }
    }

    /// <summary>The stream, version and event type a leaf's text names, if it is a leaf's text (see <see cref="LogStore.LeafText"/>).</summary>
    internal static (Guid Stream, long Version, string Type)? Leaf(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonArray { Count: 5 } a && Guid.TryParse(a[0]?.GetValue<string>(), out var stream) && a[1]?.GetValue<long>() is { } version
                   && a[2]?.GetValue<string>() is { } type
                ? (stream, version, type)
                : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
