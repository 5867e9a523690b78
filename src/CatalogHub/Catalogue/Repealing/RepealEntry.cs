using System.Security.Claims;
using CatalogHub.Platform;
using CatalogHub.Publication;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CatalogHub.Catalogue.Repealing;

/// <summary>Ends the legal effect of an entry at <paramref name="EffectiveAt"/> (now when omitted), citing why (取消、调整, 002:12).</summary>
public sealed record RepealEntry(DateTimeOffset? EffectiveAt, string Basis, string Reason);

public static class RepealEntryEndpoint
{
    [WolverinePost("/catalogue/entries/{id}/repeal", Name = "RepealEntry")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: publishing")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, RepealEntry command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMessageBus bus) =>
        PublicationSteps.Repeal<Entry>(id, command.EffectiveAt, command.Basis, command.Reason, http, user, session, clock,
            (effectiveAt, by, now) => new EntryRepealed(id, effectiveAt, command.Reason, command.Basis, by, now), EntryDraftView.Of, bus);
}
