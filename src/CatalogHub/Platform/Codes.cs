using System.Collections.Frozen;
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

/// <summary>
/// 行政区划代码 (GB/T 2260): six digits — province, prefecture, county — checked against the Ministry of Civil
/// Affairs' table of county-level-and-above divisions kept in Platform/Regions (its README names the edition).
/// A code is <i>current</i> when it is in today's table, <i>abolished</i> when it was in use since 1981 and left it.
/// </summary>
public static partial class RegionCode
{
    /// <summary>The edition of the current table, as its file is named and as problems cite it.</summary>
    public const string Edition = "2024";

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex Shape();

    /// <summary>Six digits under a province of the current table: the shape a code must have before it is looked up.</summary>
    public static bool IsWellFormed(string? code) =>
        code is not null && Shape().IsMatch(code) && RegionTable.Current.ContainsKey(code[..2] + "0000");

    /// <summary>In the current table: the only codes that may be newly registered or drafted for.</summary>
    public static bool IsCurrent(string? code) => code is not null && RegionTable.Current.ContainsKey(code);

    /// <summary>Current or abolished: a code that old data may carry and reads accept.</summary>
    public static bool IsKnown(string? code) => IsCurrent(code) || (code is not null && RegionTable.Abolished.ContainsKey(code));

    /// <summary>The current name, or the last name of an abolished code; null for a code that never existed.</summary>
    public static string? Name(string code) =>
        RegionTable.Current.GetValueOrDefault(code) ?? RegionTable.Abolished.GetValueOrDefault(code)?.Name;

    /// <summary>
    /// The region one level up that exists: a county's city, a city's province; null for a province. Levels the table
    /// has no row for are skipped, so a district of a municipality (110101) and a county-level city under the
    /// province (419001 济源市) go straight to the province.
    /// </summary>
    public static string? Parent(string code)
    {
        var city = code[..4] + "00";
        var province = code[..2] + "0000";
        if (code[4..] != "00" && IsKnown(city)) return city;
        return code == province ? null : province;
    }

    /// <summary>For new registrations and drafts: the code must be in the current table.</summary>
    public static void CheckCurrent(Validation v, string field, string? code)
    {
        if (!CheckWellFormed(v, field, code)) return;
        if (IsCurrent(code)) return;
        v.Add(field, "unknown-region", RegionTable.Abolished.TryGetValue(code!, out var old)
            ? $"{code} ({old.Name}) was abolished in {old.Abolished}; use a code of the current GB/T 2260 table ({Edition})."
            : $"{code} is not in the current GB/T 2260 table of administrative divisions ({Edition}).");
    }

    /// <summary>
    /// A region read's answer to a well-formed code that never existed: no such resource (404 <c>unknown-region</c>); null
    /// otherwise. Abolished regions keep their history, and a malformed code is left to <see cref="CheckKnown"/> (400).
    /// </summary>
    public static IResult? NoSuchRegion(string regionCode) => IsWellFormed(regionCode) && !IsKnown(regionCode)
        ? Problems.Of(StatusCodes.Status404NotFound, "unknown-region", "There is no such region.",
            $"{regionCode} is not a GB/T 2260 administrative division, current or abolished.", "regionCode")
        : null;

    /// <summary>For reads and queries about the past: current or abolished codes.</summary>
    public static void CheckKnown(Validation v, string field, string? code)
    {
        if (CheckWellFormed(v, field, code))
            v.Check(IsKnown(code), field, "unknown-region", $"{code} is not a GB/T 2260 administrative division, current or abolished.");
    }

    private static bool CheckWellFormed(Validation v, string field, string? code) =>
        v.Text(field, code, 6)
        && v.Check(IsWellFormed(code), field, "invalid-region-code", "must be a 6-digit GB/T 2260 region code.");
}

/// <summary>An abolished division: its last name, the first year it was in use and the year it left the table.</summary>
public sealed record AbolishedRegion(string Name, int FirstYear, int Abolished);

/// <summary>The tables of Platform/Regions, read once from the assembly's embedded resources.</summary>
internal static class RegionTable
{
    public static readonly FrozenDictionary<string, string> Current =
        Lines($"gb2260-{RegionCode.Edition}.tsv").ToFrozenDictionary(f => f[0], f => f[1]);

    public static readonly FrozenDictionary<string, AbolishedRegion> Abolished =
        Lines("gb2260-abolished.tsv").ToFrozenDictionary(f => f[0], f => new AbolishedRegion(f[1], int.Parse(f[2]), int.Parse(f[3])));

    private static IEnumerable<string[]> Lines(string file)
    {
        using var stream = typeof(RegionTable).Assembly.GetManifestResourceStream($"CatalogHub.Platform.Regions.{file}")
            ?? throw new InvalidOperationException($"The embedded region table {file} is missing from the build.");
        using var reader = new StreamReader(stream);
        var lines = new List<string[]>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) lines.Add(line.Split('\t'));
        return lines;
    }
}

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, then a check character:
/// ISO 7064 MOD 11-2 over the first 17 digits (weights 2^(17-i) mod 11), where 10 is written X.
/// The region part is only checked for shape: a number keeps the code of where it was issued, which may predate
/// the tables of Platform/Regions (codes before 1981, 市辖区 codes of older editions).
/// </summary>
public static partial class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex Shape();

    public static bool IsValid(string? id) =>
        id is not null && Shape().IsMatch(id) && RegionCode.IsWellFormed(id[..6])
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
