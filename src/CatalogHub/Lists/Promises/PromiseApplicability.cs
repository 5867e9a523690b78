namespace CatalogHub.Lists.Promises;

/// <summary>
/// What the credit system says of an applicant on the date asked about: a serious bad credit record, or an earlier
/// false promise, not yet repaired (信用修复, 003:31). Whether a record counts as serious is the credit system's call.
/// </summary>
public sealed record ApplicantCircumstances(bool SeriousBadCredit, bool EarlierFalsePromise);

/// <summary>A statutory exclusion the applicant meets: its reason code and the clause of the list that states it.</summary>
public sealed record ExclusionMet(string Reason, string? Field);

/// <summary>
/// Whether an applicant may use an item's promise, and why. <see cref="ExcludedBy"/> lists every statutory exclusion
/// the applicant meets, in the order 003:31 names them; <see cref="Reason"/> is the first one's code, or
/// <c>no-exclusion-met</c>. <see cref="NotAssessed"/> are the item's own (<c>other</c>) exclusions, which the
/// circumstances say nothing about: "applies" holds only if none of them does either.
/// </summary>
public sealed record PromiseApplicability(bool Applies, IReadOnlyList<ExclusionMet> ExcludedBy, IReadOnlyList<string> NotAssessed)
{
    public const string NoExclusionMet = "no-exclusion-met";
    public const string SeriousBadCredit = "serious-bad-credit";
    public const string EarlierFalsePromise = "earlier-false-promise";

    public string Reason => ExcludedBy.Count == 0 ? NoExclusionMet : ExcludedBy[0].Reason;

    /// <summary>
    /// The statute excludes these applicants whether or not a list says so (003:31, 000:24, 004:25), so an exclusion
    /// the list does not state still applies, with no clause to cite (<c>Field</c> null). Published content always
    /// states both; a draft may not.
    /// </summary>
    public static PromiseApplicability For(PromiseContent content, ApplicantCircumstances applicant)
    {
        var met = new List<ExclusionMet>();
        if (applicant.SeriousBadCredit) met.Add(new(SeriousBadCredit, ClauseOf(content, ExclusionKind.SeriousBadCredit)));
        if (applicant.EarlierFalsePromise) met.Add(new(EarlierFalsePromise, ClauseOf(content, ExclusionKind.EarlierFalsePromise)));
        var notAssessed = content.Exclusions
            .Select((e, i) => (e.Kind, Field: $"content.exclusions[{i}]"))
            .Where(e => e.Kind == ExclusionKind.Other)
            .Select(e => e.Field)
            .ToList();
        return new(met.Count == 0, met, notAssessed);
    }

    private static string? ClauseOf(PromiseContent content, ExclusionKind kind)
    {
        for (var i = 0; i < content.Exclusions.Count; i++)
            if (content.Exclusions[i].Kind == kind) return $"content.exclusions[{i}]";
        return null;
    }
}
