using System.Text;
using CatalogHub.Sharing.Holders;
using CatalogHub.Sharing.Seals;

namespace CatalogHub.Sharing.Licences;

/// <summary>
/// Everything needed to verify a licence offline (docs/verify-offline.md): the signed bytes as text (the RFC 8785 form of
/// the content, to be saved byte for byte), the base64 DER signature, and the seal's algorithm and public key.
/// </summary>
public sealed record LicencePackage(
    string Identifier, string CanonicalContent, Guid SealId, SealAlgorithm Algorithm, string Signature, string SealPublicKeyPem);

public static class GetLicencePackageEndpoint
{
    /// <summary>The issuing department's copy of its licence document, to hand to the holder or an integrator.</summary>
    [WolverineGet("/sharing/licences/{id}/package", Name = "GetLicencePackage")]
    [ProblemCodes(410, "holder-erased")]
    [Authorize(Policy = Policies.LicenceIssuer)]
    [Tags("Sharing: licences")]
    [ProducesResponseType<LicencePackage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HolderVault vault, HttpContext http)
    {
        var licence = await session.LoadAsync<Licence>(id, http.RequestAborted);
        if (licence is null || licence.IssuerDepartmentId != Caller.Required(user).DepartmentId) return Problems.NotFound("The licence");
        var document = await vault.Decrypt(session, licence.HolderRef, licence.SealedDocument, http.RequestAborted);
        if (document is null)
            return Problems.Of(StatusCodes.Status410Gone, "holder-erased", "The holder's data was erased.", "The signed document can no longer be read.");
        var seal = (await session.LoadAsync<Seal>(licence.SealId, http.RequestAborted))!;
        return TypedResults.Ok(new LicencePackage(licence.Identifier, Encoding.UTF8.GetString(document), seal.Id, seal.Algorithm, licence.Signature, seal.PublicKeyPem));
    }
}
