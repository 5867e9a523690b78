
namespace CatalogHub.Sharing.LicenceTypes;

/// <summary>
/// The licence catalogue's lifecycle steps: the very steps, rules and commands of the base catalogue
/// (<see cref="PublicationWrites"/>), recording the licence type's own events. The issuing department submits
/// and withdraws; the region's catalogue manager publishes and repeals.
/// </summary>
public static class PublishingLicenceTypesEndpoint
{
    [WolverinePost("/sharing/licence-types/{id}/submit", Name = "SubmitLicenceType")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: licence types")]
    [ProducesResponseType<LicenceTypeDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Submit(Guid id, SubmitForReview command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationWrites.Submit<LicenceType>(id, command, http, user, session,
            (_, caller) => new LicenceTypeSubmittedForReview(id, caller.DepartmentCode, clock.GetUtcNow()), LicenceTypeDraftView.Of);

    [WolverinePost("/sharing/licence-types/{id}/withdraw", Name = "WithdrawLicenceType")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: licence types")]
    [ProducesResponseType<LicenceTypeDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Withdraw(Guid id, WithdrawDraft command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationWrites.Withdraw<LicenceType>(id, command, http, user, session,
            (_, caller) => new LicenceTypeDraftWithdrawn(id, caller.DepartmentCode, clock.GetUtcNow()), LicenceTypeDraftView.Of);

    [WolverinePost("/sharing/licence-types/{id}/publish", Name = "PublishLicenceType")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: licence types")]
    [ProducesResponseType<LicenceTypeDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Publish(Guid id, Publish command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return PublicationWrites.Publish<LicenceType>(id, command, http, user, session, now, (_, _) => Task.FromResult<IResult?>(null),
            (type, caller, effectiveAt) => new LicenceTypePublished(id, type.Lifecycle.LatestVersion + 1, type.Code, type.OwnerDepartmentId,
                type.IssuerCode, type.Draft, effectiveAt, command.Note, caller.DepartmentCode, now), LicenceTypeDraftView.Of);
    }

    [WolverinePost("/sharing/licence-types/{id}/repeal", Name = "RepealLicenceType")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: licence types")]
    [ProducesResponseType<LicenceTypeDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Repeal(Guid id, Repeal command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return PublicationWrites.Repeal<LicenceType>(id, command, http, user, session, now,
            (_, caller, effectiveAt) => new LicenceTypeRepealed(id, effectiveAt, command.Reason, command.Basis, caller.DepartmentCode, now),
            LicenceTypeDraftView.Of);
    }
}
