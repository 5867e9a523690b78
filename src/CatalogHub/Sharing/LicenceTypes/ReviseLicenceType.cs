
namespace CatalogHub.Sharing.LicenceTypes;

/// <summary>Replaces the draft; on a published type this opens the draft of its next version.</summary>
public sealed record ReviseLicenceType(LicenceTypeContent Content, string Reason);

public static class ReviseLicenceTypeEndpoint
{
    [WolverinePut("/sharing/licence-types/{id}/draft", Name = "ReviseLicenceType")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: licence types")]
    [ProducesResponseType<LicenceTypeDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public static Task<IResult> Put(Guid id, ReviseLicenceType command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var input = new Validation();
        LicenceTypeRules.Check(input, command.Content);
        return PublicationWrites.Revise<LicenceType>(id, command.Reason, input, http, user, session, clock,
            (by, now) => new LicenceTypeDraftRevised(id, command.Content, by, now), LicenceTypeDraftView.Of);
    }
}
