using System.Text.Json;
using CatalogHub.Sharing.LicenceTypes;
using CatalogHub.Sharing.Seals;

namespace CatalogHub.Sharing.Licences;

/// <summary>A licence document whose shape is right: its content, parsed identifier, the exact signed bytes and the signature.</summary>
public sealed record ReadDocument(LicenceContent Content, LicenceIdentifier.Parts Identifier, byte[] Canonical, byte[] Signature, Guid SealId);

/// <summary>A document that passed every rule: the type version it follows and the seal that signed it.</summary>
public sealed record AcceptedDocument(ReadDocument Document, ItemVersion<LicenceTypeContent> Type, Seal Seal);

/// <summary>
/// The checks a signed licence document passes before the hub accepts it, first its shape (400: every error at once),
/// then the rules against the store (the type in force, the face schema, the issuer's seal, the signature).
/// </summary>
public static class LicenceDocuments
{
    [ProblemCodes(400, "invalid-licence-content", "invalid-signature-encoding", "invalid-identifier", "identifier-type-mismatch", "identifier-issuer-mismatch", "out-of-range", "invalid-resident-id", "invalid-credit-code")]
    public static ReadDocument? Read(Validation v, LicenceDocument? document)
    {
        if (document is null) { v.Add("document", "required", "is required."); return null; }
        LicenceContent? content = null;
        if (document.Content.ValueKind != JsonValueKind.Object) v.Add("document.content", "required", "must be the signed content object.");
        else
        {
            try
            {
                content = document.Content.Deserialize<LicenceContent>(ApiJson.Options);
            }
            catch (JsonException e)
            {
                v.Add("document.content" + (e.Path is { Length: > 1 } p ? p.TrimStart('$') : ""), "invalid-licence-content", e.Message);
            }
        }
        byte[]? signature = null;
        if (v.Text("document.signature", document.Signature, 400))
        {
            signature = new byte[document.Signature.Length];
            if (!Convert.TryFromBase64String(document.Signature, signature, out var length))
                v.Add("document.signature", "invalid-signature-encoding", "must be the base64 of a DER-encoded signature.");
            else signature = signature[..length];
        }
        if (content is null) return null;

        var parts = LicenceIdentifier.Parse(content.Identifier);
        if (parts is null)
            v.Add("document.content.identifier", "invalid-identifier",
                "must be 1.2.156.3005.2.{type code}.{issuer code}.{serial}.{3-digit version}.{ISO 7064 MOD 37,36 check character}.");
        else
        {
            v.Check(parts.TypeCode == content.TypeCode, "document.content.identifier", "identifier-type-mismatch", "names another licence type than typeCode.");
            v.Check(parts.IssuerCode == content.IssuerCode, "document.content.identifier", "identifier-issuer-mismatch", "names another issuer than issuerCode.");
        }
        CheckHolder(v, content.Holder);
        v.Check(content.ValidTo > content.ValidFrom, "document.content.validTo", "out-of-range", "must be after validFrom.");
        v.Check(content.FaceData.ValueKind == JsonValueKind.Object, "document.content.faceData", "required", "must be an object.");
        return v.Failed ? null : new ReadDocument(content, parts!, CanonicalJson.Serialize(document.Content), signature!, document.SealId);
    }

    private static void CheckHolder(Validation v, LicenceHolder? holder)
    {
        if (holder is null) { v.Add("document.content.holder", "required", "is required."); return; }
        v.Text("document.content.holder.name", holder.Name, 200);
        if (!v.Text("document.content.holder.id", holder.Id, 18)) return;
        if (holder.Kind == HolderKind.Person)
            v.Check(ResidentIdNumber.IsValid(holder.Id), "document.content.holder.id", "invalid-resident-id",
                "is not a valid resident ID number (GB 11643 check character).");
        else
            v.Check(UnifiedSocialCreditCode.IsValid(holder.Id), "document.content.holder.id", "invalid-credit-code",
                "is not a valid unified social credit code (GB 32100 check character).");
    }

    /// <summary>The rules against the store; the caller must be the issuer named in the content.</summary>
    [ProblemCodes(403, "not-issuer", "not-type-issuer")]
    [ProblemCodes(422, "type-not-in-force", "type-version-not-in-force", "holder-kind-mismatch", "face-data-invalid", "unknown-seal", "seal-of-another-department", "seal-revoked", "seal-not-active", "bad-signature")]
    public static async Task<(AcceptedDocument? Accepted, IResult? Problem)> Accept(
        IQuerySession session, ReadDocument document, Caller caller, DateTimeOffset now, CancellationToken ct)
    {
        var content = document.Content;
        if (content.IssuerCode != caller.DepartmentCode)
            return (null, Problems.Forbidden("not-issuer", "A department issues licences in its own name only (issuerCode)."));
        var (type, inForce) = await LicenceTypesList.InForce(session, content.TypeCode, now, ct);
        if (inForce is null)
            return (null, Problems.Rule("type-not-in-force", $"No published licence type {content.TypeCode} is in force.", "document.content.typeCode"));
        if (type!.OwnerDepartmentId != caller.DepartmentId)
            return (null, Problems.Forbidden("not-type-issuer", $"Licence type {content.TypeCode} is issued by {type.OwnerDepartmentCode} only."));
        if (content.TypeVersion != inForce.Version)
            return (null, Problems.Rule("type-version-not-in-force",
                $"Version {inForce.Version} of {content.TypeCode} is in force; the face data must follow it.", "document.content.typeVersion"));
        if (content.Holder.Kind != inForce.Content.HolderKind)
            return (null, Problems.Rule("holder-kind-mismatch", $"{inForce.Content.Name} is held by a {inForce.Content.HolderKind}.", "document.content.holder.kind"));
        if (FaceSchema.Violations(inForce.Content.FaceSchema, content.FaceData, "document.content.faceData") is { Count: > 0 } violations)
            return (null, Problems.Rule("face-data-invalid", "The face data breaks the licence type's schema.", violations[0].Field, violations));

        var seal = await session.LoadAsync<Seal>(document.SealId, ct);
        if (seal is null) return (null, Problems.Rule("unknown-seal", "No seal with this id is registered.", "document.sealId"));
        if (seal.DepartmentId != caller.DepartmentId)
            return (null, Problems.Rule("seal-of-another-department", "The licence must be signed with one of the issuer's own seals.", "document.sealId"));
        var status = seal.StatusAt(now);
        if (status != SealStatus.Active)
            return (null, Problems.Rule(status == SealStatus.Revoked ? "seal-revoked" : "seal-not-active",
                $"The seal is {status} now; sign with an active seal.", "document.sealId"));
        var (key, _) = SealKeys.Read(seal.PublicKeyPem, seal.Algorithm);
        if (!SealKeys.Verify(seal.Algorithm, key!, document.Canonical, document.Signature))
            return (null, Problems.Rule("bad-signature",
                "The signature does not verify over the RFC 8785 canonical form of the content with this seal's key.", "document.signature"));
        return (new AcceptedDocument(document, inForce, seal), null);
    }
}
