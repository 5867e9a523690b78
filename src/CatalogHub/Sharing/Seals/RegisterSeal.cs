
namespace CatalogHub.Sharing.Seals;

/// <summary>Registers an e-seal of the caller's department.</summary>
/// <param name="Kind">公章, 行政审批专用章, 电子证照专用章, 业务专用章, 合同专用章 or 财务专用章.</param>
/// <param name="PublicKeyPem">An X.509 certificate or a SubjectPublicKeyInfo, PEM-encoded, on the algorithm's curve.</param>
/// <param name="ValidFrom">Now when omitted.</param>
public sealed record RegisterSeal(
    string Name, string Kind, SealAlgorithm Algorithm, string PublicKeyPem, DateTimeOffset? ValidFrom, DateTimeOffset ValidTo, string Reason);

public static class RegisterSealEndpoint
{
    [WolverinePost("/sharing/seals", Name = "RegisterSeal"), Idempotent]
    [ProblemCodes(400, "unknown-seal-kind", "invalid-public-key", "out-of-range")]
    [Authorize(Policy = Policies.LicenceIssuer)]
    [Tags("Sharing: seals")]
    [ProducesResponseType<SealView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static IResult Post(RegisterSeal command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var validFrom = command.ValidFrom ?? now;
        var input = new Validation();
        input.Text("name", command.Name, 100);
        if (input.Text("kind", command.Kind, 20))
            input.Check(Seal.Kinds.Contains(command.Kind), "kind", "unknown-seal-kind", $"must be one of {string.Join("、", Seal.Kinds)}.");
        if (input.Text("publicKeyPem", command.PublicKeyPem, 8000) && SealKeys.Read(command.PublicKeyPem, command.Algorithm).Error is { } keyError)
            input.Add("publicKeyPem", "invalid-public-key", keyError);
        input.Check(command.ValidTo > validFrom && command.ValidTo > now, "validTo", "out-of-range", "must be after validFrom and in the future.");
        input.Text("reason", command.Reason, 500);
        if (input.Failed) return input.Problem();

        var caller = Caller.Required(user);
        var registered = new SealRegistered(Guid.CreateVersion7(), caller.DepartmentId, caller.DepartmentCode, command.Name, command.Kind,
            command.Algorithm, command.PublicKeyPem.Trim() + "\n", validFrom, command.ValidTo, caller.DepartmentCode, now);
        session.Events.StartStream<Seal>(registered.SealId, registered);
        session.Record(caller, command.Reason, http);
        http.SetETag(1);
        return Idempotency.Created(session, http, $"/sharing/seals/{registered.SealId}", SealView.Of(Seal.Create(registered), now, 1));
    }
}
