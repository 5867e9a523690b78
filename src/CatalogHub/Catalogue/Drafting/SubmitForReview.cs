using System.Security.Claims;
using CatalogHub.Publication;
using CatalogHub.Platform;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CatalogHub.Catalogue.Drafting;

public sealed record SubmitForReview(string Reason);

public static class SubmitForReviewEndpoint
{
    [WolverinePost("/catalogue/entries/{id}/submit", Name = "SubmitForReview")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: drafting")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, SubmitForReview command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationSteps.Submit<Entry>(id, command.Reason, http, user, session, clock,
            (by, now) => new EntrySubmittedForReview(id, by, now), EntryDraftView.Of);
}
