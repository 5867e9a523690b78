namespace CatalogHub.Audit.Integrity;

public sealed record SealResult(long Sealed);

public static class IntegrityEndpoints
{
    /// <summary>Tamper evidence: recomputes the keyed digest chain of every event (or of one stream) and reports any change.</summary>
    [WolverineGet("/audit/integrity", Name = "VerifyIntegrity")]
    [Authorize(Policy = Policies.Auditor)]
    [Tags("Audit")]
    [ProducesResponseType<IntegrityReport>(StatusCodes.Status200OK)]
    public static Task<IntegrityReport> Verify(Guid? streamId, IQuerySession session, SealKey key, TimeProvider clock, HttpContext http) =>
        Verification.Verify(session, key, streamId, clock.GetUtcNow(), http.RequestAborted);

    /// <summary>Seals all events recorded so far now, rather than at the background sealer's next tick.</summary>
    [WolverinePost("/audit/integrity/seal", Name = "SealEvents")]
    [Authorize(Policy = Policies.Auditor)]
    [Tags("Audit")]
    [ProducesResponseType<SealResult>(StatusCodes.Status200OK)]
    public static async Task<SealResult> Seal(Sealer sealer, HttpContext http) => new(await sealer.SealAll(http.RequestAborted));
}
