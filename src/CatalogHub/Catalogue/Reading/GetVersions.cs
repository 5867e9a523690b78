
namespace CatalogHub.Catalogue.Reading;

public static class GetVersionsEndpoint
{
    [WolverineGet("/catalogue/entries/{id}/versions", Name = "GetEntryVersions")]
    [AllowAnonymous]
    [Tags("Catalogue: reading")]
    [ProducesResponseType<VersionList>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> List(Guid id, IQuerySession session, HttpContext http) =>
        AsOfReads.Versions<EntryVersion, EntryRepeal>(session, EntryQueries.VersionsTable, "entry_id", id, "A published entry", http.RequestAborted);

    [WolverineGet("/catalogue/entries/{id}/versions/{version}", Name = "GetEntryVersion")]
    [AllowAnonymous]
    [Tags("Catalogue: reading")]
    [ProducesResponseType<PublishedEntryView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> One(Guid id, int version, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<EntryVersion>(EntryVersion.IdOf(id, version), http.RequestAborted) is { } found
            ? TypedResults.Ok(PublishedEntryView.From(found))
            : Problems.NotFound($"Version {version} of the entry");
}
