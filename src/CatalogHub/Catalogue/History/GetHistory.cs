namespace CatalogHub.Catalogue.History;

public sealed record EntryHistory(Guid Id, IReadOnlyList<RecordedEvent> Events);

public static class GetHistoryEndpoint
{
    /// <summary>Every event of the entry, drafts included, so it is for editors and auditors only.</summary>
    [WolverineGet("/catalogue/entries/{id}/history", Name = "GetEntryHistory")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Catalogue: history")]
    [ProducesResponseType<EntryHistory>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HttpContext http) =>
        await Publication.History.Read<Entry>(id, user, session, http.RequestAborted) is { } events
            ? TypedResults.Ok(new EntryHistory(id, events))
            : Problems.NotFound("The entry");
}
