using CatalogHub.Lists.IntermediaryServices;

namespace CatalogHub.BasisCheck;

/// <summary>
/// May this intermediary service be required for the item, from this provider? Only a listed service in force that
/// serves the item's base entry (001:28, 000:32); and the applicant chooses the provider freely (003:34, 000:32): a
/// provider may be stated only as the kind the list states, never an agency nor a narrower kind.
/// </summary>
public static class IntermediaryDemands
{
    public static ListVerdict Judge(string element, DemandedIntermediaryService demanded, ItemInForce item, IReadOnlyList<Timeline> services)
    {
        var finding = ListFinding.In<IntermediaryServiceContent>(services, item,
            s => s.ServedEntries.Contains(item.EntryId) && ServingLists.Same(s.Name, demanded.Name));
        var reasons = finding.Refusals(IntermediaryServiceRules.List, new("intermediary-not-listed", IntermediaryServiceRules.List,
            "No listed intermediary service in force serves the item under this name; an unlisted service may not be required (001:28, 000:32)."));
        var kind = finding.Version?.ContentAs<IntermediaryServiceContent>()!.ProviderKind;
        if (demanded.Provider is { } provider && !string.IsNullOrWhiteSpace(provider) && (kind is null || !ServingLists.Same(provider, kind)))
            reasons.Add(new("designated-agency", IntermediaryServiceRules.List, DesignatedAgencies.NamesAnOrganisation(provider) || DesignatedAgencies.Designates(provider)
                ? $"'{provider}' names an agency: applicants choose the provider freely; no department designates one (003:34, 000:32)."
                : $"'{provider}' narrows the kind of provider the list states{(kind is null ? "" : $" ({kind})")}: applicants choose freely among all of that kind (003:34, 000:32)."));
        return finding.Verdict(element, demanded.Name, reasons);
    }
}
