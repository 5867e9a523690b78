using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Audit.Log;
using CatalogHub.Platform;
using CatalogHub.Sharing.AccessLog;
using Spectre.Console;

namespace CatalogHub.AuditCli;

/// <summary>
/// <c>cataloghub-audit</c>: what an auditor runs on their own machine, trusting only the hub's public keys (C2SP verifier
/// keys, <c>name+id+key</c>, as <c>GET /log/keys</c> lists them, best obtained out of band). Results as JSON on
/// stdout, a one-line verdict on stderr; exit code 0 verified, 1 failed, 2 usage (a wrong option or an unreadable file).
/// </summary>
public static class AuditCommands
{
    public const int Verified = 0, Failed = 1, Usage = 2;

    public const string ApiKeySetting = "CATALOGHUB_API_KEY";

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <param name="hub">How to reach the hub (tests pass their in-process server's); a plain HTTP client when null.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? hub = null)
    {
        var parsed = Root(stdout, stderr, hub).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine(error.Message);
            return Usage;
        }
        try
        {
            // Without the default handler, so that a usage error found while running (a missing file) exits 2, not 1.
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            stderr.WriteLine(e.Message);
            return Usage;
        }
    }

    internal sealed class UsageException(string message) : Exception(message);

    private static RootCommand Root(TextWriter stdout, TextWriter stderr, HttpMessageHandler? hub)
    {
        var keys = new Option<string[]>("--key") { Description = "A verifier key of the log (name+hex id+base64 key); repeat for more.", Required = true, AllowMultipleArgumentsPerToken = true };
        var checkpoint = new Option<FileInfo>("--checkpoint") { Description = "A checkpoint as served by GET /log/checkpoint.", Required = true };
        var older = new Option<FileInfo>("--old") { Description = "The earlier checkpoint.", Required = true };
        var newer = new Option<FileInfo>("--new") { Description = "The later checkpoint.", Required = true };
        var proof = new Option<FileInfo>("--proof") { Description = "The proof as served by GET /log/inclusion or GET /log/consistency (JSON).", Required = true };

        var verifyCheckpoint = new Command("checkpoint", "Verify a checkpoint's signatures.") { checkpoint, keys };
        verifyCheckpoint.SetAction(p => Report(stdout, stderr, CheckpointVerdict(Read(p.GetValue(checkpoint)!), p.GetValue(keys)!).Result));

        var verifyInclusion = new Command("inclusion", "Verify an event's inclusion proof against a signed checkpoint.") { checkpoint, proof, keys };
        verifyInclusion.SetAction(p => Report(stdout, stderr, Inclusion(Read(p.GetValue(checkpoint)!), Read(p.GetValue(proof)!), p.GetValue(keys)!)));

        var verifyConsistency = new Command("consistency", "Verify that a later checkpoint extends an earlier one.") { older, newer, proof, keys };
        verifyConsistency.SetAction(p => Report(stdout, stderr, Consistency(Read(p.GetValue(older)!), Read(p.GetValue(newer)!), Read(p.GetValue(proof)!), p.GetValue(keys)!)));

        var exportFile = new Argument<FileInfo>("file") { Description = "An export as written by `cataloghub-audit export` or `cataloghub-audit access-log export` (NDJSON)." };
        var verifyExport = new Command("export", "Verify an export offline: the checkpoint's signatures, every event's leaf and proof; names the first broken line.") { exportFile, keys };
        verifyExport.SetAction(p => Report(stdout, stderr, Exports.Verify(p.GetValue(exportFile)!, Keys(p.GetValue(keys)!), stderr)));

        var answerFile = new Argument<FileInfo>("file") { Description = "An answer of the hub (JSON) saved with ?inclusionProofs=true." };
        var verifyAnswer = new Command("answer", "Verify that every version an answer cites is in the log: its proofs against a signed checkpoint.") { answerFile, keys };
        verifyAnswer.SetAction(p => Report(stdout, stderr, Answers.Verify(p.GetValue(answerFile)!, Keys(p.GetValue(keys)!))));

        var db = new Option<string>("--db")
        {
            Description = $"A connection string to the hub's database or a copy of it (read access suffices); default: the environment variable {Stores.DatabaseSetting}.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(Stores.DatabaseSetting) ?? "",
        };
        var verifyStore = new Command("store", "Recompute every leaf from the events as stored and every signed checkpoint's root; names the first broken link.") { db, keys };
        verifyStore.SetAction(async (p, ct) => Report(stdout, stderr, await Stores.Verify(p.GetValue(db)!, Keys(p.GetValue(keys)!), stderr, ct)));

        var hubUrl = new Option<string>("--hub") { Description = "The hub's base URL, e.g. https://cataloghub.example.gov.cn/.", Required = true };
        var apiKey = new Option<string>("--api-key")
        {
            Description = $"An auditor's (or hub administrator's) API key; default: the environment variable {ApiKeySetting}.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ApiKeySetting) ?? "",
        };
        var stream = new Option<Guid>("--stream") { Description = "The stream to export: an entry's id for its whole history, or a list's, a licence's….", Required = true };
        var size = new Option<long?>("--size") { Description = "Prove against the checkpoint of this many leaves (default: the latest)." };
        var output = new Option<FileInfo>("--out") { Description = "The file to write the export to.", Required = true };
        var export = new Command("export", "Export a stream's events with their inclusion proofs and the signed checkpoint, as NDJSON, from the hub's API.")
        {
            hubUrl, apiKey, stream, size, output,
        };
        export.SetAction(async (p, ct) => await Exports.Download(stdout, stderr, hub, p.GetValue(hubUrl)!, p.GetValue(apiKey)!,
            $"audit/log/export?stream={p.GetValue(stream)}{(p.GetValue(size) is { } s ? $"&size={s}" : "")}", null, p.GetValue(output)!,
            new JsonObject { ["stream"] = p.GetValue(stream).ToString() }, ct));

        var list = new Option<string>("--list") { Description = "The list, by its name in citations (base-catalogue, implementation-lists, proof-items…).", DefaultValueFactory = _ => "base-catalogue" };
        var item = new Option<Guid>("--id") { Description = "The item (an entry's id, a proof item's…).", Required = true };
        var fromVersion = new Option<int>("--from") { Description = "The version to compare from.", Required = true };
        var toVersion = new Option<int>("--to") { Description = "The version to compare to.", Required = true };
        var diffVersion = new Command("version", "Two published versions of an item compared field by field, each cited.") { hubUrl, apiKey, list, item, fromVersion, toVersion };
        diffVersion.SetAction(async (p, ct) => await Queries.Ask(stdout, stderr, hub, p.GetValue(hubUrl)!, p.GetValue(apiKey)!,
            Queries.VersionDiffPath(p.GetValue(list)!, p.GetValue(item), p.GetValue(fromVersion), p.GetValue(toVersion)), ct));

        var region = new Option<string>("--region") { Description = "The region's GB/T 2260 code, e.g. 411000.", Required = true };
        var fromInstant = new Option<string>("--from") { Description = "The earlier instant (ISO 8601; a date alone: its start, Beijing time).", Required = true };
        var toInstant = new Option<string>("--to") { Description = "The later instant.", Required = true };
        var knownAt = new Option<string?>("--known-at") { Description = "Compare as the record stood then (default: now)." };
        var diffCatalogue = new Command("catalogue", "A region's published list at two instants compared: added, changed (with their fields) and repealed items, each cited.")
        {
            hubUrl, apiKey, list, region, fromInstant, toInstant, knownAt,
        };
        diffCatalogue.SetAction(async (p, ct) => await Queries.Ask(stdout, stderr, hub, p.GetValue(hubUrl)!, p.GetValue(apiKey)!,
            Queries.RegionDiffPath(p.GetValue(list)!, p.GetValue(region)!, p.GetValue(fromInstant)!, p.GetValue(toInstant)!, p.GetValue(knownAt)), ct));

        var holderId = new Option<string?>("--holder-id") { Description = "The holder's resident ID number or unified social credit code (sent in the request body, never in a URL)." };
        var holderRef = new Option<string?>("--holder-ref") { Description = "The holder's reference as the access log shows it (h_…)." };
        var reader = new Option<string?>("--reader") { Description = "The reading department's unified social credit code." };
        var typeCode = new Option<string?>("--type") { Description = "The licence type's code, e.g. SPJYXK." };
        var purpose = new Option<Guid?>("--purpose") { Description = "The service item the reads named as their purpose." };
        var outcome = new Option<string?>("--outcome") { Description = "allowed or refused." };
        var reason = new Option<string?>("--reason") { Description = "A refusal's reason code, e.g. no-grant." };
        var since = new Option<string?>("--from") { Description = "From this instant on (ISO 8601)." };
        var until = new Option<string?>("--to") { Description = "Before this instant." };
        AccessLogSearch Search(ParseResult p) => new(p.GetValue(holderId), p.GetValue(holderRef), p.GetValue(reader), p.GetValue(typeCode), p.GetValue(purpose),
            p.GetValue(outcome), p.GetValue(reason), p.GetValue(since), p.GetValue(until));
        var after = new Option<long?>("--after") { Description = "The cursor: the nextAfter of the page before (default: from the start)." };
        var pageSize = new Option<int?>("--page-size") { Description = "Records a page (at most 200)." };
        var accessQuery = new Command("query", "One page of the access log (reads allowed and refused) by holder, reader, type, purpose, outcome and period.")
        {
            hubUrl, apiKey, holderId, holderRef, reader, typeCode, purpose, outcome, reason, since, until, after, pageSize,
        };
        accessQuery.SetAction(async (p, ct) => await Queries.AccessLogPage(stdout, stderr, hub, p.GetValue(hubUrl)!, p.GetValue(apiKey)!,
            Search(p) with { After = p.GetValue(after), PageSize = p.GetValue(pageSize) }, ct));
        var accessExport = new Command("export", "Every access record the filters select, each as recorded with its inclusion proof and the signed checkpoint, as NDJSON (verify it with `verify export`), with a progress bar.")
        {
            hubUrl, apiKey, holderId, holderRef, reader, typeCode, purpose, outcome, reason, since, until, size, output,
        };
        accessExport.SetAction(async (p, ct) => await Queries.AccessLogExport(stdout, stderr, hub, p.GetValue(hubUrl)!, p.GetValue(apiKey)!, Search(p),
            p.GetValue(size), p.GetValue(output)!, ct));

        var rebuild = new Command("rebuild", "Rebuild every read model from the events in a scratch database on the same server (created and dropped for the run) and compare it with the live one; names the first difference.") { db };
        rebuild.SetAction(async (p, ct) => Report(stdout, stderr, await Rebuilds.Run(p.GetValue(db)!, stderr, ct), "equal"));

        return new RootCommand("Verify CatalogHub's transparency log: checkpoints, proofs, exports, answers and the whole store; export a stream; ask the hub what auditors ask.")
        {
            new Command("verify", "Verify a checkpoint, a proof, an export, an answer's citations or the whole store.") { verifyCheckpoint, verifyInclusion, verifyConsistency, verifyExport, verifyStore, verifyAnswer },
            export,
            new Command("diff", "Compare two versions of an item, or a region's list at two instants.") { diffVersion, diffCatalogue },
            new Command("access-log", "Query or export the access log of licence data.") { accessQuery, accessExport },
            rebuild,
        };
    }

