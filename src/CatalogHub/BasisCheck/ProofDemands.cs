using CatalogHub.ImplementationLists;
using CatalogHub.Lists.ProofItems;

namespace CatalogHub.BasisCheck;

/// <summary>
/// May this proof be demanded for the item? Only one a proof item in force names, for the item's base entry (000:15,
/// 004:26: no proof outside the published list), and never one the implementation list has supplied by an e-licence
/// or shared data (003:38, 002:44, 002:28(二)(三)).
/// </summary>
public static class ProofDemands
{
    public static ListVerdict Judge(string element, DemandedProof demanded, ItemInForce item, IReadOnlyList<Timeline> proofs)
    {
        var finding = ListFinding.In<ProofItemContent>(proofs, item,
            p => p.ServedEntries.Contains(item.EntryId) && ServingLists.Same(p.Name, demanded.Name));
        var reasons = finding.Refusals(ProofItemRules.List, new("proof-not-listed", ProofItemRules.List,
            "No proof item in force names this proof for the item; no proof outside the published list may be demanded (000:15, 004:26)."));
        var supplied = item.List.Materials.FirstOrDefault(m =>
            m.Source is MaterialSource.ELicence or MaterialSource.SharedData && ServingLists.Same(m.Name, demanded.Name));
        if (supplied is not null)
            reasons.Add(new("proof-supplied-by-e-licence", ImplementationListsList.Name, supplied.Source == MaterialSource.ELicence
                ? $"'{supplied.Name}' is supplied by e-licence {supplied.LicenceTypeCode}: the department reads it and demands no proof (003:38, 002:44)."
                : $"'{supplied.Name}' is supplied by shared data: the department checks it and demands no proof (003:38, 002:44)."));
        return finding.Verdict(element, demanded.Name, reasons);
    }
}
