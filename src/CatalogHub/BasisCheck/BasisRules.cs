using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;

namespace CatalogHub.BasisCheck;

/// <summary>One reason for a verdict, with a stable code; <c>List</c> names which list the reason comes from.</summary>
public sealed record Reason(string Code, string List, string Message);

/// <summary>The verdict on one demanded element; <c>Element</c> is its path in the request, e.g. <c>materials[1]</c>.</summary>
public sealed record ElementVerdict(string Element, string Name, bool Allowed, IReadOnlyList<Reason> Reasons);

/// <summary>
/// The rules of the basis check as a pure function of the two timelines (003:10, 003:38, 003:46, 003:55): nothing
/// may be demanded for an item unless its base catalogue entry and its implementation list are both published and
/// in force at the instant; then only what the list names, in the form it names, and never on paper what an
/// e-licence or shared data supplies. The elements of the other registered lists (proofs, intermediary services, 告知承诺,
/// 容缺受理) are judged by their own rule sets over the timelines that named the entry (<see cref="ServingLists"/>);
/// every version any verdict relies on is cited, every repeal that refused one is given.
/// </summary>
public static class BasisRules
{
    public sealed record Outcome(IReadOnlyList<Reason> ItemReasons, IndexedVersion? Entry, IndexedVersion? List,
        IReadOnlyList<RepealCitation> ItemRepeals, IReadOnlyList<ElementVerdict> Materials, IReadOnlyList<ElementVerdict> Conditions,
        IReadOnlyList<ElementVerdict> Fees, IReadOnlyList<ListVerdict> Proofs, IReadOnlyList<ListVerdict> IntermediaryServices,
        PromiseVerdict? Promise, IReadOnlyList<MissingMaterialVerdict> MissingMaterials)
    {
        // The verdict and the three lists below are gathered on every basis check: loops, not chains of Concat and Distinct, which
        // allocated an enumerator per step (issue 14's basis-check target).
        public bool Allowed
        {
            get
            {
                if (ItemReasons.Count > 0 || Promise is { Allowed: false }) return false;
                foreach (var v in Materials) if (!v.Allowed) return false;
                foreach (var v in Conditions) if (!v.Allowed) return false;
                foreach (var v in Fees) if (!v.Allowed) return false;
                foreach (var v in Proofs) if (!v.Allowed) return false;
                foreach (var v in IntermediaryServices) if (!v.Allowed) return false;
                foreach (var v in MissingMaterials) if (!v.Allowed) return false;
                return true;
            }
        }

        /// <summary>Why it is not allowed: the distinct codes of the item's reasons, then of each refused element's, in answer order.</summary>
        public IReadOnlyList<string> ReasonCodes
        {
            get
            {
                var codes = new List<string>();
                AddCodes(codes, ItemReasons);
                foreach (var v in Materials) if (!v.Allowed) AddCodes(codes, v.Reasons);
                foreach (var v in Conditions) if (!v.Allowed) AddCodes(codes, v.Reasons);
                foreach (var v in Fees) if (!v.Allowed) AddCodes(codes, v.Reasons);
                foreach (var v in Proofs) if (!v.Allowed) AddCodes(codes, v.Reasons);
                foreach (var v in IntermediaryServices) if (!v.Allowed) AddCodes(codes, v.Reasons);
                if (Promise is { Allowed: false } refused) AddCodes(codes, refused.Reasons);
                foreach (var v in MissingMaterials) if (!v.Allowed) AddCodes(codes, v.Reasons);
                return codes;
            }
        }

        /// <summary>Every published version relied on, once each: the entry, the implementation list, then each list version a verdict cites.</summary>
        public IReadOnlyList<Citation> Citations
        {
            get
            {
                var cited = new List<Citation>();
                AddOnce(cited, Entry?.Citation);
                AddOnce(cited, List?.Citation);
                foreach (var v in Proofs) AddOnce(cited, v.Citation);
                foreach (var v in IntermediaryServices) AddOnce(cited, v.Citation);
                AddOnce(cited, Promise?.Citation);
                foreach (var v in MissingMaterials) AddOnce(cited, v.Citation);
                return cited;
            }
        }

        /// <summary>Every repeal that refused something, once each.</summary>
        public IReadOnlyList<RepealCitation> Repeals
        {
            get
            {
                var repeals = new List<RepealCitation>();
                foreach (var r in ItemRepeals) AddOnce(repeals, r);
                foreach (var v in Proofs) AddOnce(repeals, v.Repeal);
                foreach (var v in IntermediaryServices) AddOnce(repeals, v.Repeal);
                AddOnce(repeals, Promise?.Repeal);
                foreach (var v in MissingMaterials) AddOnce(repeals, v.Repeal);
                return repeals;
            }
        }

        private static void AddCodes(List<string> codes, IReadOnlyList<Reason> reasons)
        {
            foreach (var r in reasons) AddOnce(codes, r.Code);
        }

        private static void AddOnce<T>(List<T> into, T? item) where T : class
        {
            if (item is not null && !into.Contains(item)) into.Add(item);
        }
    }

