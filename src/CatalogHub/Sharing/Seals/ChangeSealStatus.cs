using Wolverine;

namespace CatalogHub.Sharing.Seals;

/// <summary>Suspends, reinstates or revokes a seal from <paramref name="EffectiveAt"/> (now when omitted, never earlier).</summary>
public sealed record ChangeSealStatus(DateTimeOffset? EffectiveAt, string Reason);

/// <summary>
/// The seal's owner department (or a hub-admin) suspends it (暂停), reinstates it or revokes it (吊销) for good.
/// Revoking a revoked seal again is a no-op.
/// </summary>
public static class ChangeSealStatusEndpoint
{
    [WolverinePost("/sharing/seals/{id}/suspend", Name = "SuspendSeal")]
    [ProblemCodes(403, "not-seal-owner")]
    [ProblemCodes(typeof(SealRules), nameof(SealRules.CanChange))]
    [ProblemCodes(typeof(StatusTimeline), nameof(StatusTimeline.CanAppend))]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: seals")]
    [ProducesResponseType<SealView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Suspend(Guid id, ChangeSealStatus command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMessageBus bus) =>
        Change(id, command, SealStatus.Suspended, http, user, session, clock, bus,
            (at, by, now) => new SealSuspended(id, at, command.Reason, by, now));

    [WolverinePost("/sharing/seals/{id}/reinstate", Name = "ReinstateSeal")]
    [ProblemCodes(403, "not-seal-owner")]
    [ProblemCodes(typeof(SealRules), nameof(SealRules.CanChange))]
    [ProblemCodes(typeof(StatusTimeline), nameof(StatusTimeline.CanAppend))]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: seals")]
    [ProducesResponseType<SealView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Reinstate(Guid id, ChangeSealStatus command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMessageBus bus) =>
        Change(id, command, SealStatus.Active, http, user, session, clock, bus,
            (at, by, now) => new SealReinstated(id, at, command.Reason, by, now));

    [WolverinePost("/sharing/seals/{id}/revoke", Name = "RevokeSeal")]
    [ProblemCodes(403, "not-seal-owner")]
    [ProblemCodes(typeof(SealRules), nameof(SealRules.CanChange))]
    [ProblemCodes(typeof(StatusTimeline), nameof(StatusTimeline.CanAppend))]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: seals")]
    [ProducesResponseType<SealView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Revoke(Guid id, ChangeSealStatus command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMessageBus bus) =>
        Change(id, command, SealStatus.Revoked, http, user, session, clock, bus,
            (at, by, now) => new SealRevoked(id, at, command.Reason, by, now));

    private static Task<IResult> Change(Guid id, ChangeSealStatus command, SealStatus to, HttpContext http, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, IMessageBus bus, Func<DateTimeOffset, string, DateTimeOffset, object> @event)
    {
        var now = clock.GetUtcNow();
        var effectiveAt = command.EffectiveAt ?? now;
        return StreamWrites.Change<Seal>(id, command.Reason, new Validation(), http, user, session,
            (caller, seal) => caller.DepartmentId == seal.DepartmentId || caller.Has(Role.HubAdmin) ? null
                : Problems.Forbidden("not-seal-owner", "Only the seal's department or a hub-admin may change its status."),
            (seal, caller) => to == SealStatus.Revoked && seal.LatestStatus == SealStatus.Revoked ? Decision.Nothing
                : Decision.Unless(SealRules.CanChange(seal, to, effectiveAt, now), () => @event(effectiveAt, caller.DepartmentCode, now)),
            (seal, version) => SealView.Of(seal, now, version), bus);
    }
}
