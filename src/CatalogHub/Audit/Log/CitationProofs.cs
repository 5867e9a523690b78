using System.Text.Json;
using System.Text.Json.Nodes;

namespace CatalogHub.Audit.Log;

/// <summary>
/// What an answer cites, proven: for each cited event (by its sequence, as citations give it) the text its leaf hashes,
/// its leaf index and its inclusion proof against the signed <c>Checkpoint</c> of <c>TreeSize</c> leaves (see
/// <see cref="ProvenEvent"/>). <c>Pending</c> lists the cited sequences that checkpoint does not cover yet (recorded
/// after it was signed): ask again, against a later one.
/// </summary>
public sealed record CitationProofs(string Checkpoint, long TreeSize, IReadOnlyList<ProvenEvent> Events, IReadOnlyList<long> Pending);

/// <summary>
/// Inclusion proofs on request, for every answer that cites versions: <c>?inclusionProofs=true</c> (not <c>proof</c>: the basis
/// check already speaks of proofs, 证明, in its question and answer), against the latest signed
/// checkpoint or the one of <c>checkpoint</c> leaves. The answer is the one the endpoint would give, with one more member,
/// <c>inclusionProofs</c> (<see cref="CitationProofs"/>). Nothing is read unless asked: the endpoint answers as before and the
/// proofs are read when the result is written, in a session of their own.
/// </summary>
public static class CitationProof
{
    public const string Member = "inclusionProofs";

    /// <summary>Checks the two query parameters: <c>checkpoint</c> only with <c>inclusionProofs=true</c>, and a size.</summary>
    // Every endpoint that offers proofs calls this, so the 404 of a checkpoint that does not exist (Proven) is declared here too.
    [ProblemCodes(400, "required", "out-of-range")]
    [ProblemCodes(404, "no-checkpoint")]
    public static void Check(Validation input, bool? inclusionProofs, long? checkpoint)
    {
        input.Check(checkpoint is null || inclusionProofs == true, "inclusionProofs", "required", "must be true when checkpoint names the checkpoint to prove against.");
        input.Check(checkpoint is null or >= 1, "checkpoint", "out-of-range", "must be at least 1.");
    }

    /// <summary>The answer, as is or, when asked, with the proofs of the events it cites.</summary>
    public static IResult Answer<T>(T answer, bool? inclusionProofs, long? checkpoint, IEnumerable<long> cited) where T : notnull =>
        inclusionProofs == true ? new Proven<T>(answer, [.. cited.Distinct()], checkpoint) : TypedResults.Ok(answer);

    /// <summary>A problem that cites versions (a repealed entry's 404 cites its repeal), as is or, when asked, with their proofs.</summary>
    public static IResult Problem(ProblemDetails problem, bool? inclusionProofs, long? checkpoint, IEnumerable<long> cited) =>
        inclusionProofs == true
            ? new Proven<ProblemDetails>(problem, [.. cited.Distinct()], checkpoint, problem.Status, "application/problem+json")
            : Problems.Result(problem);

    /// <summary>The proofs of these events against the checkpoint of <paramref name="size"/> leaves (or the latest); null when there is no such checkpoint.</summary>
    public static async Task<CitationProofs?> For(IQuerySession session, IReadOnlyCollection<long> sequences, long? size, CancellationToken ct)
    {
        var checkpoint = await LogExport.CheckpointOf(session, size, ct);
        if (checkpoint is null) return null;
        var proven = await LogExport.OfSequences(session, [.. sequences], checkpoint.Size, ct);
        return new CitationProofs(checkpoint.Note, checkpoint.Size, proven, [.. sequences.Except(proven.Select(p => p.Sequence)).Order()]);
    }

    private sealed class Proven<T>(T answer, IReadOnlyCollection<long> cited, long? checkpoint, int? status = null, string? contentType = null)
        : IResult where T : notnull
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var ct = http.RequestAborted;
            CitationProofs? proofs;
            await using (var session = http.RequestServices.GetRequiredService<IDocumentStore>().QuerySession())
                proofs = await For(session, cited, checkpoint, ct);
            if (proofs is null)
            {
                await LogEndpoints.NoCheckpoint(checkpoint).ExecuteAsync(http);
                return;
            }
            var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var body = JsonSerializer.SerializeToNode(answer, options)!.AsObject();
            body[Member] = JsonSerializer.SerializeToNode(proofs, options);
            await TypedResults.Json(body, options, contentType, status).ExecuteAsync(http);
        }
    }
}
