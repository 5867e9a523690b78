namespace CatalogHub.Filing.Acknowledging;

/// <param name="Reason">Why, for the audit trail (e.g. 已审查，与市级目录一致).</param>
/// <param name="Note">What the city tells the county about the filing, if anything.</param>
public sealed record AcknowledgeFiling(string Reason, string? Note);

public static class AcknowledgeFilingEndpoint
{
    /// <summary>
    /// The city's catalogue manager acknowledges a filed county version. If-Match: the filing's ETag ("0" before the
    /// first acknowledgement). Acknowledging again records nothing.
    /// </summary>
    [WolverinePost("/filings/{list}/{itemId}/{version}/acknowledge", Name = "AcknowledgeFiling")]
    [ProblemCodes(403, "filing-acknowledged-by-parent-region")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Filing")]
    [ProducesResponseType<FilingView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public static async Task<IResult> Post(string list, Guid itemId, int version, AcknowledgeFiling command, HttpContext http, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock)
    {
        var input = new Validation();
        input.Text("reason", command.Reason, 500);
        input.Text("note", command.Note, 2000, required: false);
        if (input.Failed) return input.Problem();
        var (expected, precondition) = FilingAccess.ExpectedVersion(http);
        if (expected is null) return precondition!;

        var caller = Caller.Required(user);
        var filing = FilingConfiguration.IsFiledList(list) ? await FilingReads.One(session, list, itemId, version, http.RequestAborted) : null;
        if (filing is null || !FilingAccess.MaySee(caller, filing.RegionCode)) return Problems.NotFound("The filing");
        if (!FilingAccess.IsCityManager(caller, filing.RegionCode))
            return Problems.Forbidden("filing-acknowledged-by-parent-region",
                $"A filing of {filing.RegionCode} is acknowledged by the catalogue manager of {filing.ParentRegionCode}.");

        var stream = await session.Events.FetchForWriting<FilingAcknowledgement>(
            FilingStreams.Acknowledgement(list, itemId, version), http.RequestAborted);
        if (stream.CurrentVersion != expected)
            return Problems.PreconditionFailed($"You sent version {expected}; the filing is at version {stream.CurrentVersion}.");
        if (stream.Aggregate is not null)
        {
            http.SetETag(filing.Version);
            return TypedResults.Ok(filing);
        }

        var acknowledged = new FilingAcknowledged(stream.Id, list, itemId, version, filing.RegionCode, caller.DepartmentCode, clock.GetUtcNow(),
            string.IsNullOrWhiteSpace(command.Note) ? null : command.Note);
        stream.AppendOne(acknowledged);
        session.Record(caller, command.Reason, http);
        http.SetETag(1);
        return TypedResults.Ok(filing with
        {
            Status = FilingStatus.Acknowledged, Acknowledgement = FilingAcknowledgement.Create(acknowledged) with { Version = 1 }, Version = 1,
        });
    }
}
