using System.Security.Claims;
using CatalogHub.Platform;
using CatalogHub.Publication;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CatalogHub.Catalogue.Drafting;

/// <summary>Discards the pending draft. A never-published entry is thereby closed; a published one keeps its versions.</summary>
public sealed record WithdrawDraft(string Reason);

public static class WithdrawDraftEndpoint
{
    [WolverinePost("/catalogue/entries/{id}/withdraw", Name = "WithdrawDraft")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: drafting")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, WithdrawDraft command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        PublicationSteps.Withdraw<Entry>(id, command.Reason, http, user, session, clock,
            (by, now) => new EntryDraftWithdrawn(id, by, now), EntryDraftView.Of);
}
