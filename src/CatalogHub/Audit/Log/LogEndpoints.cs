namespace CatalogHub.Audit.Log;

/// <summary>A page of signed checkpoints, newest first.</summary>
public sealed record CheckpointPage(int Page, int PageSize, IReadOnlyList<Checkpoint> Items);

/// <summary>
/// That the leaf <c>LeafIndex</c> (the event <c>Sequence</c>, hashed to <c>LeafHash</c>) is in the tree of <c>TreeSize</c>
/// leaves whose root the signed <c>Checkpoint</c> states: RFC 9162 §2.1.3 audit path, base64 hashes, deepest first.
/// </summary>
public sealed record InclusionProof(long LeafIndex, long Sequence, string LeafHash, long TreeSize, string RootHash, IReadOnlyList<string> Proof, string Checkpoint);

/// <summary>That the tree of <c>From</c> leaves is a prefix of the tree of <c>To</c> leaves (root <c>ToRoot</c>): RFC 9162 §2.1.4, base64 hashes.</summary>
public sealed record ConsistencyProof(long From, long To, string ToRoot, IReadOnlyList<string> Proof);

/// <summary>
/// The log's public face: the latest signed checkpoint, their history, and proofs against them. Anyone may read them:
/// their worth is that an outsider checks them with the hub's public keys alone.
/// </summary>
public static class LogEndpoints
{
    public const int MaxPageSize = 200;

    /// <summary>404: no checkpoint of <paramref name="size"/> leaves, or none at all when no size is named.</summary>
    internal static IResult NoCheckpoint(long? size) => Problems.Of(StatusCodes.Status404NotFound, "no-checkpoint", "No such checkpoint.",
        size is null ? "The log has not signed a checkpoint yet." : $"No checkpoint of {size} leaves was signed.");

