using CatalogHub.Lists.Promises;

namespace CatalogHub.BasisCheck;

/// <summary>
/// May this applicant use 告知承诺 for the item? Only if the 告知承诺 list in force has the item's base entry (003:30,
/// 000:24) and the applicant meets none of its exclusions (003:31), as <see cref="PromiseApplicability.For"/> decides.
/// <c>Replaces</c> is what the promise stands in for; <c>NotAssessed</c> the clauses of the item's own exclusions, which
/// the question does not answer.
/// </summary>
public sealed record PromiseVerdict(string Element, bool Allowed, IReadOnlyList<Reason> Reasons, Citation? Citation, RepealCitation? Repeal,
    IReadOnlyList<ReplacedRequirement> Replaces, IReadOnlyList<string> NotAssessed)
{
    public const string ElementName = "promise";

    public static PromiseVerdict Judge(PromiseQuestion question, ItemInForce item, IReadOnlyList<Timeline> promises)
    {
        var finding = ListFinding.In<PromiseContent>(promises, item, p => p.EntryId == item.EntryId);
        if (finding.Version?.ContentAs<PromiseContent>() is not { } content)
            return Refused(finding.Repeal is null
                ? new("not-on-promise-list", PromiseRules.List, "The item is not on the 告知承诺 list in force; the applicant proves what is required (003:30).")
                : finding.RepealReason(PromiseRules.List), finding.Repeal);
        var applicability = PromiseApplicability.For(content, new ApplicantCircumstances(question.SeriousBadCredit!.Value, question.EarlierFalsePromise!.Value));
        Reason Excluded(ExclusionMet met) => new(met.Reason, PromiseRules.List, met.Reason == PromiseApplicability.SeriousBadCredit
            ? $"An applicant with a serious bad credit record may not use the promise until the credit is repaired (003:31{Clause(met)})."
            : $"An applicant who made a false promise before may not use the promise until the credit is repaired (003:31{Clause(met)}).");
        return new(ElementName, applicability.Applies, [.. applicability.ExcludedBy.Select(Excluded)], finding.Version.Citation, null,
            content.Replaces, applicability.NotAssessed);
    }

    public static PromiseVerdict Refused(Reason reason, RepealCitation? repeal = null) => Refused([reason], repeal);

    public static PromiseVerdict Refused(IReadOnlyList<Reason> reasons, RepealCitation? repeal = null) =>
        new(ElementName, false, reasons, null, repeal, [], []);

    private static string Clause(ExclusionMet met) => met.Field is null ? "" : $"; {met.Field} of the cited version";
}
