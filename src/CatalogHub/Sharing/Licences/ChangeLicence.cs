using CatalogHub.Sharing.Holders;

namespace CatalogHub.Sharing.Licences;

/// <summary>变更: a newly signed document for the same licence (same type, issuer, serial and holder), next identifier version.</summary>
public sealed record ChangeLicence(LicenceDocument Document, string Reason);

public static class ChangeLicenceEndpoint
{
    [WolverinePut("/sharing/licences/{id}", Name = "ChangeLicence")]
    [ProblemCodes(typeof(LicenceDocuments), nameof(LicenceDocuments.Read))]
    [ProblemCodes(typeof(LicenceDocuments), nameof(LicenceDocuments.Accept))]
    [ProblemCodes(422, "holder-erased", "not-the-same-licence", "next-version-expected", "licence-revoked")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [Authorize(Policy = Policies.LicenceIssuer)]
    [Tags("Sharing: licences")]
    [ProducesResponseType<LicenceView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static async Task<IResult> Put(Guid id, ChangeLicence command, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        HolderVault vault, TimeProvider clock)
    {
        var input = new Validation();
        var document = LicenceDocuments.Read(input, command.Document);
        if (input.Failed) return input.Problem();
        var now = clock.GetUtcNow();
        var (accepted, problem) = await LicenceDocuments.Accept(session, document!, Caller.Required(user), now, http.RequestAborted);
        if (problem is not null) return problem;
        var content = document!.Content;
        var holderRef = vault.RefOf(content.Holder.Id);
        // Never creates a key: a change keeps the holder, whose key exists unless the holder was erased.
        if (await vault.Encrypt(session, holderRef, document.Canonical, now, http.RequestAborted, createKey: false) is not { } sealedDocument)
            return Problems.Rule("holder-erased", "The holder's data was erased; the licence can no longer change.");

        return await StreamWrites.Change<Licence>(id, command.Reason, new Validation(), http, user, session,
            LicenceAccess.IssuerOnly,
            (licence, caller) =>
                licence.SerialKey != Licence.SerialKeyOf(document.Identifier) || licence.HolderRef != holderRef
                    ? Decision.Refuse(Problems.Rule("not-the-same-licence", "A change keeps the type, issuer, serial and holder.", "document.content.identifier"))
                : document.Identifier.Version != LicenceIdentifier.Parse(licence.Identifier)!.Version + 1
                    ? Decision.Refuse(Problems.Rule("next-version-expected", "A change takes the next identifier version.", "document.content.identifier"))
                : licence.LatestStatus == LicenceStatus.Revoked
                    ? Decision.Refuse(Problems.Rule("licence-revoked", "A revoked licence cannot change."))
                : Decision.Record(new LicenceChanged(id, content.Identifier, content.TypeVersion, accepted!.Seal.Id, sealedDocument,
                    command.Document.Signature, content.ValidFrom, content.ValidTo, command.Reason, caller.DepartmentCode, now)),
            (licence, version) => LicenceView.Of(licence, now, version));
    }
}