    /// <summary>The latest signed checkpoint, a C2SP tlog-checkpoint signed note (Ed25519 and SM2 signature lines).</summary>
    [WolverineGet("/log/checkpoint", Name = "GetLogCheckpoint")]
    [ProblemCodes(404, "no-checkpoint")]
    [AllowAnonymous]
    [Tags("Transparency log")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/plain")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> GetCheckpoint(IQuerySession session, HttpContext http) =>
        await Checkpoints.Latest(session, http.RequestAborted) is { } latest
            ? Results.Text(latest.Note, "text/plain; charset=utf-8")
            : NoCheckpoint(null);

    /// <summary>The log's public keys, one C2SP verifier key (<c>name+hex(key id)+base64(type ‖ key)</c>) a line: Ed25519, then SM2.</summary>
    [WolverineGet("/log/keys", Name = "GetLogKeys")]
    [AllowAnonymous]
    [Tags("Transparency log")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/plain")]
    public static IResult GetKeys(LogKeys keys) =>
        Results.Text(string.Concat(keys.VerifierKeys.Select(k => k.VerifierKey + "\n")), "text/plain; charset=utf-8");

    /// <summary>Every checkpoint the log signed, newest first.</summary>
    [WolverineGet("/log/checkpoints", Name = "GetLogCheckpoints")]
    [ProblemCodes(400, "out-of-range", "validation-failed")]
    [AllowAnonymous]
    [Tags("Transparency log")]
    [ProducesResponseType<CheckpointPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> GetCheckpoints(int? page, int? pageSize, IQuerySession session, HttpContext http)
    {
        var input = new Validation();
        var paging = Paging.Read(input, page, pageSize, MaxPageSize);
        if (input.Failed) return input.Problem();
        return TypedResults.Ok(new CheckpointPage(paging.Page, paging.PageSize, await Checkpoints.Page(session, paging, http.RequestAborted)));
    }

    /// <summary>
    /// The inclusion proof of one event, named by its sequence (<c>seq</c>, as citations give it), by its stream and version
    /// (<c>stream</c> and <c>version</c>, e.g. a list item's id and the event version) or by its leaf index (<c>index</c>),
    /// against the checkpoint of <c>size</c> leaves (default: the latest).
    /// </summary>
    [WolverineGet("/log/inclusion", Name = "GetLogInclusionProof")]
    [ProblemCodes(400, "required", "out-of-range", "validation-failed")]
    [ProblemCodes(404, "no-checkpoint")]
    [AllowAnonymous]
    [Tags("Transparency log")]
    [ProducesResponseType<InclusionProof>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> GetInclusion(long? seq, long? index, Guid? stream, long? version, long? size, IQuerySession session, HttpContext http)
    {
        var input = new Validation();
        var named = (seq is null ? 0 : 1) + (index is null ? 0 : 1) + (stream is null && version is null ? 0 : 1);
        input.Check(named == 1, seq is null ? "seq" : "index", "required", "give exactly one of seq, index, or stream with version.");
        input.Check(stream is null == version is null, stream is null ? "stream" : "version", "required", "stream and version go together.");
        input.Check(seq is null or >= 1, "seq", "out-of-range", "must be at least 1.");
        input.Check(version is null or >= 1, "version", "out-of-range", "must be at least 1.");
        input.Check(index is null or >= 0, "index", "out-of-range", "must be at least 0.");
        input.Check(size is null or >= 1, "size", "out-of-range", "must be at least 1.");
        if (input.Failed) return input.Problem();

        var ct = http.RequestAborted;
        var checkpoint = await LogExport.CheckpointOf(session, size, ct);
        if (checkpoint is null) return NoCheckpoint(size);
        var leaf = await LogStore.LeafAt(session, index, seq, stream is { } s2 ? (s2, version!.Value) : null, ct);
        if (leaf is null || leaf.Index >= checkpoint.Size)
            return Problems.NotFound(index is not null ? $"Leaf {index} of the checkpoint of {checkpoint.Size} leaves"
                : $"Event {seq?.ToString() ?? $"{stream} version {version}"} in the checkpoint of {checkpoint.Size} leaves");
        var proof = await LogStore.RangeHashes(session, Merkle.InclusionPath(leaf.Index, checkpoint.Size), ct);
        return TypedResults.Ok(new InclusionProof(leaf.Index, leaf.Sequence, Convert.ToBase64String(leaf.Hash), checkpoint.Size, checkpoint.RootHash,
            [.. proof.Select(Convert.ToBase64String)], checkpoint.Note));
    }

    /// <summary>The consistency proof from the tree of <c>from</c> leaves to the tree of <c>to</c> leaves (default: the latest checkpoint's size).</summary>
    [WolverineGet("/log/consistency", Name = "GetLogConsistencyProof")]
    [ProblemCodes(400, "out-of-range", "validation-failed")]
    [ProblemCodes(404, "no-checkpoint")]
    [AllowAnonymous]
    [Tags("Transparency log")]
    [ProducesResponseType<ConsistencyProof>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> GetConsistency([System.ComponentModel.DataAnnotations.Required] long from, long? to, IQuerySession session, HttpContext http)
    {
        var ct = http.RequestAborted;
        var target = to ?? (await Checkpoints.Latest(session, ct))?.Size;
        if (target is null) return NoCheckpoint(null);
        var logSize = await LogStore.Size(session, ct);
        var input = new Validation();
        input.Check(from >= 1 && from <= target, "from", "out-of-range", $"must be between 1 and {target}.");
        input.Check(target <= logSize, "to", "out-of-range", $"must be at most the log's size, {logSize}.");
        if (input.Failed) return input.Problem();

        var hashes = await LogStore.RangeHashes(session, [.. Merkle.ConsistencyPath(from, target.Value), new LeafRange(0, target.Value)], ct);
        return TypedResults.Ok(new ConsistencyProof(from, target.Value, Convert.ToBase64String(hashes[^1]), [.. hashes[..^1].Select(Convert.ToBase64String)]));
    }

    /// <summary>
    /// A stream's events (e.g. an entry's whole history: its id is the stream's) as NDJSON, each with its leaf index and
    /// inclusion proof, after a first line holding the signed checkpoint of <c>size</c> leaves (default: the latest) they
    /// are proven against (see <see cref="LogExport"/>). Self-contained: <c>cataloghub-audit verify export</c> checks it
    /// with the log's public keys alone. Auditors and hub administrators.
    /// </summary>
    [WolverineGet("/audit/log/export", Name = "ExportLogStream")]
    [ProblemCodes(400, "required", "out-of-range", "validation-failed")]
    [ProblemCodes(404, "no-checkpoint")]
    [Authorize(Policy = Policies.HistoryExport)]
    [Tags("Transparency log")]
    [ProducesResponseType<ProvenEvent>(StatusCodes.Status200OK, LogExport.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Export([System.ComponentModel.DataAnnotations.Required] Guid? stream, long? size, IDocumentStore store, HttpContext http)
    {
        var input = new Validation();
        input.Check(stream is not null, "stream", "required", "is required: the id of the stream (an entry, a list, a licence…) to export.");
        input.Check(size is null or >= 1, "size", "out-of-range", "must be at least 1.");
        if (input.Failed) return input.Problem();

        var ct = http.RequestAborted;
        // A session of its own: the body is written after this method returns, and must outlive the handler's.
        var session = store.QuerySession();
        var checkpoint = await LogExport.CheckpointOf(session, size, ct);
        var count = checkpoint is null ? default : await LogExport.Count(session, stream!.Value, checkpoint.Size, ct);
        if (checkpoint is null || count is (0, 0))
        {
            await session.DisposeAsync();
            return checkpoint is null
                ? NoCheckpoint(size)
                : Problems.NotFound($"The stream {stream}");
        }
        return Results.Stream(async body =>
        {
            await using (session)
                await LogExport.Write(new ExportHeader(LogExport.Format, stream, count.Covered, count.Later, checkpoint.Note),
                    LogExport.OfStream(session, stream!.Value, checkpoint.Size, http.RequestAborted), body, http.RequestAborted);
        }, LogExport.MediaType);
    }

    /// <summary>
    /// Recomputes every leaf from the events as stored and every signed checkpoint's root from those leaves; names each leaf
    /// whose event was altered or deleted, and each checkpoint the store no longer matches. Auditors only.
    /// </summary>
    [WolverineGet("/audit/log/verify", Name = "VerifyLog")]
    [Authorize(Policy = Policies.Auditor)]
    [Tags("Transparency log")]
    [ProducesResponseType<LogVerification>(StatusCodes.Status200OK)]
    public static Task<LogVerification> Verify(IQuerySession session, TimeProvider clock, HttpContext http) =>
        LogVerifier.Verify(session, clock.GetUtcNow(), http.RequestAborted);
}
