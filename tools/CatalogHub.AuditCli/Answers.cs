using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Audit.Log;
using static CatalogHub.AuditCli.AuditCommands;

namespace CatalogHub.AuditCli;

/// <summary>
/// <c>verify answer</c>: an answer of the hub saved with <c>?inclusionProofs=true</c> (an as-of read, a basis check). Every
/// citation in it (an object with <c>list</c>, <c>id</c> and <c>sequence</c>) must be proven: an event of that
/// sequence, of the stream the citation names, whose leaf the proof connects to the root of a checkpoint signed by the
/// given keys.
/// </summary>
internal static class Answers
{
    public static Verdict Verify(FileInfo file, IReadOnlyList<NoteKey> keys)
    {
        if (!file.Exists) throw new UsageException($"{file.FullName}: no such file.");
        var answer = Parse<JsonObject>(File.ReadAllText(file.FullName));
        if (answer?[CitationProof.Member] is not JsonObject member || Parse<CitationProofs>(member.ToJsonString()) is not { } proofs)
            return new Verdict(false, "the answer carries no proofs: ask the hub again with ?inclusionProofs=true", []);
        var (checkpoint, size, root) = CheckpointVerdict(proofs.Checkpoint, keys);
        if (!checkpoint.Verified) return checkpoint with { Reason = $"the checkpoint: {checkpoint.Reason}" };
        var details = new JsonObject { ["treeSize"] = size, ["rootHash"] = Convert.ToBase64String(root) };
        if (proofs.TreeSize != size) return new Verdict(false, $"the proofs are for a tree of {proofs.TreeSize} leaves, the checkpoint has {size}", details);

        var proven = new Dictionary<long, Guid>();
        foreach (var e in proofs.Events)
        {
            if (Hashes(e.Proof) is not { } path || Exports.Leaf(e.Event) is not var (stream, _, _))
                return new Verdict(false, $"the proof of sequence {e.Sequence} is not one of the log's", details);
            if (!Merkle.VerifyInclusion(e.LeafIndex, size, LogStore.LeafHashOf(e.Event), path, root))
                return new Verdict(false, $"the event of sequence {e.Sequence} is not leaf {e.LeafIndex} of the checkpoint's tree with this proof", details);
            proven[e.Sequence] = stream;
        }
        answer.Remove(CitationProof.Member);
        var citations = 0;
        foreach (var (list, id, sequence) in Citations(answer))
        {
            citations++;
            var named = $"the citation of {list} {id} (sequence {sequence})";
            if (proofs.Pending.Contains(sequence)) return new Verdict(false, $"{named} is not in the checkpoint yet: ask again after the next one", details);
            if (!proven.TryGetValue(sequence, out var stream)) return new Verdict(false, $"{named} has no proof", details);
            if (stream != id) return new Verdict(false, $"{named}: the proven event is of stream {stream}", details);
        }
        details["citations"] = citations;
        return new Verdict(true, null, details);
    }

    /// <summary>Every object of the answer shaped like a citation, wherever it is.</summary>
    private static IEnumerable<(string List, Guid Id, long Sequence)> Citations(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["list"] is JsonValue list && list.TryGetValue<string>(out var name) && o["id"] is JsonValue id && Guid.TryParse(id.ToString(), out var guid)
                    && o["sequence"] is JsonValue seq && seq.TryGetValue<long>(out var sequence))
                    yield return (name, guid, sequence);
                foreach (var (_, child) in o)
                foreach (var c in Citations(child)) yield return c;
                break;
            case JsonArray a:
                foreach (var child in a)
                foreach (var c in Citations(child)) yield return c;
                break;
        }
    }
}
