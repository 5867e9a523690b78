using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CatalogHub.ImplementationLists;

/// <summary>
/// The materials of an implementation list are the complete list (003:9, 001:17): a catch-all such as 其他材料,
/// 有关材料, 相关材料, a name ending in 等, or "whatever the reviewer asks for" would let a department demand
/// anything. This decides whether one material name is such a catch-all. Pure, so it is tested on its own.
/// </summary>
public static partial class VagueMaterials
{
    // Other/related/relevant + a generic word for documents: 其他材料, 其它证明, 有关文件, 相关资料, 其他相关材料 ...
    [GeneratedRegex("(其他|其它|有关|相关)(的)?(相关|有关)?(材料|文件|资料|证件|证明|证照|手续|附件|凭证|要件)")]
    private static partial Regex OtherOrRelated();

    // A list cut short: "身份证、户口簿等", "营业执照等证件", "等相关材料", "等等".
    [GeneratedRegex("等(等|相关|有关|其他|其它)?(的)?(材料|文件|资料|证件|证明|证明材料|证照|手续|附件|凭证)?$")]
    private static partial Regex EndsInDeng();

    // The reviewer's discretion: "审批机关认为需要提供的材料", "根据需要另行提供", "视情况提交".
    [GeneratedRegex("(认为(有)?必要|认为需要|根据需要|视情况|另行(通知|要求|提供)|要求的其他|规定的其他)")]
    private static partial Regex Discretion();

    // Trailing punctuation and ellipses do not make a name precise: "户口簿……" is still cut short.
    [GeneratedRegex(@"[\s。．.，,；;、…:：]+$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"(…|\.\.\.|……)\s*$")]
    private static partial Regex Ellipsis();

    public static bool IsVague(string name)
    {
        var normalised = Normalised(name);
        if (normalised.Length == 0) return false;
        if (Ellipsis().IsMatch(normalised)) return true;
        var core = TrailingPunctuation().Replace(normalised, "");
        return core is "其他" or "其它" or "材料" or "附件" or "其他材料" or "其它材料"
            || OtherOrRelated().IsMatch(core)
            || EndsInDeng().IsMatch(core)
            || Discretion().IsMatch(core);
    }

    /// <summary>
    /// The name as a reader sees it: NFKC (full-width and compatibility forms, such as the Kangxi radical ⽂ for 文,
    /// become the ordinary characters) with every whitespace, format and other invisible character removed, so that
    /// 其他　材料 (U+3000), 其他 材料, 其他\u200B材料 or 有关\uFEFF材料 read as what they say. Chinese names have no spaces,
    /// so removing them joins nothing that was meant apart.
    /// </summary>
    public static string Normalised(string name)
    {
        // Runes first: an unpaired surrogate becomes U+FFFD instead of making Normalize throw.
        var valid = string.Concat(name.EnumerateRunes().Select(r => r.ToString()));
        var builder = new StringBuilder(valid.Length);
        foreach (var rune in valid.Normalize(NormalizationForm.FormKC).EnumerateRunes())
            if (!Invisible(rune)) builder.Append(rune.ToString());
        return builder.ToString();
    }

    /// <summary>Whitespace, controls, format characters (zero-width spaces and joiners, BOM, bidi marks) and the other default-ignorable code points.</summary>
    private static bool Invisible(Rune rune) =>
        Rune.IsWhiteSpace(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || rune.Value is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F) or 0x3164
            or (>= 0xFE00 and <= 0xFE0F) or 0xFFA0 or (>= 0xE0100 and <= 0xE01EF);
}
