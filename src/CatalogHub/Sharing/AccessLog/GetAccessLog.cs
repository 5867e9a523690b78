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
    public const int ExportBatch = 500;

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
    [ProblemCodes(typeof(HolderIds), nameof(HolderIds.Check))]
    [ProblemCodes(400, "one-holder")]
    [ProblemCodes(typeof(AccessLogFilter), nameof(AccessLogFilter.Read))]
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
        if (search.HolderId is not null && HolderIds.Check(input, "holderId", search.HolderId))
            input.Check(search.HolderRef is null, "holderRef", "one-holder", "give a holder's ID or their reference, not both.");
        var holderRef = search.HolderId is not null && !input.Failed ? vault.RefOf(search.HolderId) : search.HolderRef;
        var filter = AccessLogFilter.Read(input, search.ConsumerCode, holderRef, search.TypeCode, search.PurposeItemId, search.Outcome, search.ReasonCode,
            search.From, search.To, clock.GetUtcNow(), out var bad);
        if (filter is null) return bad!;
        return await Page(input, filter, search.After ?? 0, null, search.PageSize, inclusionProofs, checkpoint, session, http.RequestAborted);
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
    /// Every record the filters select, oldest first, as NDJSON (one <see cref="AccessRecord"/> a line), written in batches so that
    /// memory stays bounded however long the period. Auditors only.
    /// </summary>
    [WolverineGet("/sharing/access-log/export", Name = "ExportAccessLog")]
    [ProblemCodes(typeof(AccessLogFilter), nameof(AccessLogFilter.Read))]
    [ProblemCodes(400, "validation-failed")]
    [Authorize(Policy = Policies.Auditor)]
    [Tags("Sharing: access log")]
    [ProducesResponseType<AccessRecord>(StatusCodes.Status200OK, LogExport.MediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static IResult Export(string? consumerCode, string? holderRef, string? typeCode, Guid? purposeItemId, string? outcome, string? reasonCode,
        string? from, string? to, IDocumentStore store, TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        var filter = AccessLogFilter.Read(input, consumerCode, holderRef, typeCode, purposeItemId, outcome, reasonCode, from, to, clock.GetUtcNow(), out var bad);
        if (filter is null) return bad!;
        if (input.Failed) return input.Problem();
        return Results.Stream(async body =>
        {
            // A session of its own: the body is written after this method returns.
            await using var session = store.QuerySession();
            await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(false), bufferSize: -1, leaveOpen: true) { NewLine = "\n" };
            for (long after = 0; ;)
            {
                var cursor = after;
                var batch = await filter.Apply(session.Query<AccessRecord>()).Where(r => r.Sequence > cursor).OrderBy(r => r.Sequence)
                    .Take(ExportBatch).ToListAsync(http.RequestAborted);
                foreach (var record in batch) await writer.WriteLineAsync(JsonSerializer.Serialize(record, ApiJson.Options));
                await writer.FlushAsync(http.RequestAborted);
                if (batch.Count < ExportBatch) break;
                after = batch[^1].Sequence;
            }
        }, LogExport.MediaType);
    }
}
