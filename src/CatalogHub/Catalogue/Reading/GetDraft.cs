
namespace CatalogHub.Catalogue.Reading;

public static class GetDraftEndpoint
{
    /// <summary>
    /// The working state of an entry, draft included, with its ETag. Visible to the owning department, the
    /// region's catalogue manager and auditors; to anyone else the entry's draft does not exist (404).
    /// </summary>
    [WolverineGet("/catalogue/entries/{id}/draft", Name = "GetEntryDraft")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Catalogue: drafting")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HttpContext http) =>
        DraftReads.Read<Entry>(id, user, session, http, "The entry", e => e.Version, EntryDraftView.Of);
}
