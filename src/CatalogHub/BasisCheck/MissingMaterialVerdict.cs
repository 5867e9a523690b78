using CatalogHub.ImplementationLists;
using CatalogHub.Lists.Deferrals;

namespace CatalogHub.BasisCheck;

/// <summary>
/// May the application be accepted without this material (容缺受理, 003:33, 000:25, 004:24)? Only if the item's 容缺受理
/// entry in force lets it follow; <c>WithinWorkingDays</c> is then the deadline, counted in working days from
/// acceptance (the hub keeps no holiday calendar, so it gives no date). The application is accepted only if every
/// missing material may follow.
/// </summary>
public sealed record MissingMaterialVerdict(string Element, string Name, bool Allowed, IReadOnlyList<Reason> Reasons, int? WithinWorkingDays,
    Citation? Citation, RepealCitation? Repeal)
{
    public static IReadOnlyList<MissingMaterialVerdict> Judge(IReadOnlyList<string> missing, ItemInForce item, IReadOnlyList<Timeline> deferrals)
    {
        var finding = ListFinding.In<DeferralContent>(deferrals, item, d => d.EntryId == item.EntryId);
        if (finding.Version?.ContentAs<DeferralContent>() is not { } content)
        {
            Reason reason = finding.Repeal is null
                ? new("not-on-deferral-list", DeferralRules.List, "The item is not on the 容缺受理 list in force: every material must be present at acceptance (003:33).")
                : finding.RepealReason(DeferralRules.List);
            return [.. missing.Select((name, i) => new MissingMaterialVerdict(ElementAt(i), name, false, [reason], null, null, finding.Repeal))];
        }
        var answer = MissingMaterials.Of(content, missing);
        var follows = answer.MayFollow.ToDictionary(f => VagueMaterials.Normalised(f.Name));
        var blocks = answer.Blocking.ToDictionary(b => VagueMaterials.Normalised(b.Name));
        var citation = finding.Version.Citation;
        return [.. missing.Select((name, i) => follows.TryGetValue(VagueMaterials.Normalised(name), out var f)
            ? new MissingMaterialVerdict(ElementAt(i), name, true, [], f.WithinWorkingDays, citation, null)
            : new MissingMaterialVerdict(ElementAt(i), name, false, [Blocking(blocks[VagueMaterials.Normalised(name)])], null, citation, null))];
    }

    public static string ElementAt(int i) => $"missingMaterials[{i}]";

    private static Reason Blocking(BlockingMaterial b) => new(b.Reason, DeferralRules.List, b.Reason switch
    {
        MissingMaterials.MainMaterial => $"'{b.Name}' is a main material ({b.Field}): it must be present for the application to be accepted (004:24).",
        MissingMaterials.DeferralWithoutDeadline => $"'{b.Name}' has no deadline to follow ({b.Field}); the applicant must be told one at once (000:25).",
        _ => $"The 容缺受理 list does not let '{b.Name}' follow acceptance (003:33, 004:24).",
    });
}