    public static Outcome Decide(CheckBasis request, DateTimeOffset instant, DateTimeOffset? knownAt, Timeline? entry, Timeline? list, ServingLists? serving = null)
    {
        var entryAt = entry?.At(instant, knownAt) ?? new Standing(StandingKind.Unknown, null, null);
        var listAt = list?.At(instant, knownAt) ?? new Standing(StandingKind.Unknown, null, null);
        var itemReasons = new List<Reason>();
        if (ItemReason(entryAt, CatalogueList.Name, instant) is { } e) itemReasons.Add(e);
        if (ItemReason(listAt, ImplementationListsList.Name, instant) is { } l) itemReasons.Add(l);
        IReadOnlyList<RepealCitation> repeals = [.. new[] { entryAt.Repeal, listAt.Repeal }.OfType<RepealCitation>()];

        var content = itemReasons.Count == 0 ? listAt.Version!.ContentAs<ImplementationListContent>()! : null;
        List<ElementVerdict> Judge<T>(IReadOnlyList<T>? demanded, string field, Func<T, string> name, Func<T, ImplementationListContent, IEnumerable<Reason>> rule) =>
            [.. (demanded ?? []).Select((d, i) => Verdict($"{field}[{i}]", name(d), content is null ? itemReasons : [.. rule(d, content)]))];

        // Once the entry and the list are in force, the entry the other lists name is the entry's timeline.
        var item = content is null ? null : new ItemInForce(entry!.Id, content, instant, knownAt);
        var lists = serving ?? ServingLists.None;
        List<ListVerdict> JudgeListed<T>(IReadOnlyList<T>? demanded, string field, Func<T, string> name,
            Func<string, T, ItemInForce, ListVerdict> rule) =>
            [.. (demanded ?? []).Select((d, i) => item is null
                ? new ListVerdict($"{field}[{i}]", name(d), false, itemReasons, null, null)
                : rule($"{field}[{i}]", d, item))];

        return new Outcome(itemReasons, entryAt.Version, listAt.Version, repeals,
            Judge(request.Materials, "materials", m => m.Name ?? m.LicenceTypeCode ?? "", Material),
            Judge(request.Conditions, "conditions", c => c.Text, Condition),
            Judge(request.Fees, "fees", f => f.Name, Fee),
            JudgeListed(request.Proofs, "proofs", p => p.Name, (at, p, i) => ProofDemands.Judge(at, p, i, lists.Proofs)),
            JudgeListed(request.IntermediaryServices, "intermediaryServices", s => s.Name,
                (at, s, i) => IntermediaryDemands.Judge(at, s, i, lists.IntermediaryServices)),
            request.Promise is not { } promise ? null
                : item is null ? PromiseVerdict.Refused(itemReasons) : PromiseVerdict.Judge(promise, item, lists.Promises),
            request.MissingMaterials is not { } missing ? []
                : item is null ? [.. missing.Select((m, i) => new MissingMaterialVerdict(MissingMaterialVerdict.ElementAt(i), m, false, itemReasons, null, null, null))]
                : MissingMaterialVerdict.Judge(missing, item, lists.Deferrals));
    }

