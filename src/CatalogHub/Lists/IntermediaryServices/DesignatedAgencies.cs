using System.Text.RegularExpressions;
using CatalogHub.ImplementationLists;

namespace CatalogHub.Lists.IntermediaryServices;

/// <summary>
/// Applicants choose an intermediary freely; no department may designate one, openly or in effect (指定或者变相指定,
/// 003:34, 004:31). An entry of the intermediary-service list designates when its text says 指定 (other than to forbid
/// it), gives the work to a named organisation (由许昌市测绘院承担), or names an organisation as the provider instead of
/// describing a kind of provider. This reads text as shown (NFKC, blanks removed, as <see cref="VagueMaterials"/>
/// does), so full-width or spaced variants read as what they say. Pure, so it is tested on its own.
/// </summary>
public static partial class DesignatedAgencies
{
    // 指定 in a clause that forbids it: 不得指定, 不得为申请人指定或者变相指定, 严禁…指定, 不指定. Greedy up to the last
    // 指定 of the clause, so 或者变相指定 after the negation is part of it. "不" alone only right before 指定: 不动产 is
    // common in this domain and negates nothing.
    [GeneratedRegex("(?:(?:不得|不应|不能|不可|不予|不会|不再|不需要?|禁止|严禁|无需|无须|无权|并非|不是)[^,;。!?]{0,20}|不(?:变相)?)指定")]
    private static partial Regex NegatedDesignation();

    // The work given to someone: 由许昌市测绘院承担, 委托市规划设计院编制, 交由…负责.
    [GeneratedRegex("(?:由|委托|交由|选定|确定)(?<who>[^,;。!?:、]{2,40}?)(?:承担|负责|进行|开展|实施|出具|办理|完成|提供|编制|作为)")]
    private static partial Regex GivenTo();

    // Several providers in one text: 测绘机构或者测绘单位, 许昌市测绘院或其他具有资质的机构.
    [GeneratedRegex("或者|或|、|,|;|/|以及")]
    private static partial Regex Alternatives();

    // Only registered organisations carry a legal form: 有限公司, 股份有限公司, (特殊普通合伙).
    [GeneratedRegex(@"有限责任公司|股份有限公司|有限公司|股份公司|\((特殊)?普通合伙\)|合伙企业")]
    private static partial Regex LegalForm();

    // Nouns that describe a kind of provider, not one: 测绘单位, 中介服务机构, 设计企业.
    [GeneratedRegex("(机构|单位|企业|组织|主体|法人|团体)$")]
    private static partial Regex KindNoun();

    // How the names of organisations end: 公司, 集团, 事务所, 研究院, 设计院, 中心, 站, 队 ...
    [GeneratedRegex("(公司|集团|事务所|院|所|中心|站|队|社|协会|学会|商会)$")]
    private static partial Regex OrganisationEnding();

    // Wording that qualifies a kind: 具有相应资质的检测中心, 二级以上综合医院.
    [GeneratedRegex("具有|具备|取得|持有|符合|依法设立|相应|以上|资质|资格|等级")]
    private static partial Regex Qualified();

    // A place in the name makes it one organisation: 许昌市测绘院, 禹州市不动产测绘中心 (城市, 超市 are no places).
    [GeneratedRegex("省|(?<![城超都])市|县|(?<![地社园校景小片])区|自治州")]
    private static partial Regex Place();

    /// <summary>Types of firm that are kinds of provider although they end like a name.</summary>
    private static readonly IReadOnlySet<string> FirmKinds = new HashSet<string> { "会计师事务所", "律师事务所", "税务师事务所", "医院", "综合医院" };

    /// <summary>Whether <paramref name="text"/> designates an agency: says 指定 (other than to forbid it) or gives the work to a named organisation.</summary>
    public static bool Designates(string text)
    {
        var shown = VagueMaterials.Normalised(text);
        if (NegatedDesignation().Replace(shown, "").Contains("指定")) return true;
        return GivenTo().Matches(shown).Any(m => NamesAnOrganisation(m.Groups["who"].Value));
    }

    /// <summary>
    /// Whether <paramref name="provider"/> names an organisation rather than a kind of provider: one of its alternatives
    /// carries a legal form, or ends like the name of an organisation (许昌市测绘院, 华诚会计师事务所) without being a kind
    /// (具有相应资质的测绘单位, 会计师事务所, 具有CMA资质的检测中心). A name with neither place nor legal form, written as a
    /// qualified kind (具有资质的华诚会计师事务所), is not recognised: there is no list of names to compare with.
    /// </summary>
    public static bool NamesAnOrganisation(string provider) =>
        Alternatives().Split(VagueMaterials.Normalised(provider)).Any(NamesOne);

    private static bool NamesOne(string alternative)
    {
        if (LegalForm().IsMatch(alternative)) return true;
        // What is provided is named after the last 的; what comes before qualifies it.
        var head = alternative[(alternative.LastIndexOf('的') + 1)..].TrimEnd('等');
        if (head.Length == 0 || KindNoun().IsMatch(head) || FirmKinds.Contains(head) || !OrganisationEnding().IsMatch(head)) return false;
        return !Qualified().IsMatch(alternative) || Place().IsMatch(head);
    }
}
