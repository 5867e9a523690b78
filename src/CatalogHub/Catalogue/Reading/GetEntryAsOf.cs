
namespace CatalogHub.Catalogue.Reading;

public static class GetEntryAsOfEndpoint
{
    /// <summary>The version of an entry in legal force at <c>asOf</c> (now when omitted), citing it. Public.</summary>
    [WolverineGet("/catalogue/entries/{id}", Name = "GetEntryAsOf")]
    [Tags("Catalogue: reading")]
    [ProducesResponseType<PublishedEntryView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, string? asOf, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        if (!Instants.TryParse(asOf, clock.GetUtcNow(), out var instant, out var problem)) return problem!;
        var (inForce, repeal) = await EntryQueries.AsOf(session, id, instant, http.RequestAborted);
        if (inForce is not null) return TypedResults.Ok(PublishedEntryView.From(inForce));
        if (repeal is not null && repeal.EffectiveAt <= instant)
        {
            var gone = Problems.Details(StatusCodes.Status404NotFound, "repealed", "The entry was repealed.",
                $"Repealed with effect from {repeal.EffectiveAt:O}: {repeal.Reason}");
            gone.Extensions["repeal"] = repeal.Citation;
            return Problems.Result(gone);
        }
        return Problems.Of(StatusCodes.Status404NotFound, "not-in-force", "No published version was in force at that instant.",
            $"Entry {id} had no version in legal effect at {instant:O} (it may be unpublished, a draft, or take effect later).");
    }
}