    private static ElementVerdict Verdict(string element, string name, IReadOnlyList<Reason> reasons) => new(element, name, reasons.Count == 0, reasons);

    private static Reason? ItemReason(Standing standing, string list, DateTimeOffset instant) => standing.Kind switch
    {
        StandingKind.InForce => null,
        StandingKind.Repealed => new("repealed", list, $"Repealed with effect from {standing.Repeal!.EffectiveAt:O}: {standing.Repeal.Reason}"),
        StandingKind.NotYetInForce => new("not-published-on-that-date", list, $"No published version was in force at {instant:O}."),
        StandingKind.DraftOnly => new("draft-only", list, "Only a draft exists; a draft is never a basis for handling an item (003:10)."),
        _ => new("not-listed", list, list == CatalogueList.Name
            ? "The region's base catalogue has no such item."
            : "The item has no implementation list in this region."),
    };

    private static readonly Reason NotListed = new("material-not-listed", ImplementationListsList.Name,
        "The implementation list does not name this material; nothing outside the list may be demanded (003:38).");

    private static IEnumerable<Reason> Material(DemandedMaterial demanded, ImplementationListContent content)
    {
        var listed = content.Materials.FirstOrDefault(m => demanded.Name is { } name
            ? m.Name == name.Trim()
            : m.Source == MaterialSource.ELicence && m.LicenceTypeCode == demanded.LicenceTypeCode);
        if (listed is null)
        {
            yield return NotListed;
            yield break;
        }
        var paper = demanded.Form is MaterialForm.Paper or MaterialForm.Both;
        if (paper && listed.Source == MaterialSource.ELicence)
            yield return new("paper-where-e-licence-listed", ImplementationListsList.Name,
                $"'{listed.Name}' is supplied by e-licence {listed.LicenceTypeCode}; it may not be demanded on paper (003:38, 002:44).");
        else if (paper && listed.Source == MaterialSource.SharedData)
            yield return new("paper-where-shared-data-listed", ImplementationListsList.Name,
                $"'{listed.Name}' is supplied by shared data; it may not be demanded on paper (003:38, 001:19).");
        else if (demanded.Form is { } form && listed.Form != MaterialForm.Both && form != listed.Form)
            yield return new("form-not-listed", ImplementationListsList.Name, $"'{listed.Name}' is listed in {listed.Form} form only.");
        if (demanded.Copies is { } copies && copies > listed.Copies)
            yield return new("copies-exceed-listed", ImplementationListsList.Name, $"'{listed.Name}' is listed with {listed.Copies} copies.");
    }

    private static IEnumerable<Reason> Condition(DemandedCondition demanded, ImplementationListContent content)
    {
        var listed = content.Conditions.FirstOrDefault(c => c.Text == demanded.Text.Trim());
        if (listed is null)
            yield return new("condition-not-listed", ImplementationListsList.Name,
                "The implementation list does not state this condition; none may be added without a legal basis (003:9, 003:55).");
        else if (listed.Basis is null)
            yield return new("condition-without-basis", ImplementationListsList.Name, "The listed condition cites no legal basis (003:55).");
    }

    private static IEnumerable<Reason> Fee(DemandedFee demanded, ImplementationListContent content)
    {
        var listed = content.Free ? null : content.Fees.FirstOrDefault(f => f.Name == demanded.Name.Trim());
        if (listed is null)
            yield return new("fee-not-listed", ImplementationListsList.Name,
                content.Free ? "The item is free of charge." : "The implementation list names no such fee (003:46).");
        else if (listed.Basis is null || string.IsNullOrWhiteSpace(listed.Standard))
            yield return new("fee-without-basis", ImplementationListsList.Name, "The listed fee lacks a published basis or standard (003:46, 001:29).");
    }
}
