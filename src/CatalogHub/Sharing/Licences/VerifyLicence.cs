using System.Text.Json.Serialization;
using CatalogHub.Sharing.Holders;
using CatalogHub.Sharing.Seals;

namespace CatalogHub.Sharing.Licences;

/// <summary>Asks whether a licence document is genuine and in force at <paramref name="AsOf"/> (now when omitted).</summary>
public sealed record VerifyLicence(LicenceDocument Document, DateTimeOffset? AsOf);

[JsonConverter(typeof(JsonStringEnumConverter<VerificationOutcome>))]
public enum VerificationOutcome
{
    [JsonStringEnumMemberName("valid")] Valid,
    /// <summary>The signature does not verify, or the document differs from the one the issuer registered.</summary>
    [JsonStringEnumMemberName("tampered")] Tampered,
    /// <summary>No seal with this id, or not a seal of the issuer the content names.</summary>
    [JsonStringEnumMemberName("unknown-seal")] UnknownSeal,
    [JsonStringEnumMemberName("seal-revoked")] SealRevoked,
    [JsonStringEnumMemberName("seal-suspended")] SealSuspended,
    /// <summary>Signed by the issuer's seal, but never registered with the hub.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
    /// <summary>A version the issuer has since replaced by a change (变更).</summary>
    [JsonStringEnumMemberName("superseded")] Superseded,
    [JsonStringEnumMemberName("revoked")] Revoked,
    [JsonStringEnumMemberName("suspended")] Suspended,
    [JsonStringEnumMemberName("expired")] Expired,
    [JsonStringEnumMemberName("not-yet-valid")] NotYetValid,
    /// <summary>The holder's data was erased: the hub can no longer compare the document with what it registered.</summary>
    [JsonStringEnumMemberName("erased")] Erased,
}

public sealed record LicenceVerification(VerificationOutcome Outcome, string Identifier, DateTimeOffset AsOf, Guid SealId, SealStatus? SealStatus, LicenceStatus? LicenceStatus);

public static class VerifyLicenceEndpoint
{
    /// <summary>
    /// Verifies a licence document as of an instant: the seal (known, the issuer's, its status then), the signature over
    /// the RFC 8785 canonical content, then the registered licence (same document, its status then). Public: it reveals
    /// nothing the caller did not send.
    /// </summary>
    [WolverinePost("/sharing/licences/verify", Name = "VerifyLicence")]
    [ProblemCodes(typeof(LicenceDocuments), nameof(LicenceDocuments.Read))]
    [AllowAnonymous]
    [Tags("Sharing: licences")]
    [ProducesResponseType<LicenceVerification>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Post(VerifyLicence command, IQuerySession session, HolderVault vault, TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        var document = LicenceDocuments.Read(input, command.Document);
        if (input.Failed) return input.Problem();
        var asOf = command.AsOf ?? clock.GetUtcNow();
        var identifier = document!.Content.Identifier;
        LicenceVerification Answer(VerificationOutcome outcome, SealStatus? seal = null, LicenceStatus? licence = null) =>
            new(outcome, identifier, asOf, document.SealId, seal, licence);

        var sealRecord = await session.LoadAsync<Seal>(document.SealId, http.RequestAborted);
        if (sealRecord is null || sealRecord.DepartmentCode != document.Content.IssuerCode)
            return TypedResults.Ok(Answer(VerificationOutcome.UnknownSeal));
        var (key, _) = SealKeys.Read(sealRecord.PublicKeyPem, sealRecord.Algorithm);
        if (!SealKeys.Verify(sealRecord.Algorithm, key!, document.Canonical, document.Signature))
            return TypedResults.Ok(Answer(VerificationOutcome.Tampered));
        var sealStatus = sealRecord.StatusAt(asOf);
        if (sealStatus == SealStatus.Revoked) return TypedResults.Ok(Answer(VerificationOutcome.SealRevoked, sealStatus));
        if (sealStatus == SealStatus.Suspended) return TypedResults.Ok(Answer(VerificationOutcome.SealSuspended, sealStatus));

        var serialKey = Licence.SerialKeyOf(document.Identifier);
        var licence = await session.Query<Licence>().FirstOrDefaultAsync(l => l.SerialKey == serialKey, http.RequestAborted);
        if (licence is null) return TypedResults.Ok(Answer(VerificationOutcome.Unknown, sealStatus));
        if (licence.Identifier != identifier)
            return TypedResults.Ok(Answer(licence.EarlierIdentifiers.Contains(identifier) ? VerificationOutcome.Superseded : VerificationOutcome.Unknown, sealStatus));
        var registered = await vault.Decrypt(session, licence.HolderRef, licence.SealedDocument, http.RequestAborted);
        if (registered is null) return TypedResults.Ok(Answer(VerificationOutcome.Erased, sealStatus));
        if (!registered.AsSpan().SequenceEqual(document.Canonical)) return TypedResults.Ok(Answer(VerificationOutcome.Tampered, sealStatus));

        var status = licence.StatusAt(asOf);
        return TypedResults.Ok(Answer(status switch
        {
            LicenceStatus.Valid => VerificationOutcome.Valid,
            LicenceStatus.Revoked => VerificationOutcome.Revoked,
            LicenceStatus.Suspended => VerificationOutcome.Suspended,
            LicenceStatus.Expired => VerificationOutcome.Expired,
            _ => VerificationOutcome.NotYetValid,
        }, sealStatus, status));
    }
}
