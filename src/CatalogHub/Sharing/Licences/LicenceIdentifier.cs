using System.Text.RegularExpressions;

namespace CatalogHub.Sharing.Licences;

/// <summary>
/// 电子证照标识 in the shape of GB/T 36904 as the national platform deploys it:
/// <c>1.2.156.3005.2.{licence type code}.{issuer's unified social credit code}.{serial}.{3-digit version}.{check}</c>.
/// <para>
/// The check character is ISO 7064 MOD 37,36 (the hybrid system over the 36 characters 0-9A-Z) computed over every
/// character before it with the dots left out, i.e. over
/// <c>1215630052{type code}{issuer code}{serial}{version}</c>. Type codes and serials are upper-case 0-9A-Z, so every
/// character the check covers is in the alphabet.
/// </para>
/// </summary>
public static partial class LicenceIdentifier
{
    public const string Prefix = "1.2.156.3005.2";

    [GeneratedRegex(@"^1\.2\.156\.3005\.2\.(?<type>[0-9A-Z]{2,32})\.(?<issuer>[0-9A-Z]{18})\.(?<serial>[0-9A-Z]{1,32})\.(?<version>[0-9]{3})\.(?<check>[0-9A-Z])$")]
    private static partial Regex Shape();

    [GeneratedRegex("^[0-9A-Z]{2,32}$")]
    public static partial Regex TypeCodeShape();

    public sealed record Parts(string TypeCode, string IssuerCode, string Serial, int Version);

    public static string Create(string typeCode, string issuerCode, string serial, int version)
    {
        var body = $"{Prefix}.{typeCode}.{issuerCode}.{serial}.{version:D3}";
        return $"{body}.{Mod37_36.CheckCharacter(body.Replace(".", ""))}";
    }

    /// <summary>The parts of a well-formed identifier whose check character and issuer code are right; null otherwise.</summary>
    public static Parts? Parse(string? identifier)
    {
        if (identifier is null || Shape().Match(identifier) is not { Success: true } m) return null;
        var body = identifier[..^2];
        if (Mod37_36.CheckCharacter(body.Replace(".", "")) != m.Groups["check"].Value[0]) return null;
        var issuer = m.Groups["issuer"].Value;
        if (!UnifiedSocialCreditCode.IsValid(issuer)) return null;
        var version = int.Parse(m.Groups["version"].Value);
        return version == 0 ? null : new Parts(m.Groups["type"].Value, issuer, m.Groups["serial"].Value, version);
    }
}

/// <summary>
/// ISO/IEC 7064 MOD 37,36: the hybrid system with M = 36 over 0-9A-Z. Starting from P = M, each character c
/// gives S = (P + c) mod M (0 read as M) and P = 2S mod (M + 1); the check character makes the final step land on 1,
/// i.e. it is (M + 1 - P) mod M. It catches every single substitution and every adjacent transposition.
/// </summary>
public static class Mod37_36
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int M = 36;

    public static char CheckCharacter(string text)
    {
        var p = M;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(c);
            if (value < 0) throw new ArgumentException($"'{c}' is not in the MOD 37,36 alphabet 0-9A-Z.", nameof(text));
            var s = (p + value) % M;
            p = (s == 0 ? M : s) * 2 % (M + 1);
        }
        return Alphabet[(M + 1 - p) % M];
    }

    /// <summary>True when the last character is the right check character for the ones before it.</summary>
    public static bool IsValid(string text) =>
        text.Length >= 2 && text[..^1].All(Alphabet.Contains) && CheckCharacter(text[..^1]) == text[^1];
}
