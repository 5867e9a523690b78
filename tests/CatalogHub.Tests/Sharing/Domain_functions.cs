using System.Text;
using System.Text.Json;
using CatalogHub.Platform;
using CatalogHub.Sharing.Licences;
using CatalogHub.Sharing.Seals;

namespace CatalogHub.Tests.Sharing;

public sealed class Domain_functions
{
    [Theory]
    [InlineData("11010519491231002X", true)]   // the example number of GB 11643-1999
    [InlineData("411002198807150015", true)]   // 许昌市魏都区, born 1988-07-15
    [InlineData("411002198807150012", false)]  // wrong check digit (5 is right)
    [InlineData("411002198802300017", false)]  // 30 February
    [InlineData("991002198807150015", false)]  // no such province
    [InlineData("41100219880715001", false)]   // 17 characters
    [InlineData("11010519491231002x", false)]  // the check X is upper case
    public void resident_id_numbers_are_checked_per_gb_11643(string id, bool valid) =>
        Assert.Equal(valid, ResidentIdNumber.IsValid(id));

    [Fact]
    public void iso_7064_mod_37_36_gives_the_check_character_of_the_standard_s_example()
    {
        // The GRid example of ISO 7064 MOD 37,36 users: A1-2425G-ABC1234002-M.
        Assert.Equal('M', Mod37_36.CheckCharacter("A12425GABC1234002"));
        Assert.True(Mod37_36.IsValid("A12425GABC1234002M"));
        Assert.False(Mod37_36.IsValid("A12425GABC1234002N"));
    }

