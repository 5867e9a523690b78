
namespace CatalogHub.Catalogue.Reading;

/// <summary>A page of entries in force at one instant as known at another; each item cites the version it shows.</summary>
public sealed record CataloguePage(DateTimeOffset AsOf, DateTimeOffset KnownAt, long Total, int Page, int PageSize, IReadOnlyList<PublishedEntryView> Items);

/// <summary>Public listings of what is in legal force: a region's catalogue, a lookup by provincial code, dependents of a law.</summary>
public static class ListCatalogueEndpoint
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// A region's entries in force at <c>asOf</c> as known at <c>knownAt</c> (both now when omitted), each citing its version; with
    /// <c>inclusionProofs=true</c>, every citation of the page proven against the latest signed checkpoint, or the one of <c>checkpoint</c> leaves.
    /// </summary>
    [WolverineGet("/regions/{regionCode}/catalogue", Name = "GetRegionCatalogue")]
    [ProblemCodes(400, "unknown-category", "out-of-range")]
    [ProblemCodes(typeof(Audit.Log.CitationProof), nameof(Audit.Log.CitationProof.Check))]
    [ReadsFromStandby]
    [AllowAnonymous]
    [Tags("Catalogue")]
    [ProducesResponseType<CataloguePage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> Region(string regionCode, string? asOf, string? knownAt, string? category, string? department, string? q,
        int? page, int? pageSize, bool? inclusionProofs, long? checkpoint, ISessionFactory sessions, TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        if (RegionCode.NoSuchRegion(regionCode) is { } unknown) return Task.FromResult(unknown);
        RegionCode.CheckKnown(input, "regionCode", regionCode);
        input.Text("q", q, 100, required: false);
        input.Text("department", department, 200, required: false);
        if (category is not null)
            input.Check(EntryContentRules.Categories.Contains(category), "category", "unknown-category", "is not a catalogue category.");
        Audit.Log.CitationProof.Check(input, inclusionProofs, checkpoint);
        return List(new CatalogueFilter(regionCode, category, department, q), input, asOf, knownAt, page, pageSize, sessions, clock, http, inclusionProofs, checkpoint);
    }

    /// <summary>Entries in force that carry this external source id (the provincial catalogue's code).</summary>
    [WolverineGet("/catalogue/by-source/{sourceId}", Name = "GetEntriesBySource")]
    [ProblemCodes(400, "required", "too-long", "out-of-range", "validation-failed")]
    [ReadsFromStandby]
    [AllowAnonymous]
    [Tags("Catalogue")]
    [ProducesResponseType<CataloguePage>(StatusCodes.Status200OK)]
    public static Task<IResult> BySource(string sourceId, string? asOf, string? knownAt, int? page, int? pageSize, ISessionFactory sessions, TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        input.Text("sourceId", sourceId, 64);
        return List(new CatalogueFilter(null, ExternalSourceId: sourceId), input, asOf, knownAt, page, pageSize, sessions, clock, http);
    }

    /// <summary>"Which published items rely on law X, article Y": entries in force citing that basis.</summary>
    [WolverineGet("/catalogue/relying-on", Name = "GetEntriesRelyingOn")]
    [ProblemCodes(400, "required", "too-long", "invalid-region-code", "unknown-region", "out-of-range", "validation-failed")]
    [ReadsFromStandby]
    [AllowAnonymous]
    [Tags("Catalogue")]
    [ProducesResponseType<CataloguePage>(StatusCodes.Status200OK)]
    public static Task<IResult> RelyingOn(string? title, string? article, string? regionCode, string? asOf, string? knownAt, int? page, int? pageSize,
        ISessionFactory sessions, TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        input.Text("title", title, 200);
        input.Text("article", article, 100, required: false);
        if (regionCode is not null) RegionCode.CheckKnown(input, "regionCode", regionCode);
        return List(new CatalogueFilter(regionCode, BasisTitle: title, BasisArticle: article), input, asOf, knownAt, page, pageSize, sessions, clock, http);
    }

    private static async Task<IResult> List(CatalogueFilter filter, Validation input, string? asOf, string? knownAt, int? page, int? pageSize,
        ISessionFactory sessions, TimeProvider clock, HttpContext http, bool? inclusionProofs = null, long? checkpoint = null)
    {
        var paging = Paging.Read(input, page, pageSize, MaxPageSize);
        if (!Instants.TryParseClocks(asOf, knownAt, clock.GetUtcNow(), out var clocks, out var badInstant)) return badInstant!;
        if (input.Failed) return input.Problem();

        // The standby's session when one is configured (StandbyReads): Wolverine's own session would always be the primary's.
        await using var session = sessions.QuerySession();
        var (total, rows) = await EntryQueries.InForce(session, filter, clocks, paging.Page, paging.PageSize, http.RequestAborted);
        var answer = new CataloguePage(clocks.AsOf, clocks.KnownAt, total, paging.Page, paging.PageSize, [.. rows.Select(PublishedEntryView.From)]);
        return Audit.Log.CitationProof.Answer(answer, inclusionProofs, checkpoint, answer.Items.Select(i => i.Citation.Sequence));
    }
}
