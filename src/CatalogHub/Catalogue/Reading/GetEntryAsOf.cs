
namespace CatalogHub.Catalogue.Reading;

public static class GetEntryAsOfEndpoint
{
    /// <summary>The version of an entry in legal force at <c>asOf</c> (now when omitted), citing it. Public.</summary>
    [WolverineGet("/catalogue/entries/{id}", Name = "GetEntryAsOf")]
    [AllowAnonymous]
    [Tags("Catalogue: reading")]
    [ProducesResponseType<PublishedEntryView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, string? asOf, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        if (!Instants.TryParse(asOf, clock.GetUtcNow(), out var instant, out var problem)) return problem!;
        return AsOfReads.Answer(await EntryQueries.AsOf(session, id, instant, http.RequestAborted), id, instant, PublishedEntryView.From);
    }
}
