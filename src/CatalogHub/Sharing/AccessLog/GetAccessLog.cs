using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using CatalogHub.Audit.Log;
using CatalogHub.Sharing.Holders;

namespace CatalogHub.Sharing.AccessLog;

/// <summary>
/// A page of the access log, oldest first. Holders appear by keyed hash only. <c>NextAfter</c>, when more may follow, is the
/// cursor to pass as <c>after</c> for the next page (only when paging by cursor, <c>after</c> given).
/// </summary>
public sealed record AccessLogPage(long Total, int Page, int PageSize, IReadOnlyList<AccessRecord> Items,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? NextAfter = null);

/// <summary>
/// An auditor's question to the access log in a request body, so that a holder's ID (<c>HolderId</c>: a resident ID number or a
/// unified social credit code) reaches no URL and no web server's log; the hub looks it up by its keyed hash. The other members
/// are those of <c>GET /sharing/access-log</c>.
/// </summary>
public sealed record AccessLogSearch(string? HolderId = null, string? HolderRef = null, string? ConsumerCode = null, string? TypeCode = null,
    Guid? PurposeItemId = null, string? Outcome = null, string? ReasonCode = null, string? From = null, string? To = null, long? After = null, int? PageSize = null);

/// <summary>
/// The access log's filters, each optional and combined with "and": the reading department (<c>consumerCode</c>), the holder (by the
/// keyed hash the records show, <c>holderRef</c>; by clear ID only through <c>POST /sharing/access-log/search</c>), the licence type,
/// the purpose item, the outcome (<c>allowed</c>, <c>refused</c>), the refusal's reason code and the period [<c>from</c>, <c>to</c>).
/// </summary>
public sealed partial record AccessLogFilter(string? ConsumerCode, string? HolderRef, string? TypeCode, Guid? PurposeItemId, AccessOutcome? Outcome,
    string? ReasonCode, DateTimeOffset? From, DateTimeOffset? To)
{
    [GeneratedRegex("^h_[0-9a-f]{64}$")]
    private static partial Regex KeyedHash();

    /// <summary>Reads and checks the filters; a holder's clear ID in <paramref name="holderRef"/> is refused (it would sit in URLs and logs).</summary>
    [ProblemCodes(400, "too-long", "holder-id-in-url", "invalid-holder-ref", "unknown-outcome", "out-of-range")]
    public static AccessLogFilter? Read(Validation input, string? consumerCode, string? holderRef, string? typeCode, Guid? purposeItemId, string? outcome,
        string? reasonCode, string? from, string? to, DateTimeOffset now, out IResult? badInstant)
    {
        input.Text("consumerCode", consumerCode, 18, required: false);
        input.Text("typeCode", typeCode, 32, required: false);
        input.Text("reasonCode", reasonCode, 64, required: false);
        if (holderRef is not null && !KeyedHash().IsMatch(holderRef))
        {
            var clear = ResidentIdNumber.IsValid(holderRef) || UnifiedSocialCreditCode.IsValid(holderRef);
            input.Add("holderRef", clear ? "holder-id-in-url" : "invalid-holder-ref", clear
                ? "is a holder's ID: never put it in a URL; ask POST /sharing/access-log/search with holderId in the body."
                : "is not a holder reference as the access log shows it (h_ and 64 hexadecimal digits).");
        }
        AccessOutcome? wanted = outcome switch
        {
            null => null,
            "allowed" => AccessOutcome.Allowed,
            "refused" => AccessOutcome.Refused,
            _ => null,
        };
        input.Check(outcome is null || wanted is not null, "outcome", "unknown-outcome", "must be allowed or refused.");
        input.Check(purposeItemId != Guid.Empty, "purposeItemId", "required", "must name a service item, not the empty id.");
        badInstant = null;
        if (!Instants.TryParse(from, now, out var since, out badInstant, "from")) return null;
        if (!Instants.TryParse(to, now, out var until, out badInstant, "to")) return null;
        if (from is not null && to is not null) input.Check(since < until, "to", "out-of-range", "must be after from.");
        return new(consumerCode, holderRef, typeCode, purposeItemId, wanted, reasonCode, from is null ? null : since, to is null ? null : until);
    }

    public IQueryable<AccessRecord> Apply(IQueryable<AccessRecord> query)
    {
        if (ConsumerCode is { } consumer) query = query.Where(r => r.ConsumerCode == consumer);
        if (HolderRef is { } holder) query = query.Where(r => r.HolderRef == holder);
        if (TypeCode is { } type) query = query.Where(r => r.TypeCode == type);
        if (PurposeItemId is { } purpose) query = query.Where(r => r.PurposeItemId == purpose);
        if (Outcome is { } outcome) query = query.Where(r => r.Outcome == outcome);
        if (ReasonCode is { } reason) query = query.Where(r => r.ReasonCode == reason);
        if (From is { } since) query = query.Where(r => r.At >= since);
        if (To is { } until) query = query.Where(r => r.At < until);
        return query;
    }
}

