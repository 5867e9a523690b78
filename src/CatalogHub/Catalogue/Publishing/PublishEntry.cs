using System.Security.Claims;
using CatalogHub.Platform;
using CatalogHub.Publication;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CatalogHub.Catalogue.Publishing;

/// <summary>Publishes the reviewed draft as the next immutable version.</summary>
/// <param name="EffectiveAt">When the version takes legal effect; now when omitted, and never earlier than now.</param>
public sealed record PublishEntry(DateTimeOffset? EffectiveAt, string? Note, string Reason);

public static class PublishEntryEndpoint
{
    [WolverinePost("/catalogue/entries/{id}/publish", Name = "PublishEntry")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Catalogue: publishing")]
    [ProducesResponseType<EntryDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Post(Guid id, PublishEntry command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMessageBus bus) =>
        PublicationSteps.Publish<Entry>(id, command.EffectiveAt, command.Note, command.Reason, http, user, session, clock,
            (entry, version, effectiveAt, by, now) => new EntryPublished(id, version, entry.ItemCode, entry.RegionCode, entry.DerivedFrom,
                entry.Draft, effectiveAt, command.Note, by, now), EntryDraftView.Of, bus);
}