    private static string Read(FileInfo file) =>
        file.Exists ? File.ReadAllText(file.FullName) : throw new UsageException($"{file.FullName}: no such file.");

    /// <summary>What a verification found: verified or not, why not, and what it verified.</summary>
    public sealed record Verdict(bool Verified, string? Reason, JsonObject Details);

    /// <param name="outcome">The result's first member, true or false: <c>verified</c>, or what else the command did.</param>
    internal static int Report(TextWriter stdout, TextWriter stderr, Verdict verdict, string outcome = "verified")
    {
        var result = new JsonObject { [outcome] = verdict.Verified, ["reason"] = verdict.Reason };
        foreach (var (name, value) in verdict.Details) result[name] = value?.DeepClone();
        // Relaxed escaping: key names (with '+') and base64 hashes print as they are, for a reader to compare by eye.
        stdout.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        console.MarkupLine(verdict.Verified ? $"[green]{outcome}[/]" : $"[red]failed:[/] {Markup.Escape(verdict.Reason ?? "")}");
        return verdict.Verified ? Verified : Failed;
    }

    internal static IReadOnlyList<NoteKey> Keys(string[] vkeys) =>
        [.. vkeys.Select(v => NoteKey.FromVerifierKey(v) ?? throw new UsageException($"not a verifier key of a known type: {v}"))];

