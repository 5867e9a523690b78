
namespace CatalogHub.ImplementationLists.Drafting;

/// <summary>Replaces the list's draft. On a published list this opens a new draft; published versions stay as they are.</summary>
public sealed record ReviseImplementationList(ImplementationListContent Content, string Reason);

public static class ReviseImplementationListEndpoint
{
    [WolverinePut("/implementation-lists/{id}/draft", Name = "ReviseImplementationList")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Implementation lists: drafting")]
    [ProducesResponseType<ImplementationListDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public static Task<IResult> Put(Guid id, ReviseImplementationList command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var input = new Validation();
        ImplementationListRules.Check(input, command.Content);
        return PublicationWrites.Change<ImplementationList>(id, command.Reason, input, http, user, session, PublicationAccess.MayEdit,
            (list, caller) => Decision.Unless(LifecycleRules.CanRevise(list.Lifecycle),
                () => new ImplementationListDraftRevised(id, command.Content, caller.DepartmentCode, clock.GetUtcNow())), ImplementationListDraftView.Of);
    }
}
