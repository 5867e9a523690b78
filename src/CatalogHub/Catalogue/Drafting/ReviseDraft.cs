
namespace CatalogHub.Catalogue.Drafting;

/// <summary>Replaces the draft's content. On a published entry this opens a new draft; published versions stay as they are.</summary>
public sealed record ReviseDraft(EntryContent Content, string Reason);

public static class ReviseDraftEndpoint
{
    [WolverinePut("/catalogue/entries/{id}/draft", Name = "ReviseDraft")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: drafting")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public static Task<IResult> Put(Guid id, ReviseDraft command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var input = new Validation();
        EntryContentRules.Check(input, command.Content);
        return PublicationWrites.Revise<Entry>(id, command.Reason, input, http, user, session, clock,
            (by, now) => new EntryDraftRevised(id, command.Content, by, now), EntryDraftView.Of);
    }
}
