using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CatalogHub.Sharing.Seals;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

namespace CatalogHub.Tests.Sharing;

/// <summary>A seal's key pair, generated fresh for each test: the private half never leaves the test.</summary>
public sealed class TestSeal
{
    public SealAlgorithm Algorithm { get; }
    public string PublicKeyPem { get; }
    private readonly Func<byte[], byte[]> _sign;

    private TestSeal(SealAlgorithm algorithm, string pem, Func<byte[], byte[]> sign) =>
        (Algorithm, PublicKeyPem, _sign) = (algorithm, pem, sign);

    public byte[] Sign(byte[] data) => _sign(data);

    /// <summary>An SM2 key on sm2p256v1 (BouncyCastle), its public half as SPKI PEM, signing SM3 with the default user id.</summary>
    public static TestSeal Sm2()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(GMObjectIdentifiers.sm2p256v1, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        using var text = new StringWriter();
        var pem = new PemWriter(text);
        pem.WriteObject(pair.Public);
        pem.Writer.Flush();
        return new TestSeal(SealAlgorithm.Sm2WithSm3, text.ToString(), data =>
        {
            var signer = new SM2Signer(new SM3Digest());
            signer.Init(true, new ParametersWithRandom(pair.Private, new SecureRandom()));
            signer.BlockUpdate(data, 0, data.Length);
            return signer.GenerateSignature();
        });
    }

    /// <summary>A P-256 key (System.Security.Cryptography): SPKI PEM, or a self-signed X.509 certificate when asked.</summary>
    public static TestSeal P256(bool asCertificate = false)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportSubjectPublicKeyInfoPem();
        if (asCertificate)
        {
            var request = new CertificateRequest("CN=许昌市市场监督管理局行政审批专用章, O=许昌市市场监督管理局, C=CN", key, HashAlgorithmName.SHA256);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(3));
            pem = certificate.ExportCertificatePem();
        }
        return new TestSeal(SealAlgorithm.EcdsaP256Sha256, pem,
            data => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }
}