    private static (Verdict Result, long Size, byte[] Root) CheckpointVerdict(string note, string[] vkeys) => CheckpointVerdict(note, Keys(vkeys));

    internal static (Verdict Result, long Size, byte[] Root) CheckpointVerdict(string note, IReadOnlyList<NoteKey> keys)
    {
        var text = SignedNote.Open(note, keys);
        if (text is null) return (new Verdict(false, "no signature by a given key verifies, or one of them fails", []), 0, []);
        var origin = text[..text.IndexOf('\n')];
        if (Checkpoints.ReadBody(text, origin) is not var (size, root))
            return (new Verdict(false, "the signed text is not a checkpoint (origin, size, base64 root)", []), 0, []);
        return (new Verdict(true, null, new JsonObject
        {
            ["origin"] = origin, ["size"] = size, ["rootHash"] = Convert.ToBase64String(root),
            ["signedBy"] = new JsonArray([.. keys.Select(k => JsonValue.Create($"{k.Name}+{k.KeyId:x8}"))]),
        }), size, root);
    }

    internal static T? Parse<T>(string json)
    {
        try { return JsonSerializer.Deserialize<T>(json, ApiJson.Options); }
        catch (JsonException) { return default; }
    }

    internal static List<byte[]>? Hashes(IEnumerable<string> base64)
    {
        try { return [.. base64.Select(Convert.FromBase64String)]; }
        catch (FormatException) { return null; }
    }

