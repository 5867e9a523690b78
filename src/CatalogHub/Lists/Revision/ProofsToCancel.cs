using CatalogHub.BasisCheck;
using CatalogHub.ImplementationLists;
using CatalogHub.Lists.Promises;
using CatalogHub.Lists.ProofItems;

namespace CatalogHub.Lists.Revision;

/// <summary>
/// A published proof item that 002:28 says must be cancelled, on a ground the hub can see in another list: <c>replaced-by-promise</c>
/// (a 告知承诺 item in force for an entry it serves replaces a material of its name) or <c>supplied-by-e-licence</c> /
/// <c>supplied-by-shared-data</c> (the implementation list in force for an entry it serves lists the material as supplied so).
/// <c>Cause</c> cites the version of the other list that shows it.
/// </summary>
public sealed record ProofToCancel(Guid Id, string? Code, string Name, Citation Citation, string Ground, Citation Cause);

/// <summary>Finds them from the index, as a pure function of the timelines: the other list changes, the proof is flagged at once.</summary>
public static class ProofsToCancel
{
    public static IEnumerable<ProofToCancel> In(PublishedIndex index, string regionCode, DateTimeOffset instant)
    {
        foreach (var proof in index.All(ProofItemRules.List).Where(p => p.RegionCode == regionCode))
        {
            if (proof.At(instant).Version is not { } version || version.ContentAs<ProofItemContent>() is not { } content) continue;
            var name = VagueMaterials.Normalised(content.Name);
            foreach (var entry in content.ServedEntries)
            {
                foreach (var promise in InForce(index.Referencing(PromiseRules.List, entry), instant))
                    if (promise.ContentAs<PromiseContent>() is { } p && p.EntryId == entry
                        && p.Replaces.Any(r => r.Kind == ReplacedKind.Material && VagueMaterials.Normalised(r.Name) == name))
                        yield return new(proof.Id, proof.ItemCode, content.Name, version.Citation, "replaced-by-promise", promise.Citation);
                foreach (var list in InForce(index.Referencing(ImplementationListsList.Name, entry), instant))
                    if (list.ContentAs<ImplementationListContent>()?.Materials.FirstOrDefault(m => VagueMaterials.Normalised(m.Name) == name) is
                        { Source: MaterialSource.ELicence or MaterialSource.SharedData } supplied)
                        yield return new(proof.Id, proof.ItemCode, content.Name, version.Citation,
                            supplied.Source == MaterialSource.ELicence ? "supplied-by-e-licence" : "supplied-by-shared-data", list.Citation);
            }
        }
    }

    private static IEnumerable<IndexedVersion> InForce(IEnumerable<Timeline> timelines, DateTimeOffset instant) =>
        timelines.Select(t => t.At(instant).Version).OfType<IndexedVersion>();
}
