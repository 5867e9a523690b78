using Wolverine;

namespace CatalogHub.Sharing.Licences;

/// <summary>Suspends, reinstates or revokes (注销) a licence from <paramref name="EffectiveAt"/> (now when omitted, never earlier).</summary>
public sealed record ChangeLicenceStatus(DateTimeOffset? EffectiveAt, string Reason);

public static class LicenceAccess
{
    [ProblemCodes(403, "not-licence-issuer")]
    public static IResult? IssuerOnly(Caller caller, Licence licence) =>
        caller.DepartmentId == licence.IssuerDepartmentId ? null
            : Problems.Forbidden("not-licence-issuer", "Only the licence's issuing department may change it.");
}

/// <summary>The issuing department changes a licence's status; each change is an event, the history stays.</summary>
public static class ChangeLicenceStatusEndpoint
{
    [WolverinePost("/sharing/licences/{id}/suspend", Name = "SuspendLicence")]
    [ProblemCodes(typeof(LicenceAccess), nameof(LicenceAccess.IssuerOnly))]
    [ProblemCodes(typeof(ChangeLicenceStatusEndpoint), nameof(ChangeLicenceStatusEndpoint.CanChange))]
    [ProblemCodes(typeof(StatusTimeline), nameof(StatusTimeline.CanAppend))]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [Authorize(Policy = Policies.LicenceIssuer)]
    [Tags("Sharing: licences")]
    [ProducesResponseType<LicenceView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Suspend(Guid id, ChangeLicenceStatus command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMessageBus bus) =>
        Change(id, command, LicenceStatus.Suspended, http, user, session, clock, bus, (at, by, now) => new LicenceSuspended(id, at, command.Reason, by, now));

    [WolverinePost("/sharing/licences/{id}/reinstate", Name = "ReinstateLicence")]
    [ProblemCodes(typeof(LicenceAccess), nameof(LicenceAccess.IssuerOnly))]
    [ProblemCodes(typeof(ChangeLicenceStatusEndpoint), nameof(ChangeLicenceStatusEndpoint.CanChange))]
    [ProblemCodes(typeof(StatusTimeline), nameof(StatusTimeline.CanAppend))]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [Authorize(Policy = Policies.LicenceIssuer)]
    [Tags("Sharing: licences")]
    [ProducesResponseType<LicenceView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Reinstate(Guid id, ChangeLicenceStatus command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMessageBus bus) =>
        Change(id, command, LicenceStatus.Valid, http, user, session, clock, bus, (at, by, now) => new LicenceReinstated(id, at, command.Reason, by, now));

    [WolverinePost("/sharing/licences/{id}/revoke", Name = "RevokeLicence")]
    [ProblemCodes(typeof(LicenceAccess), nameof(LicenceAccess.IssuerOnly))]
    [ProblemCodes(typeof(ChangeLicenceStatusEndpoint), nameof(ChangeLicenceStatusEndpoint.CanChange))]
    [ProblemCodes(typeof(StatusTimeline), nameof(StatusTimeline.CanAppend))]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [Authorize(Policy = Policies.LicenceIssuer)]
    [Tags("Sharing: licences")]
    [ProducesResponseType<LicenceView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Revoke(Guid id, ChangeLicenceStatus command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMessageBus bus) =>
        Change(id, command, LicenceStatus.Revoked, http, user, session, clock, bus, (at, by, now) => new LicenceRevoked(id, at, command.Reason, by, now));

    /// <summary>Records that the validity period has ended; refused before ValidTo. Recording it twice is a no-op.</summary>
    [WolverinePost("/sharing/licences/{id}/expire", Name = "RecordLicenceExpiry")]
    [ProblemCodes(typeof(LicenceAccess), nameof(LicenceAccess.IssuerOnly))]
    [ProblemCodes(422, "licence-still-valid")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [Authorize(Policy = Policies.LicenceIssuer)]
    [Tags("Sharing: licences")]
    [ProducesResponseType<LicenceView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static Task<IResult> Expire(Guid id, ChangeLicenceStatus command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return StreamWrites.Change<Licence>(id, command.Reason, new Validation(), http, user, session, LicenceAccess.IssuerOnly,
            (licence, caller) => licence.LatestStatus is LicenceStatus.Expired or LicenceStatus.Revoked ? Decision.Nothing
                : now < licence.ValidTo ? Decision.Refuse(Problems.Rule("licence-still-valid", $"The licence is valid until {licence.ValidTo:O}."))
                : Decision.Record(new LicenceExpired(id, licence.ValidTo, caller.DepartmentCode, now)),
            (licence, version) => LicenceView.Of(licence, now, version));
    }

    private static Task<IResult> Change(Guid id, ChangeLicenceStatus command, LicenceStatus to, HttpContext http, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, IMessageBus bus, Func<DateTimeOffset, string, DateTimeOffset, object> @event)
    {
        var now = clock.GetUtcNow();
        var effectiveAt = command.EffectiveAt ?? now;
        return StreamWrites.Change<Licence>(id, command.Reason, new Validation(), http, user, session, LicenceAccess.IssuerOnly,
            (licence, caller) => to == LicenceStatus.Revoked && licence.LatestStatus == LicenceStatus.Revoked ? Decision.Nothing
                : Decision.Unless(CanChange(licence, to, effectiveAt, now), () => @event(effectiveAt, caller.DepartmentCode, now)),
            (licence, version) => LicenceView.Of(licence, now, version), bus);
    }

    [ProblemCodes(422, "licence-ended", "licence-not-valid", "licence-not-suspended")]
    private static IResult? CanChange(Licence licence, LicenceStatus to, DateTimeOffset effectiveAt, DateTimeOffset now)
    {
        if (licence.LatestStatus is LicenceStatus.Revoked or LicenceStatus.Expired)
            return Problems.Rule("licence-ended", $"The licence is {licence.LatestStatus}; its status can no longer change.");
        if (to == LicenceStatus.Suspended && licence.LatestStatus != LicenceStatus.Valid)
            return Problems.Rule("licence-not-valid", "Only a valid licence can be suspended.");
        if (to == LicenceStatus.Valid && licence.LatestStatus != LicenceStatus.Suspended)
            return Problems.Rule("licence-not-suspended", "Only a suspended licence can be reinstated.");
        return StatusTimeline.CanAppend(licence.Changes, effectiveAt, now);
    }
}
