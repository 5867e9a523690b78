using System.Text;
using System.Text.Json.Serialization;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities.IO.Pem;
using Org.BouncyCastle.X509;

namespace CatalogHub.Sharing.Seals;

/// <summary>The signature algorithms a seal may use. Signatures are DER-encoded (r, s) sequences, as OpenSSL writes them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SealAlgorithm>))]
public enum SealAlgorithm
{
    /// <summary>SM2 over sm2p256v1 with SM3 (GB/T 32918, GB/T 38540), signer id "1234567812345678" (GB/T 35276 default).</summary>
    [JsonStringEnumMemberName("SM2-SM3")] Sm2WithSm3,
    /// <summary>ECDSA over NIST P-256 with SHA-256.</summary>
    [JsonStringEnumMemberName("ECDSA-P256-SHA256")] EcdsaP256Sha256,
}

/// <summary>Reads a seal's public key and verifies signatures made with it. Pure: no clock, no store.</summary>
public static class SealKeys
{
    /// <summary>The signer identity GB/T 35276 prescribes when none is agreed.</summary>
    public static readonly byte[] DefaultSm2UserId = Encoding.ASCII.GetBytes("1234567812345678");

    /// <summary>
    /// The public key of a PEM "CERTIFICATE" (X.509) or "PUBLIC KEY" (SubjectPublicKeyInfo) block, provided it is an EC
    /// key on the curve the algorithm needs (sm2p256v1 for SM2, P-256 for ECDSA). Null with a reason otherwise.
    /// </summary>
    public static (ECPublicKeyParameters? Key, string? Error) Read(string? pem, SealAlgorithm algorithm)
    {
        if (string.IsNullOrWhiteSpace(pem)) return (null, "is required.");
        PemObject? block;
        try
        {
            block = new PemReader(new StringReader(pem)).ReadPemObject();
        }
        catch (IOException)
        {
            return (null, "is not PEM.");
        }
        AsymmetricKeyParameter? key;
        try
        {
            key = block?.Type switch
            {
                "CERTIFICATE" => new X509CertificateParser().ReadCertificate(block.Content)?.GetPublicKey(),
                "PUBLIC KEY" => PublicKeyFactory.CreateKey(block.Content),
                _ => null,
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or Org.BouncyCastle.Security.Certificates.CertificateException
                                      or SecurityUtilityException or FormatException)
        {
            return (null, "is not a readable certificate or public key.");
        }
        if (key is null) return (null, "must be one PEM block of type CERTIFICATE or PUBLIC KEY.");
        if (key is not ECPublicKeyParameters ec) return (null, "is not an elliptic-curve key.");
        var curve = algorithm == SealAlgorithm.Sm2WithSm3 ? GMObjectIdentifiers.sm2p256v1 : SecObjectIdentifiers.SecP256r1;
        return Equals(ec.PublicKeyParamSet, curve) ? (ec, null)
            : (null, $"is not on the curve {(algorithm == SealAlgorithm.Sm2WithSm3 ? "sm2p256v1" : "P-256")} that {algorithm} needs.");
    }

    public static bool Verify(SealAlgorithm algorithm, ECPublicKeyParameters key, byte[] data, byte[] signature)
    {
        ISigner signer = algorithm == SealAlgorithm.Sm2WithSm3 ? new SM2Signer(new SM3Digest()) : SignerUtilities.GetSigner("SHA-256withECDSA");
        signer.Init(false, algorithm == SealAlgorithm.Sm2WithSm3 ? new ParametersWithID(key, DefaultSm2UserId) : key);
        signer.BlockUpdate(data, 0, data.Length);
        try
        {
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Asn1Exception or IOException)
        {
            // Bytes that are not a DER (r, s) sequence are no signature at all.
            return false;
        }
    }
}
