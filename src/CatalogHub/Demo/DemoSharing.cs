using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CatalogHub.Departments;
using CatalogHub.Sharing.Grants;
using CatalogHub.Sharing.Holders;
using CatalogHub.Sharing.Licences;
using CatalogHub.Sharing.LicenceTypes;
using CatalogHub.Sharing.Seals;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Asn1.X9;

namespace CatalogHub.Demo;

/// <summary>
/// The demo's e-licence data (电子证照), so that every sharing operation's example has something to act on: 许昌市市场监督管理局's
/// e-seal (电子证照专用章) and the 营业执照 it signed with it, one valid, one suspended, one whose validity has ended; a seal of
/// 许昌市自然资源和规划局 suspended while its certificate is renewed; 许昌市人力资源和社会保障局's grant to read 营业执照 for
/// 失业保险金申领; and a key of 许昌市住房和城乡建设局's retired approval system, to revoke.
/// <para>
/// The seals' private keys are derived from their public names (<see cref="DemoSealKey"/>): anyone can sign as the demo's
/// seals, which is what lets the API document carry signed licence documents that "Try it out" gets accepted. Never a
/// production key. Signatures are deterministic (ECDSA with RFC 6979 nonces), so the document stays the same byte for byte.
/// </para>
/// </summary>
public static class DemoSharing
{
    public const string MarketCode = "11411000005327811H";
    public const string PlanningCode = "114110000053281603";
    public const string HumanResourcesCode = "1141100000533099XB";

    /// <summary>许昌市市场监督管理局电子证照专用章: signs the demo's licences.</summary>
    public static readonly DemoSealKey MarketSeal = new("seal:11411000005327811H:电子证照专用章");
    /// <summary>许昌市自然资源和规划局电子证照专用章, suspended.</summary>
    public static readonly DemoSealKey PlanningSeal = new("seal:114110000053281603:电子证照专用章");
    /// <summary>The key of the market regulator's next seal: what the example of registering a seal registers.</summary>
    public static readonly DemoSealKey RenewedMarketSeal = new("seal:11411000005327811H:电子证照专用章:2027");

    public static Guid MarketSealId => DemoData.IdOf(MarketSeal.Name);
    public static Guid PlanningSealId => DemoData.IdOf(PlanningSeal.Name);

    /// <summary>许昌市住房和城乡建设局, whose retired approval system's key the example of revoking a key revokes.</summary>
    public const string RetiredKeyOwnerCode = "114110000053302366";

    /// <summary>The id of that key (16 hex digits, as every key id).</summary>
    public const string RetiredKeyId = "5d1e0c3a7b9f2e41";

