using CatalogHub.Sharing.Holders;

namespace CatalogHub.Sharing.Licences;

/// <summary>Registers a licence the caller's department issued and signed. The hub verifies the signature first.</summary>
public sealed record IssueLicence(LicenceDocument Document, string Reason);

/// <summary>A licence as its issuer sees it: status and validity, never the holder in clear.</summary>
public sealed record LicenceView(
    Guid Id, string Identifier, IReadOnlyList<string> EarlierIdentifiers, string TypeCode, int TypeVersion, string IssuerCode,
    Guid SealId, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, DateTimeOffset AsOf, LicenceStatus Status,
    IReadOnlyList<StatusChange<LicenceStatus>> History, long Version)
{
    public static LicenceView Of(Licence l, DateTimeOffset asOf, long version) => new(
        l.Id, l.Identifier, l.EarlierIdentifiers, l.TypeCode, l.TypeVersion, l.IssuerCode, l.SealId, l.ValidFrom, l.ValidTo, asOf,
        l.StatusAt(asOf), l.Changes, version);
}

public static class IssueLicenceEndpoint
{
    [WolverinePost("/sharing/licences", Name = "IssueLicence"), Idempotent]
    [ProblemCodes(typeof(LicenceDocuments), nameof(LicenceDocuments.Read))]
    [ProblemCodes(typeof(LicenceDocuments), nameof(LicenceDocuments.Accept))]
    [ProblemCodes(409, "duplicate-licence")]
    [ProblemCodes(422, "first-version-expected")]
    [Authorize(Policy = Policies.LicenceIssuer)]
    [Tags("Sharing: licences")]
    [ProducesResponseType<LicenceView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static async Task<IResult> Post(IssueLicence command, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        HolderVault vault, TimeProvider clock)
    {
        var input = new Validation();
        var document = LicenceDocuments.Read(input, command.Document);
        input.Text("reason", command.Reason, 500);
        if (input.Failed) return input.Problem();

        var caller = Caller.Required(user);
        var now = clock.GetUtcNow();
        var ct = http.RequestAborted;
        var (accepted, problem) = await LicenceDocuments.Accept(session, document!, caller, now, ct);
        if (problem is not null) return problem;
        var serialKey = Licence.SerialKeyOf(document!.Identifier);
        if (await session.Query<Licence>().AnyAsync(l => l.SerialKey == serialKey, ct))
            return Problems.Conflict("duplicate-licence", "A licence with this type, issuer and serial is already registered; change it instead.",
                "document.content.identifier");
        if (document.Identifier.Version != 1)
            return Problems.Rule("first-version-expected", "A new licence starts at identifier version 001.", "document.content.identifier");

        var content = document.Content;
        var holderRef = vault.RefOf(content.Holder.Id);
        var issued = new LicenceIssued(Guid.CreateVersion7(), content.Identifier, serialKey, accepted!.Type.ItemId, content.TypeCode,
            content.TypeVersion, caller.DepartmentId, caller.DepartmentCode, content.Holder.Kind, holderRef, accepted.Seal.Id,
            (await vault.Encrypt(session, holderRef, document.Canonical, now, ct))!, command.Document.Signature,
            content.ValidFrom, content.ValidTo, caller.DepartmentCode, now);
        session.Events.StartStream<Licence>(issued.LicenceId, issued);
        session.Record(caller, command.Reason, http);
        http.SetETag(1);
        return Idempotency.Created(session, http, $"/sharing/licences/{issued.LicenceId}", LicenceView.Of(Licence.Create(issued), now, 1));
    }
}
