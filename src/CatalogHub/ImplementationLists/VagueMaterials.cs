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
        var trimmed = name.Trim();
        if (trimmed.Length == 0) return false;
        if (Ellipsis().IsMatch(trimmed)) return true;
        var core = TrailingPunctuation().Replace(trimmed, "");
        return core is "其他" or "其它" or "材料" or "附件" or "其他材料" or "其它材料"
            || OtherOrRelated().IsMatch(core)
            || EndsInDeng().IsMatch(core)
            || Discretion().IsMatch(core);
    }
}
