using CatalogHub.Departments;
using CatalogHub.Sharing.AccessLog;

namespace CatalogHub.Sharing.Holders;

/// <summary>The holder whose data is asked about; the ID travels in the body, never in a URL.</summary>
public sealed record HolderAccessReportRequest(string HolderId);

public sealed record AccessReportEntry(
    DateTimeOffset At, string ConsumerCode, string? ConsumerName, string TypeCode, IReadOnlyList<string> Identifiers, IReadOnlyList<string> Fields,
    Guid PurposeItemId, string? PurposeItemName, Citation? PurposeCitation, AccessOutcome Outcome, string? ReasonCode);

/// <summary>Who read (or tried to read) the holder's licences, when and why, oldest first.</summary>
public sealed record HolderAccessReport(DateTimeOffset GeneratedAt, bool Erased, IReadOnlyList<AccessReportEntry> Reads);

/// <summary>
/// The holder-facing report (in the spirit of 000:11). Holders have no hub keys: the report is requested for them by
/// the city's portal, whose department (hub-admin) has already established the person's or organisation's identity
/// through its real-name authentication (实名认证), or by an auditor (监察/审计) supervising data use. The hub trusts
/// that department's key and records the request under it like every other write.
/// </summary>
public static class HolderReportsEndpoint
{
    [WolverinePost("/sharing/holders/access-report", Name = "GetHolderAccessReport")]
    [ProblemCodes(typeof(HolderIds), nameof(HolderIds.Check))]
    [Authorize(Policy = Policies.HolderReport)]
    [Tags("Sharing: holders")]
    [ProducesResponseType<HolderAccessReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Report(HolderAccessReportRequest request, IQuerySession session, HolderVault vault, TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        HolderIds.Check(input, "holderId", request.HolderId);
        if (input.Failed) return input.Problem();
        var holderRef = vault.RefOf(request.HolderId);
        var ct = http.RequestAborted;
        var records = await session.Query<AccessRecord>().Where(r => r.HolderRef == holderRef).OrderBy(r => r.Sequence).ToListAsync(ct);
        var codes = records.Select(r => r.ConsumerCode).Distinct().ToList();
        var names = (await session.Query<Department>().Where(d => codes.Contains(d.Code)).ToListAsync(ct)).ToDictionary(d => d.Code, d => d.Name);
        var erased = await session.LoadAsync<HolderKey>(holderRef, ct) is null
                     && await session.Query<Licences.Licence>().AnyAsync(l => l.HolderRef == holderRef, ct);
        return TypedResults.Ok(new HolderAccessReport(clock.GetUtcNow(), erased, [.. records.Select(r => new AccessReportEntry(
            r.At, r.ConsumerCode, names.GetValueOrDefault(r.ConsumerCode), r.TypeCode, r.Identifiers, r.Fields, r.PurposeItemId, r.PurposeItemName,
            r.PurposeCitation, r.Outcome, r.ReasonCode))]));
    }
}

/// <summary>The two kinds of holder ID: a resident ID number (GB 11643) or a unified social credit code (GB 32100).</summary>
public static class HolderIds
{
    [ProblemCodes(400, "invalid-holder-id")]
    public static bool Check(Validation v, string field, string? holderId) =>
        v.Text(field, holderId, 18)
        && v.Check(ResidentIdNumber.IsValid(holderId) || UnifiedSocialCreditCode.IsValid(holderId), field, "invalid-holder-id",
            "is neither a valid resident ID number (GB 11643) nor a unified social credit code (GB 32100).");
}