    [Fact]
    public void iso_7064_mod_37_36_catches_every_single_substitution_and_adjacent_transposition()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const string text = "1215630052JY411000114110000053278110000001A0001";
        var check = Mod37_36.CheckCharacter(text);
        for (var i = 0; i < text.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != text[i]))
                Assert.NotEqual(check, Mod37_36.CheckCharacter(text[..i] + c + text[(i + 1)..]));
            if (i + 1 < text.Length && text[i] != text[i + 1])
                Assert.NotEqual(check, Mod37_36.CheckCharacter(text[..i] + text[i + 1] + text[i] + text[(i + 2)..]));
        }
    }

    [Fact]
    public void a_licence_identifier_carries_type_issuer_serial_version_and_a_check_character()
    {
        var id = LicenceIdentifier.Create("SPJYXK", "11411000005327811H", "2026000123", 1);
        Assert.StartsWith("1.2.156.3005.2.SPJYXK.11411000005327811H.2026000123.001.", id);
        Assert.Equal(Mod37_36.CheckCharacter("1215630052SPJYXK11411000005327811H2026000123001"), id[^1]);
        Assert.Equal(new LicenceIdentifier.Parts("SPJYXK", "11411000005327811H", "2026000123", 1), LicenceIdentifier.Parse(id));

        var wrongCheck = id[..^1] + (id[^1] == '0' ? '1' : '0');
        Assert.Null(LicenceIdentifier.Parse(wrongCheck));
        Assert.Null(LicenceIdentifier.Parse(id.Replace(".001.", ".002.")));
        // A valid check character does not make an invalid issuer code acceptable.
        Assert.Null(LicenceIdentifier.Parse(LicenceIdentifier.Create("SPJYXK", "11411000005327811A", "2026000123", 1)));
    }

    [Theory]
    [InlineData("""{"b":1,"a":2}""", """{"a":2,"b":1}""")]
    [InlineData("""{ "名称": "许昌市 食品 店", "a\u00e9": "\u000f\n" }""", "{\"aé\":\"\\u000f\\n\",\"名称\":\"许昌市 食品 店\"}")]
    // RFC 8785 §3.2.3: members sorted by UTF-16 code units, so U+1F600 (surrogates D83D...) sorts before U+FB33.
    [InlineData("""{"\ufb33":1,"\ud83d\ude00":2,"\u0080":3,"1":4}""", "{\"1\":4,\"\u0080\":3,\"\U0001F600\":2,\"\uFB33\":1}")]
    [InlineData("""[1.0, 4.50, 2e-3, 1e30, 0.000001, 1e-7, -0, 100, 1E21, 123456789012345680000]""",
        "[1,4.5,0.002,1e+30,0.000001,1e-7,0,100,1e+21,123456789012345680000]")]
    [InlineData("""{"t":true,"f":false,"n":null,"s":"\"\\/"}""", """{"f":false,"n":null,"s":"\"\\/","t":true}""")]
    public void canonical_json_follows_rfc_8785(string input, string canonical) =>
        Assert.Equal(canonical, Encoding.UTF8.GetString(CanonicalJson.Serialize(JsonDocument.Parse(input).RootElement)));

    [Theory]
    [InlineData(333333333.33333329, "333333333.3333333")]
    [InlineData(1e23, "1e+23")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-1.7976931348623157e308, "-1.7976931348623157e+308")]
    [InlineData(9007199254740992, "9007199254740992")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void canonical_numbers_are_written_as_ecmascript_writes_them(double value, string text) =>
        Assert.Equal(text, CanonicalJson.Number(value));

    [Fact]
    public void canonical_json_refuses_duplicate_member_names() =>
        Assert.Throws<JsonException>(() => CanonicalJson.Serialize(JsonDocument.Parse("""{"a":1,"a":2}""").RootElement));

    public static TheoryData<string> Seals => new() { "sm2", "p256-spki", "p256-certificate" };

    private static TestSeal SealOf(string kind) => kind switch
    {
        "sm2" => TestSeal.Sm2(),
        "p256-spki" => TestSeal.P256(),
        _ => TestSeal.P256(asCertificate: true),
    };

    [Theory, MemberData(nameof(Seals))]
    public void a_seal_signature_verifies_over_exactly_the_signed_bytes(string kind)
    {
        var seal = SealOf(kind);
        var data = Encoding.UTF8.GetBytes("""{"holder":"许昌市建安区百家和超市","type":"SPJYXK"}""");
        var signature = seal.Sign(data);
        var (key, error) = SealKeys.Read(seal.PublicKeyPem, seal.Algorithm);
        Assert.Null(error);

        Assert.True(SealKeys.Verify(seal.Algorithm, key!, data, signature));
        var tampered = (byte[])data.Clone();
        tampered[5] ^= 1;
        Assert.False(SealKeys.Verify(seal.Algorithm, key!, tampered, signature));
        Assert.False(SealKeys.Verify(seal.Algorithm, key!, data, [.. signature[..^1], (byte)(signature[^1] ^ 1)]));
        Assert.False(SealKeys.Verify(seal.Algorithm, key!, data, [1, 2, 3]));
        Assert.False(SealKeys.Verify(seal.Algorithm, key!, data, SealOf(kind).Sign(data)));
    }

    [Fact]
    public void an_sm2_signature_uses_the_default_user_id_and_sm3()
    {
        var seal = TestSeal.Sm2();
        var data = Encoding.UTF8.GetBytes("食品经营许可证");
        var (key, _) = SealKeys.Read(seal.PublicKeyPem, SealAlgorithm.Sm2WithSm3);
        var otherId = new Org.BouncyCastle.Crypto.Signers.SM2Signer(new Org.BouncyCastle.Crypto.Digests.SM3Digest());
        otherId.Init(false, new Org.BouncyCastle.Crypto.Parameters.ParametersWithID(key!, Encoding.ASCII.GetBytes("ALICE123@YAHOO.COM")));
        var signature = seal.Sign(data);
        otherId.BlockUpdate(data, 0, data.Length);
        Assert.False(otherId.VerifySignature(signature));
        Assert.True(SealKeys.Verify(SealAlgorithm.Sm2WithSm3, key!, data, signature));
    }

    [Fact]
    public void a_public_key_must_be_on_the_curve_of_the_seal_s_algorithm()
    {
        Assert.NotNull(SealKeys.Read(TestSeal.Sm2().PublicKeyPem, SealAlgorithm.EcdsaP256Sha256).Error);
        Assert.NotNull(SealKeys.Read(TestSeal.P256().PublicKeyPem, SealAlgorithm.Sm2WithSm3).Error);
        Assert.NotNull(SealKeys.Read("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", SealAlgorithm.EcdsaP256Sha256).Error);
        Assert.NotNull(SealKeys.Read("not a key", SealAlgorithm.EcdsaP256Sha256).Error);
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        Assert.NotNull(SealKeys.Read(rsa.ExportSubjectPublicKeyInfoPem(), SealAlgorithm.EcdsaP256Sha256).Error);
    }
}