public static class GetAccessLogEndpoint
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Every read of licence data, allowed or refused, filtered (<see cref="AccessLogFilter"/>), oldest first: by page, or by cursor
    /// (<c>after</c>: the <c>nextAfter</c> of the page before; 0 to start). With <c>inclusionProofs=true</c>, each record's own event
    /// and the purpose version it cites are proven against a signed checkpoint. Auditors only.
    /// </summary>
    [WolverineGet("/sharing/access-log", Name = "GetAccessLog")]
    [ProblemCodes(typeof(AccessLogFilter), nameof(AccessLogFilter.Read))]
    [ProblemCodes(typeof(GetAccessLogEndpoint), nameof(GetAccessLogEndpoint.Page))]
    [Authorize(Policy = Policies.Auditor)]
    [Tags("Sharing: access log")]
    [ProducesResponseType<AccessLogPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string? consumerCode, string? holderRef, string? typeCode, Guid? purposeItemId, string? outcome, string? reasonCode,
        string? from, string? to, long? after, int? page, int? pageSize, bool? inclusionProofs, long? checkpoint, IQuerySession session, TimeProvider clock,
        HttpContext http)
    {
        var input = new Validation();
        var filter = AccessLogFilter.Read(input, consumerCode, holderRef, typeCode, purposeItemId, outcome, reasonCode, from, to, clock.GetUtcNow(), out var bad);
        if (filter is null) return bad!;
        return await Page(input, filter, after, page, pageSize, inclusionProofs, checkpoint, session, http.RequestAborted);
    }

    /// <summary>
    /// The same question with the filters in the body, where a holder may be named by clear ID (<c>holderId</c>), which never goes
    /// in a URL. Pages by cursor (<c>after</c>). Auditors only.
    /// </summary>
    [WolverinePost("/sharing/access-log/search", Name = "SearchAccessLog")]
    [ProblemCodes(typeof(GetAccessLogEndpoint), nameof(Filter))]
    [ProblemCodes(typeof(GetAccessLogEndpoint), nameof(GetAccessLogEndpoint.Page))]
    [Authorize(Policy = Policies.Auditor)]
    [Tags("Sharing: access log")]
    [ProducesResponseType<AccessLogPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Search(AccessLogSearch search, bool? inclusionProofs, long? checkpoint, IQuerySession session, HolderVault vault,
        TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        var filter = Filter(input, search, vault, clock.GetUtcNow(), out var bad);
        if (filter is null) return bad!;
        return await Page(input, filter, search.After ?? 0, null, search.PageSize, inclusionProofs, checkpoint, session, http.RequestAborted);
    }

    /// <summary>The filters of a question in a body: a holder's clear ID becomes the keyed hash the records show.</summary>
    [ProblemCodes(typeof(HolderIds), nameof(HolderIds.Check))]
    [ProblemCodes(400, "one-holder")]
    [ProblemCodes(typeof(AccessLogFilter), nameof(AccessLogFilter.Read))]
    private static AccessLogFilter? Filter(Validation input, AccessLogSearch search, HolderVault vault, DateTimeOffset now, out IResult? bad)
    {
        if (search.HolderId is not null && HolderIds.Check(input, "holderId", search.HolderId))
            input.Check(search.HolderRef is null, "holderRef", "one-holder", "give a holder's ID or their reference, not both.");
        var holderRef = search.HolderId is not null && !input.Failed ? vault.RefOf(search.HolderId) : search.HolderRef;
        return AccessLogFilter.Read(input, search.ConsumerCode, holderRef, search.TypeCode, search.PurposeItemId, search.Outcome, search.ReasonCode,
            search.From, search.To, now, out bad);
    }

    [ProblemCodes(400, "out-of-range", "one-paging", "validation-failed")]
    [ProblemCodes(typeof(CitationProof), nameof(CitationProof.Check))]
    private static async Task<IResult> Page(Validation input, AccessLogFilter filter, long? after, int? page, int? pageSize, bool? inclusionProofs,
        long? checkpoint, IQuerySession session, CancellationToken ct)
    {
        var paging = Paging.Read(input, page, pageSize, MaxPageSize);
        input.Check(after is null or >= 0, "after", "out-of-range", "must be 0 or more.");
        input.Check(after is null || page is null, "page", "one-paging", "page by cursor (after) or by page number, not both.");
        CitationProof.Check(input, inclusionProofs, checkpoint);
        if (input.Failed) return input.Problem();

        var query = filter.Apply(session.Query<AccessRecord>());
        var total = await query.CountAsync(ct);
        if (after is { } cursor) query = query.Where(r => r.Sequence > cursor);
        var items = await query.OrderBy(r => r.Sequence).Skip(after is null ? paging.Offset : 0).Take(paging.PageSize).ToListAsync(ct);
        var next = after is not null && items.Count == paging.PageSize ? items[^1].Sequence : (long?)null;
        var answer = new AccessLogPage(total, paging.Page, paging.PageSize, items, next);
        return CitationProof.Answer(answer, inclusionProofs, checkpoint, Cited(items));
    }

    /// <summary>What an access record cites: its own event (the read, as recorded) and the purpose version that justified it.</summary>
    public static IEnumerable<long> Cited(IEnumerable<AccessRecord> records) =>
        records.SelectMany(r => r.PurposeCitation is { } c ? new[] { r.Sequence, c.Sequence } : [r.Sequence]);

    /// <summary>
    /// Marten's name for <see cref="LicenceDataAccessed"/> in the events it stores (its default: the type's name in snake case), which
    /// every leaf of an access-log export names: <c>cataloghub-audit verify export</c> holds each exported event to it.
    /// </summary>
    public const string EventType = "licence_data_accessed";

    /// <summary>
    /// Every record the filters select, oldest first, as NDJSON in the format of the log's stream export (<see cref="LogExport"/>): a first
    /// line with the signed checkpoint of <c>size</c> leaves (default: the latest) and the filters (<c>selection</c>), then each record as its
    /// event was recorded, with its leaf index and inclusion proof against that checkpoint. Self-contained: <c>cataloghub-audit verify
    /// export</c> checks it with the log's public keys alone. Records recorded after the checkpoint are counted (<c>later</c>), not
    /// exported. Written in batches, so that memory stays bounded however long the period. Auditors only.
    /// </summary>
    [WolverineGet("/sharing/access-log/export", Name = "ExportAccessLog")]
    [ProblemCodes(typeof(AccessLogFilter), nameof(AccessLogFilter.Read))]
    [ProblemCodes(typeof(GetAccessLogEndpoint), nameof(Exported))]
    [Authorize(Policy = Policies.Auditor)]
    [Tags("Sharing: access log")]
    [ProducesResponseType<ProvenEvent>(StatusCodes.Status200OK, LogExport.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Export(string? consumerCode, string? holderRef, string? typeCode, Guid? purposeItemId, string? outcome, string? reasonCode,
        string? from, string? to, long? size, IDocumentStore store, TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        var filter = AccessLogFilter.Read(input, consumerCode, holderRef, typeCode, purposeItemId, outcome, reasonCode, from, to, clock.GetUtcNow(), out var bad);
        if (filter is null) return bad!;
        return await Exported(input, filter, size, store, http);
    }

    /// <summary>The same export with the filters in the body, where a holder may be named by clear ID (<c>holderId</c>; <c>after</c> and <c>pageSize</c> do not apply). Auditors only.</summary>
    [WolverinePost("/sharing/access-log/export", Name = "ExportAccessLogSearch")]
    [ProblemCodes(typeof(GetAccessLogEndpoint), nameof(Filter))]
    [ProblemCodes(typeof(GetAccessLogEndpoint), nameof(Exported))]
    [Authorize(Policy = Policies.Auditor)]
    [Tags("Sharing: access log")]
    [ProducesResponseType<ProvenEvent>(StatusCodes.Status200OK, LogExport.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> ExportSearch(AccessLogSearch search, long? size, IDocumentStore store, HolderVault vault, TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        var filter = Filter(input, search, vault, clock.GetUtcNow(), out var bad);
        if (filter is null) return bad!;
        return await Exported(input, filter, size, store, http);
    }

    [ProblemCodes(400, "out-of-range", "validation-failed")]
    [ProblemCodes(404, "no-checkpoint")]
    private static async Task<IResult> Exported(Validation input, AccessLogFilter filter, long? size, IDocumentStore store, HttpContext http)
    {
        input.Check(size is null or >= 1, "size", "out-of-range", "must be at least 1.");
        if (input.Failed) return input.Problem();
        var ct = http.RequestAborted;
        // A session of its own: the body is written after this method returns, and must outlive the handler's.
        var session = store.QuerySession();
        var checkpoint = await LogExport.CheckpointOf(session, size, ct);
        if (checkpoint is null)
        {
            await session.DisposeAsync();
            return LogEndpoints.NoCheckpoint(size);
        }
        // Two passes over the selection, a batch of sequences at a time: the first line counts what the second pass writes.
        var count = await LogExport.Count(session, Sequences(session, filter, ct), checkpoint.Size, ct);
        var header = new ExportHeader(LogExport.AccessLogFormat, null, count.Covered, count.Later, checkpoint.Note,
            JsonSerializer.SerializeToElement(filter, ApiJson.Options));
        return Results.Stream(async body =>
        {
            await using (session)
                await LogExport.Write(header, LogExport.OfBatches(session, Sequences(session, filter, http.RequestAborted), checkpoint.Size, http.RequestAborted),
                    body, http.RequestAborted);
        }, LogExport.MediaType);
    }

    /// <summary>The sequences of the records the filters select, oldest first, a batch at a time (by cursor: bounded memory).</summary>
    private static async IAsyncEnumerable<long[]> Sequences(IQuerySession session, AccessLogFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        for (long after = 0; ;)
        {
            var cursor = after;
            var batch = await filter.Apply(session.Query<AccessRecord>()).Where(r => r.Sequence > cursor).OrderBy(r => r.Sequence)
                .Select(r => r.Sequence).Take(LogExport.BatchSize).ToListAsync(ct);
            if (batch.Count > 0) yield return [.. batch];
            if (batch.Count < LogExport.BatchSize) yield break;
            after = batch[^1];
        }
    }
}
