namespace CatalogHub.Lists.IntermediaryServices;

/// <summary>
/// The intermediary-service list (中介服务事项清单), list name <c>intermediary-services</c>: each item is a paid technical
/// service an approval item needs, kept only with a basis in 法律, 法规 or 国务院决定 (002:30, 003:34, 004:31), listed
/// and published (001:28, 000:32) with its conditions, process, time limit and fee standard (003:34, 004:31, 000:32).
/// Applicants choose the provider freely; no department designates one (003:34, 004:31). Content:
/// <see cref="IntermediaryServiceContent"/>. It references the base catalogue entries it serves (<see cref="References"/>).
/// <para>
/// <see cref="Check"/> is the shape every draft must have (400). <see cref="RefusalsToPublish"/> is what may not
/// become law (422): no basis, or a basis below 法律, 法规 or 国务院决定; a designated agency (指定 wording, or the work
/// given to a named organisation, in any text); an organisation named as the provider; and a paid service without
/// its fee standard.
/// </para>
/// </summary>
public static class IntermediaryServiceRules
{
    public const string List = "intermediary-services";

    [ProblemCodes(400, "out-of-range", "fee-standard-on-free-service", "unknown-basis-level", "duplicate-reference")]
    public static void Check(Validation v, IntermediaryServiceContent? content)
    {
        if (!ListContentRules.Present(v, content)) return;
        v.Text("content.name", content.Name, 200);
        ListContentRules.CheckServedEntries(v, content.ServedEntries);
        ListContentRules.CheckBases(v, "content.legalBases", content.LegalBases);
        ListContentRules.CheckTexts(v, "content.conditions", content.Conditions, 50, 500);
        ListContentRules.CheckTexts(v, "content.process", content.Process, 50, 500);
        v.Check(content.TimeLimitDays is >= 1 and <= ListContentRules.MaxLimitDays, "content.timeLimitDays", "out-of-range",
            $"must be 1-{ListContentRules.MaxLimitDays} working days.");
        v.Text("content.feeStandard", content.FeeStandard, 500, required: false);
        if (content.Free && !string.IsNullOrWhiteSpace(content.FeeStandard))
            v.Add("content.feeStandard", "fee-standard-on-free-service", "a free service states no fee standard; set free to false or remove it.");
        v.Text("content.providerKind", content.ProviderKind, 200);
    }

    /// <summary>Every ground on which this service may not be published, each with its field and code; empty when publishable.</summary>
    [ProblemCodes(422, "designated-agency", "named-provider", "fee-standard-not-stated", "no-legal-basis", "basis-below-statutory-level")]
    public static IReadOnlyList<FieldError> RefusalsToPublish(IntermediaryServiceContent content)
    {
        var refusals = new List<FieldError>();
        refusals.AddRange(ListContentRules.StatutoryBasisRefusals("content.legalBases", content.LegalBases, "002:30, 003:34, 004:31"));
        foreach (var (field, text) in Texts(content))
            if (DesignatedAgencies.Designates(text))
                refusals.Add(new(field, "designated-agency",
                    $"'{text}' designates an agency: applicants choose the provider freely, and no department designates one, openly or in effect (003:34, 004:31)."));
        if (DesignatedAgencies.NamesAnOrganisation(content.ProviderKind))
            refusals.Add(new("content.providerKind", "named-provider",
                $"'{content.ProviderKind}' names an organisation: describe the kind of provider, e.g. 具有相应资质的测绘单位, so applicants choose freely (003:34, 004:31)."));
        if (!content.Free && string.IsNullOrWhiteSpace(content.FeeStandard))
            refusals.Add(new("content.feeStandard", "fee-standard-not-stated",
                "a paid service publishes its fee standard (003:34, 004:31, 000:32), or is marked free."));
        return refusals;
    }

    /// <summary>The approval items (base catalogue entries) that need this service.</summary>
    public static IEnumerable<ListReference> References(IntermediaryServiceContent content) =>
        ListContentRules.ServedEntryReferences(content.ServedEntries);

    /// <summary>Every text an applicant reads, with its field: any of them can designate an agency.</summary>
    private static IEnumerable<(string Field, string Text)> Texts(IntermediaryServiceContent content)
    {
        yield return ("content.name", content.Name);
        for (var i = 0; i < content.Conditions.Count; i++) yield return ($"content.conditions[{i}]", content.Conditions[i]);
        for (var i = 0; i < content.Process.Count; i++) yield return ($"content.process[{i}]", content.Process[i]);
        if (content.FeeStandard is not null) yield return ("content.feeStandard", content.FeeStandard);
        yield return ("content.providerKind", content.ProviderKind);
    }
}
