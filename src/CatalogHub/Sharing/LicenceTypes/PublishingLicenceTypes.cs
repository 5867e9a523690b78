using System.Security.Claims;
using CatalogHub.Catalogue.Drafting;
using CatalogHub.Catalogue.Publishing;
using CatalogHub.Catalogue.Repealing;
using CatalogHub.Platform;
using CatalogHub.Publication;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CatalogHub.Sharing.LicenceTypes;

/// <summary>
/// The licence catalogue's lifecycle steps: the very steps, rules and commands of the base catalogue
/// (<see cref="PublicationSteps"/>), recording the licence type's own events. The issuing department submits
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
        PublicationSteps.Submit<LicenceType>(id, command.Reason, http, user, session, clock,
            (by, now) => new LicenceTypeSubmittedForReview(id, by, now), LicenceTypeDraftView.Of);

    [WolverinePost("/sharing/licence-types/{id}/withdraw", Name = "WithdrawLicenceType")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: licence types")]
    [ProducesResponseType<LicenceTypeDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Withdraw(Guid id, WithdrawDraft command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationSteps.Withdraw<LicenceType>(id, command.Reason, http, user, session, clock,
            (by, now) => new LicenceTypeDraftWithdrawn(id, by, now), LicenceTypeDraftView.Of);

    [WolverinePost("/sharing/licence-types/{id}/publish", Name = "PublishLicenceType")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: licence types")]
    [ProducesResponseType<LicenceTypeDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Publish(Guid id, PublishEntry command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationSteps.Publish<LicenceType>(id, command.EffectiveAt, command.Note, command.Reason, http, user, session, clock,
            (type, version, effectiveAt, by, now) => new LicenceTypePublished(id, version, type.Code, type.OwnerDepartmentId, type.IssuerCode,
                type.Draft, effectiveAt, command.Note, by, now), LicenceTypeDraftView.Of);

    [WolverinePost("/sharing/licence-types/{id}/repeal", Name = "RepealLicenceType")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: licence types")]
    [ProducesResponseType<LicenceTypeDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Repeal(Guid id, RepealEntry command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationSteps.Repeal<LicenceType>(id, command.EffectiveAt, command.Basis, command.Reason, http, user, session, clock,
            (effectiveAt, by, now) => new LicenceTypeRepealed(id, effectiveAt, command.Reason, command.Basis, by, now), LicenceTypeDraftView.Of);
}