    private static Verdict Inclusion(string note, string proofJson, string[] vkeys)
    {
        var (checkpoint, size, root) = CheckpointVerdict(note, vkeys);
        if (!checkpoint.Verified) return checkpoint;
        if (Parse<InclusionProof>(proofJson) is not { } proof || Hashes([.. proof.Proof, proof.LeafHash]) is not { } hashes)
            return new Verdict(false, "the proof is not an inclusion proof of the log", []);
        var details = new JsonObject { ["leafIndex"] = proof.LeafIndex, ["sequence"] = proof.Sequence, ["treeSize"] = size };
        if (proof.TreeSize != size) return new Verdict(false, $"the proof is for a tree of {proof.TreeSize} leaves, the checkpoint has {size}", details);
        return Merkle.VerifyInclusion(proof.LeafIndex, size, hashes[^1], hashes[..^1], root)
            ? new Verdict(true, null, details)
            : new Verdict(false, $"leaf {proof.LeafIndex} is not in the checkpoint's tree with this proof", details);
    }

    private static Verdict Consistency(string oldNote, string newNote, string proofJson, string[] vkeys)
    {
        var (first, size1, root1) = CheckpointVerdict(oldNote, vkeys);
        if (!first.Verified) return first with { Reason = $"old checkpoint: {first.Reason}" };
        var (second, size2, root2) = CheckpointVerdict(newNote, vkeys);
        if (!second.Verified) return second with { Reason = $"new checkpoint: {second.Reason}" };
        if (Parse<ConsistencyProof>(proofJson) is not { } proof || Hashes(proof.Proof) is not { } hashes)
            return new Verdict(false, "the proof is not a consistency proof of the log", []);
        var details = new JsonObject { ["from"] = size1, ["to"] = size2 };
        if ((proof.From, proof.To) != (size1, size2)) return new Verdict(false, $"the proof is from {proof.From} to {proof.To} leaves, not {size1} to {size2}", details);
        return Merkle.VerifyConsistency(size1, size2, hashes, root1, root2)
            ? new Verdict(true, null, details)
            : new Verdict(false, $"the tree of {size2} leaves does not extend the tree of {size1} leaves: history was rewritten", details);
    }
}
