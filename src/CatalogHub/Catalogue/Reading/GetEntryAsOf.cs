
namespace CatalogHub.Catalogue.Reading;

public static class GetEntryAsOfEndpoint
{
    /// <summary>
    /// The version of an entry in legal force at <c>asOf</c> (now when omitted), citing it. Public. With <c>inclusionProofs=true</c>,
    /// also the citation's inclusion proof against the latest signed checkpoint, or the one of <c>checkpoint</c> leaves.
    /// </summary>
    [WolverineGet("/catalogue/entries/{id}", Name = "GetEntryAsOf")]
    [AllowAnonymous]
    [Tags("Catalogue: reading")]
    [ProducesResponseType<PublishedEntryView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, string? asOf, bool? inclusionProofs, long? checkpoint, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        if (!Instants.TryParse(asOf, clock.GetUtcNow(), out var instant, out var problem)) return problem!;
        var input = new Validation();
        Audit.Log.CitationProof.Check(input, inclusionProofs, checkpoint);
        if (input.Failed) return input.Problem();
        return AsOfReads.Answer(await EntryQueries.AsOf(session, id, instant, http.RequestAborted), id, instant, PublishedEntryView.From, inclusionProofs, checkpoint);
    }
}
