namespace CatalogHub.Filing.Reading;

public static class GetFilingsEndpoint
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// What the counties of the caller's region filed (备案, 004:11, 002:12): every published version of a county item
    /// derived from a city item, newest first, each with its diff against the city version in force when it took
    /// effect. For the region's catalogue manager.
    /// </summary>
    [WolverineGet("/filings", Name = "ListFilings")]
    [ProblemCodes(400, "unknown-list", "invalid-status", "out-of-range", "validation-failed")]
    [ProblemCodes(403, "filings-for-catalogue-managers")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Filing")]
    [ProducesResponseType<FilingPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task<IResult> List(string? list, string? status, int? page, int? pageSize, ClaimsPrincipal user, IQuerySession session,
        HttpContext http)
    {
        var input = new Validation();
        if (list is not null) input.Check(FilingConfiguration.IsFiledList(list), "list", "unknown-list", $"'{list}' is not a list counties derive items of.");
        FilingStatus? wanted = status switch
        {
            null => null,
            "acknowledged" => FilingStatus.Acknowledged,
            "unacknowledged" => FilingStatus.Unacknowledged,
            _ => null,
        };
        input.Check(status is null || wanted is not null, "status", "invalid-status", "must be 'acknowledged' or 'unacknowledged'.");
        var paging = Paging.Read(input, page, pageSize, MaxPageSize);
        if (input.Failed) return input.Problem();

        var caller = Caller.Required(user);
        if (!caller.Has(Role.CatalogueManager))
            return Problems.Forbidden("filings-for-catalogue-managers", "Filings are addressed to a region's catalogue manager (政务服务管理部门).");
        return TypedResults.Ok(await FilingReads.Page(session, caller.RegionCode, list, wanted, paging, http.RequestAborted));
    }

    /// <summary>One filed version, for the city's catalogue manager or the county's departments; its ETag is the filing's own stream version.</summary>
    [WolverineGet("/filings/{list}/{itemId}/{version}", Name = "GetFiling")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Filing")]
    [ProducesResponseType<FilingView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> One(string list, Guid itemId, int version, ClaimsPrincipal user, IQuerySession session, HttpContext http)
    {
        var filing = FilingConfiguration.IsFiledList(list) ? await FilingReads.One(session, list, itemId, version, http.RequestAborted) : null;
        if (filing is null || !FilingAccess.MaySee(Caller.Required(user), filing.RegionCode)) return Problems.NotFound("The filing");
        http.SetETag(filing.Version);
        return TypedResults.Ok(filing);
    }
}
