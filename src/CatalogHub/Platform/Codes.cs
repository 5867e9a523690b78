using System.Text.RegularExpressions;

namespace CatalogHub.Platform;

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17.</summary>
public static partial class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(code[i]);
            if (value < 0) return false;
            sum += value * Weights[i];
        }
        return code[17] == CheckCharacter(sum);
    }

    /// <summary>The check character for the first 17 characters (used by tests and the demo data).</summary>
    public static char CheckCharacterFor(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return CheckCharacter(sum);
    }

    private static char CheckCharacter(int sum) => Alphabet[(31 - sum % 31) % 31];
}

/// <summary>行政区划代码 (GB/T 2260): six digits — province, prefecture, county.</summary>
public static partial class RegionCode
{
    // Province-level prefixes in GB/T 2260: 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82.
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex Shape();

    public static bool IsValid(string? code) =>
        code is not null && Shape().IsMatch(code) && Provinces.Contains(code[..2]);

    /// <summary>The region one level up: a county's city, a city's province; null for a province.</summary>
    public static string? Parent(string code) =>
        code[4..] != "00" ? code[..4] + "00"
        : code[2..4] != "00" ? code[..2] + "0000"
        : null;
}

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, then a check character:
/// ISO 7064 MOD 11-2 over the first 17 digits (weights 2^(17-i) mod 11), where 10 is written X.
/// </summary>
public static partial class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex Shape();

    public static bool IsValid(string? id) =>
        id is not null && Shape().IsMatch(id) && RegionCode.IsValid(id[..6])
        && DateOnly.TryParseExact(id[6..14], "yyyyMMdd", out _)
        && id[17] == CheckCharacterFor(id[..17]);

    /// <summary>The check character for the first 17 digits (used by tests to build valid numbers).</summary>
    public static char CheckCharacterFor(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
