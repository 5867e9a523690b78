using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;
using CatalogHub.Publication.Lists;

namespace CatalogHub.Export;

/// <summary>The region's published catalogue in force at an instant, in the EU CPSV-AP 3.2.0 vocabulary, for registries.</summary>
public static class GetCpsvApCatalogueEndpoint
{
    public const string ContentType = "application/ld+json";
    private const int PageSize = 200;

    /// <summary>
    /// Every base catalogue entry (基本目录事项) of the region in force at <c>asOf</c> (now when omitted) as a
    /// cpsv:PublicService, with the implementation list (实施清单) in force for its item: JSON-LD with an embedded context.
    /// </summary>
    [WolverineGet("/regions/{regionCode}/catalogue.jsonld", Name = "GetRegionCatalogueCpsvAp")]
    [ReadsFromStandby]
    [AllowAnonymous]
    [Tags("Catalogue: reading")]
    [ProducesResponseType<CpsvApCatalogue>(StatusCodes.Status200OK, ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(string regionCode, string? asOf, string? knownAt, ISessionFactory sessions, TimeProvider clock, HttpContext http)
    {
        if (RegionCode.NoSuchRegion(regionCode) is { } unknown) return unknown;
        var input = new Validation();
        RegionCode.CheckKnown(input, "regionCode", regionCode);
        if (!Instants.TryParseClocks(asOf, knownAt, clock.GetUtcNow(), out var clocks, out var badInstant)) return badInstant!;
        if (input.Failed) return input.Problem();

        var ct = http.RequestAborted;
        await using var session = sessions.QuerySession();   // the standby's when one is configured (StandbyReads)
        List<ItemVersion<EntryContent>> entries = [];
        for (var page = 1; page <= Paging.MaxPage; page++)
        {
            var (total, rows) = await EntryQueries.InForce(session, new CatalogueFilter(regionCode), clocks, page, PageSize, ct);
            entries.AddRange(rows);
            if (rows.Count < PageSize || entries.Count >= total) break;
        }
        Dictionary<string, ItemVersion<ImplementationListContent>> lists = [];
        for (var page = 1; page <= Paging.MaxPage; page++)
        {
            var (total, rows) = await RegionReads.InForce<ItemVersion<ImplementationListContent>>(session, ImplementationListsList.Name,
                ImplementationListsList.Definition.VersionsTable, regionCode, clocks, new Paging(page, PageSize), ct);
            foreach (var list in rows) lists[list.Code] = list;
            if (rows.Count < PageSize || page * PageSize >= total) break;
        }

        return TypedResults.Json(CpsvApDocument.Of(regionCode, clocks, entries, lists), ApiJson.Options, ContentType);
    }
}
