
namespace CatalogHub.Catalogue.Reading;

/// <summary>Every published version of an entry (oldest first) and its repeal, if any. Drafts are not versions.</summary>
public sealed record EntryVersionList(Guid Id, IReadOnlyList<Citation> Versions, RepealCitation? Repeal);

public static class GetVersionsEndpoint
{
    [WolverineGet("/catalogue/entries/{id}/versions", Name = "GetEntryVersions")]
    [Tags("Catalogue: reading")]
    [ProducesResponseType<EntryVersionList>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> List(Guid id, IQuerySession session, HttpContext http)
    {
        var versions = await session.Query<EntryVersion>().Where(v => v.EntryId == id).OrderBy(v => v.Version)
            .ToListAsync(http.RequestAborted);
        if (versions.Count == 0) return Problems.NotFound("A published entry");
        var repeal = await session.LoadAsync<EntryRepeal>(id, http.RequestAborted);
        return TypedResults.Ok(new EntryVersionList(id, [.. versions.Select(v => v.Citation)], repeal?.Citation));
    }

    [WolverineGet("/catalogue/entries/{id}/versions/{version}", Name = "GetEntryVersion")]
    [Tags("Catalogue: reading")]
    [ProducesResponseType<PublishedEntryView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> One(Guid id, int version, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<EntryVersion>(EntryVersion.IdOf(id, version), http.RequestAborted) is { } found
            ? TypedResults.Ok(PublishedEntryView.From(found))
            : Problems.NotFound($"Version {version} of the entry");
}