    private static readonly DateTimeOffset SealFrom = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset SealTo = new(2029, 12, 31, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A 营业执照 of the demo: holder, serial, registration date and what its face says.</summary>
    public sealed record DemoLicence(string Serial, string HolderCode, string HolderName, string LegalRepresentative, string Capital, string Domicile,
        DateTimeOffset RegisteredAt, DateTimeOffset ValidTo)
    {
        public Guid Id => DemoData.IdOf($"licence:{Serial}");

        public LicenceContent Content(int version = 1, string? domicile = null) => new(
            LicenceIdentifier.Create(DemoData.BusinessLicenceType, MarketCode, Serial, version), DemoData.BusinessLicenceType, 1, MarketCode,
            new LicenceHolder(HolderKind.Organisation, HolderName, HolderCode),
            JsonSerializer.SerializeToElement(new Dictionary<string, string>
            {
                ["creditCode"] = HolderCode,
                ["name"] = HolderName,
                ["legalRepresentative"] = LegalRepresentative,
                ["registeredCapital"] = Capital,
                ["registeredAt"] = RegisteredAt.ToString("yyyy-MM-dd"),
                ["domicile"] = domicile ?? Domicile,
            }),
            RegisteredAt, ValidTo);

        /// <summary>The document the market regulator signed with its seal.</summary>
        public LicenceDocument Document(int version = 1, string? domicile = null) => MarketSeal.SignedDocument(Content(version, domicile), MarketSealId);
    }

    private static DateTimeOffset Day(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Valid: what the reads, the verification, the change and the suspension of the examples act on.</summary>
    public static readonly DemoLicence Valid = new("411000000202103150012", "91411000MA45R2XK7M", "许昌瑞祥食品有限公司", "王建国", "伍拾万元整",
        "河南省许昌市魏都区七一路168号", Day(2021, 3, 15), Day(2041, 3, 14));

    /// <summary>Suspended (暂扣) while its holder's registered address is checked: what the example of reinstating acts on.</summary>
    public static readonly DemoLicence Suspended = new("411000000202204200031", "91411002MA46B8TN3R", "许昌魏都区和顺餐饮管理有限公司", "李秀兰", "壹佰万元整",
        "河南省许昌市魏都区文峰路56号", Day(2022, 4, 20), Day(2042, 4, 19));

    /// <summary>Its 营业期限 ended on 30 June 2026, not yet recorded: what the example of recording an expiry acts on.</summary>
    public static readonly DemoLicence Ended = new("411000000201607010008", "91411000MA4GH7UL6T", "许昌中原建材贸易有限公司", "张伟", "贰佰万元整",
        "河南省许昌市建安区许由路22号", Day(2016, 7, 1), Day(2026, 6, 30));

    /// <summary>Not registered: what the example of registering a licence registers.</summary>
    public static readonly DemoLicence New = new("411081000202611200005", "91411081MA47C3PW2F", "禹州市钧窑文化传播有限公司", "赵志刚", "叁拾万元整",
        "河南省禹州市钧官窑路9号", Day(2026, 11, 20), Day(2046, 11, 19));

    /// <summary>The change (变更) the example of changing a licence registers: the valid licence's company moved.</summary>
    public const string MovedDomicile = "河南省许昌市东城区魏武大道1688号";

    /// <summary>The face fields the grant covers: what the example of a read asks for.</summary>
    public static readonly string[] GrantedFields = ["creditCode", "name", "legalRepresentative"];

    public static Guid UnemploymentBenefitEntryId => DemoData.IdOf("entry:411000:000115006000");

    public static Guid GrantId => DemoData.IdOf("grant:1141100000533099XB:营业执照");

    /// <summary>Queues what is missing of the demo's sharing data on <paramref name="session"/>; the departments are in <paramref name="owners"/>.</summary>
    public static async Task Seed(IDocumentSession session, HolderVault vault, IReadOnlyDictionary<string, Department> owners, DateTimeOffset now,
        CancellationToken ct)
    {
        var market = owners[MarketCode];
        // Its secret is thrown away: the key only waits to be revoked.
        var housing = owners[RetiredKeyOwnerCode];
        if (!housing.Keys.Any(k => k.KeyId == RetiredKeyId))
            session.Events.Append(housing.Id, new ApiKeyIssued(housing.Id, RetiredKeyId, ApiKeys.Hash(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))),
                "原行政审批系统接口（已停用）", now.AddDays(180), "demo-seed", now));

        await SealOnce(session, MarketSeal, market, "许昌市市场监督管理局电子证照专用章", now, ct);
        if (await SealOnce(session, PlanningSeal, owners[PlanningCode], "许昌市自然资源和规划局电子证照专用章", now, ct))
            session.Events.Append(PlanningSealId, new SealSuspended(PlanningSealId, now, "数字证书更新期间暂停使用", PlanningCode, now));

        var typeId = DemoData.IdOf($"{LicenceTypesList.Definition.Name}:411000:{DemoData.BusinessLicenceType}");
        foreach (var licence in new[] { Valid, Suspended, Ended })
        {
            if (await session.Events.FetchStreamStateAsync(licence.Id, ct) is not null) continue;
            var document = licence.Document();
            var content = licence.Content();
            var holderRef = vault.RefOf(licence.HolderCode);
            var identifier = LicenceIdentifier.Parse(content.Identifier)!;
            session.Events.StartStream<Licence>(licence.Id, new LicenceIssued(licence.Id, content.Identifier, Licence.SerialKeyOf(identifier), typeId,
                DemoData.BusinessLicenceType, 1, market.Id, MarketCode, HolderKind.Organisation, holderRef, MarketSealId,
                (await vault.Encrypt(session, holderRef, CanonicalJson.Serialize(document.Content), now, ct))!, document.Signature,
                content.ValidFrom, content.ValidTo, MarketCode, now));
            if (licence == Suspended)
                session.Events.Append(licence.Id, new LicenceSuspended(licence.Id, now, "住所（经营场所）无法联系，核查期间暂扣", MarketCode, now));
        }

        if (await session.Events.FetchStreamStateAsync(GrantId, ct) is null)
        {
            var consumer = owners[HumanResourcesCode];
            session.Events.StartStream<Grant>(GrantId, new GrantIssued(GrantId, consumer.Id, consumer.Code, typeId, DemoData.BusinessLicenceType, GrantedFields,
                [UnemploymentBenefitEntryId], Day(2026, 1, 1), Day(2027, 12, 31), MarketCode, now));
        }
    }

    /// <summary>Registers the seal unless it is; true when it did.</summary>
    private static async Task<bool> SealOnce(IDocumentSession session, DemoSealKey seal, Department owner, string name, DateTimeOffset now, CancellationToken ct)
    {
        var id = DemoData.IdOf(seal.Name);
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null) return false;
        session.Events.StartStream<Seal>(id, new SealRegistered(id, owner.Id, owner.Code, name, "电子证照专用章", SealAlgorithm.EcdsaP256Sha256,
            seal.PublicKeyPem, SealFrom, SealTo, owner.Code, now));
        return true;
    }
}

/// <summary>A demo seal's P-256 key pair, its private half derived from its name (public: demo only).</summary>
public sealed class DemoSealKey(string name)
{
    private static readonly X9ECParameters Curve = SecNamedCurves.GetByName("secp256r1");
    private static readonly ECDomainParameters Domain = new(Curve);

    private readonly ECPrivateKeyParameters _private = new(
        new BigInteger(1, SHA256.HashData(Encoding.UTF8.GetBytes("cataloghub-demo:" + name))).Mod(Curve.N.Subtract(BigInteger.One)).Add(BigInteger.One), Domain);

    public string Name => name;

    /// <summary>The public half as a PEM SubjectPublicKeyInfo.</summary>
    public string PublicKeyPem
    {
        get
        {
            var pub = new ECPublicKeyParameters("EC", Domain.G.Multiply(_private.D).Normalize(), SecObjectIdentifiers.SecP256r1);
            using var text = new StringWriter();
            var pem = new PemWriter(text);
            pem.WriteObject(pub);
            pem.Writer.Flush();
            return text.ToString().Replace("\r\n", "\n");
        }
    }

    /// <summary>The content signed over its RFC 8785 canonical form: SHA-256 with ECDSA, DER-encoded, the nonce by RFC 6979.</summary>
    public LicenceDocument SignedDocument(LicenceContent content, Guid sealId)
    {
        var element = JsonSerializer.SerializeToElement(content, ApiJson.Options);
        var data = CanonicalJson.Serialize(element);
        var signer = new DsaDigestSigner(new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest())), new Sha256Digest());
        signer.Init(true, _private);
        signer.BlockUpdate(data, 0, data.Length);
        return new LicenceDocument(element, sealId, Convert.ToBase64String(signer.GenerateSignature()));
    }
}
