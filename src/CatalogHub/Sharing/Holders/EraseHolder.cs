
namespace CatalogHub.Sharing.Holders;

/// <summary>A lawful erasure request for a holder's personal data.</summary>
public sealed record EraseHolder(string HolderId, string Basis, string Reason);

/// <summary>Recorded when a holder's data key is destroyed. Names the holder by keyed hash only.</summary>
public sealed record HolderErased(Guid ErasureId, string HolderRef, string Basis, string ErasedBy, DateTimeOffset ErasedAt);

public sealed record HolderErasure(string HolderRef, bool KeyDestroyed, DateTimeOffset At);

public static class EraseHolderEndpoint
{
    /// <summary>
    /// Destroys the holder's data key (crypto-shredding): every event and document keeps its ciphertext, which no one can
    /// read any more; the holder's licences then read and verify as erased. Other holders' keys are untouched. Repeating it
    /// is a no-op. Hub-admin only.
    /// </summary>
    [WolverinePost("/sharing/holders/erase", Name = "EraseHolder")]
    [ProblemCodes(typeof(HolderIds), nameof(HolderIds.Check))]
    [Authorize(Policy = Policies.HubAdmin)]
    [Tags("Sharing: holders")]
    [ProducesResponseType<HolderErasure>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Post(EraseHolder command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, HolderVault vault, TimeProvider clock)
    {
        var input = new Validation();
        HolderIds.Check(input, "holderId", command.HolderId);
        input.Text("basis", command.Basis, 500);
        input.Text("reason", command.Reason, 500);
        if (input.Failed) return input.Problem();

        var holderRef = vault.RefOf(command.HolderId);
        var now = clock.GetUtcNow();
        if (await session.LoadAsync<HolderKey>(holderRef, http.RequestAborted) is null)
            return TypedResults.Ok(new HolderErasure(holderRef, false, now));

        var caller = Caller.Required(user);
        session.Delete<HolderKey>(holderRef);
        var erased = new HolderErased(Guid.CreateVersion7(), holderRef, command.Basis, caller.DepartmentCode, now);
        session.Events.StartStream(erased.ErasureId, erased);
        session.Record(caller, command.Reason, http);
        return TypedResults.Ok(new HolderErasure(holderRef, true, now));
    }
}
