using CatalogHub.ImplementationLists;
using CatalogHub.Lists.Deferrals;
using CatalogHub.Lists.IntermediaryServices;
using CatalogHub.Lists.Promises;
using CatalogHub.Lists.ProofItems;

namespace CatalogHub.BasisCheck;

/// <summary>
/// The timelines of the registered lists whose versions named the item's base entry, in the regions that apply to the
/// item (its own first, then each above it, as the entry lookup goes): what the rules for proofs, intermediary
/// services, 告知承诺 and 容缺受理 judge. The endpoint gathers them from the index; the rules stay pure.
/// </summary>
public sealed record ServingLists(IReadOnlyList<Timeline> Proofs, IReadOnlyList<Timeline> IntermediaryServices,
    IReadOnlyList<Timeline> Promises, IReadOnlyList<Timeline> Deferrals)
{
    public static readonly ServingLists None = new([], [], [], []);

    public static ServingLists Of(PublishedIndex index, Guid entryId, string regionCode)
    {
        var regions = new List<string>();
        for (string? region = regionCode; region is not null; region = RegionCode.Parent(region)) regions.Add(region);
        // A list of a region below the one handling the item, or of another branch, does not apply here.
        IReadOnlyList<Timeline> Of(string list) =>
        [
            .. index.Referencing(list, entryId)
                .Where(t => t.RegionCode is { } r && regions.Contains(r))
                .OrderBy(t => regions.IndexOf(t.RegionCode!)),
        ];
        return new(Of(ProofItemRules.List), Of(IntermediaryServiceRules.List), Of(PromiseRules.List), Of(DeferralRules.List));
    }

    /// <summary>Names compared as a reader reads them (NFKC, blanks and invisible characters removed), as the lists compare them.</summary>
    public static bool Same(string a, string b) => VagueMaterials.Normalised(a) == VagueMaterials.Normalised(b);
}

/// <summary>
/// What one list says for an element at an instant: the version in force that matches it, else the repeal that ended
/// the last matching version (it refused the element), else nothing (not on the list).
/// </summary>
public sealed record ListFinding(IndexedVersion? Version, RepealCitation? Repeal)
{
    public static ListFinding In<T>(IEnumerable<Timeline> timelines, ItemInForce item, Func<T, bool> matches) where T : class
    {
        var standings = timelines.Select(t => (Timeline: t, At: t.At(item.Instant, item.KnownAt))).ToList();
        foreach (var (_, at) in standings)
            if (at.Version?.ContentAs<T>() is { } content && matches(content)) return new(at.Version, null);
        foreach (var (timeline, at) in standings)
            if (at.Kind == StandingKind.Repealed && timeline.Versions.Length > 0 && timeline.Versions[^1].ContentAs<T>() is { } last && matches(last))
                return new(null, at.Repeal);
        return new(null, null);
    }

    public Reason RepealReason(string list) =>
        new("repealed", list, $"Repealed with effect from {Repeal!.EffectiveAt:O}: {Repeal.Reason}");

    /// <summary>Why the list does not allow the element: the repeal that ended it, or <paramref name="notListed"/>; none when it does.</summary>
    public List<Reason> Refusals(string list, Reason notListed) =>
        Repeal is not null ? [RepealReason(list)] : Version is null ? [notListed] : [];

    public ListVerdict Verdict(string element, string name, IReadOnlyList<Reason> reasons) =>
        new(element, name, reasons.Count == 0, reasons, Version?.Citation, Repeal);
}

/// <summary>
/// The verdict on a demanded proof or intermediary service: <c>Citation</c> the list version that allows it, <c>Repeal</c>
/// the repeal that refused it.
/// </summary>
public sealed record ListVerdict(string Element, string Name, bool Allowed, IReadOnlyList<Reason> Reasons, Citation? Citation,
    RepealCitation? Repeal);

/// <summary>What the rules for one element need from the item once its entry and implementation list are in force.</summary>
public sealed record ItemInForce(Guid EntryId, ImplementationListContent List, DateTimeOffset Instant, DateTimeOffset? KnownAt);
