using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;

namespace CatalogHub.Lists.Deferrals;

/// <summary>
/// The 容缺受理 list's rules. <see cref="Check"/> is the shape a draft must have (400). <see cref="RefusalsToPublish"/>
/// is what may not become law (422 at publication): an entry with no main material (003:33, 004:24 accept only when
/// the main materials are complete), a material that is both main and deferrable, a deferrable material with no
/// deadline or one beyond <see cref="MaxDeferralDays"/>, and catch-all material names (003:9).
/// </summary>
public static class DeferralRules
{
    public const string List = "deferrals";
    public const string Title = "容缺受理事项清单";

    /// <summary>
    /// The longest deadline for a deferred material, in working days. An administrative licence is decided within
    /// twenty days of acceptance (行政许可法 第四十二条), counted in working days (第八十二条), and a deferred
    /// application is decided within the promised time limit once complete (004:24). A material due later could not
    /// be examined before the decision is due: the deferral would either hold the decision past the statutory limit or
    /// let it be made without the material. So no deferral runs longer than that general limit; an item whose own
    /// promised limit is shorter is held to it where the implementation list is read (not here).
    /// </summary>
    public const int MaxDeferralDays = 20;

    [ProblemCodes(400, "out-of-range", "duplicate-material", "unknown-basis-level")]
    public static void Check(Validation v, DeferralContent? content)
    {
        if (content is null)
        {
            v.Add("content", "required", "is required.");
            return;
        }
        v.Check(content.EntryId != Guid.Empty, "content.entryId", "required", "is required: the base catalogue entry accepted with materials to follow.");
        v.Text("content.ifNotSupplied", content.IfNotSupplied, 500);

        // No main material is refused at publication, not here: a draft may be started from the deferrable side.
        if (content.MainMaterials is null) v.Add("content.mainMaterials", "required", "is required (use [] for none).");
        else if (v.List("content.mainMaterials", content.MainMaterials, 100, required: false))
        {
            for (var i = 0; i < content.MainMaterials.Count; i++) v.Text($"content.mainMaterials[{i}]", content.MainMaterials[i], 200);
            Duplicates(v, content.MainMaterials, i => $"content.mainMaterials[{i}]");
        }

        if (v.List("content.deferrableMaterials", content.DeferrableMaterials, 50))
        {
            for (var i = 0; i < content.DeferrableMaterials.Count; i++)
            {
                var at = $"content.deferrableMaterials[{i}]";
                if (content.DeferrableMaterials[i] is not { } material)
                {
                    v.Add(at, "required", "is required.");
                    continue;
                }
                v.Text($"{at}.name", material.Name, 200);
                if (material.WithinWorkingDays is { } days)
                    v.Check(days is >= 1 and <= ImplementationListRules.MaxLimitDays, $"{at}.withinWorkingDays", "out-of-range",
                        $"must be 1-{ImplementationListRules.MaxLimitDays} working days.");
            }
            Duplicates(v, content.DeferrableMaterials.Select(m => m?.Name).ToList(), i => $"content.deferrableMaterials[{i}].name");
        }

        ListContentRules.CheckBases(v, "content.legalBases", content.LegalBases);
    }

    /// <summary>A name listed twice would make the answer for it ambiguous (two deadlines); names are compared as read (NFKC, no blanks).</summary>
    private static void Duplicates(Validation v, IReadOnlyList<string?> names, Func<int, string> fieldOf)
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < names.Count; i++)
            if (!string.IsNullOrWhiteSpace(names[i]) && !seen.Add(VagueMaterials.Normalised(names[i]!)))
                v.Add(fieldOf(i), "duplicate-material", $"'{names[i]}' is listed twice.");
    }

    /// <summary>Every element that may not become law, each with its field path and code; empty when publishable. Expects content that passed <see cref="Check"/>.</summary>
    [ProblemCodes(422, "no-main-material", "vague-material", "material-both-main-and-deferrable", "deferral-without-deadline", "deferral-deadline-too-long")]
    public static IReadOnlyList<FieldError> RefusalsToPublish(DeferralContent content)
    {
        var refusals = new List<FieldError>();
        if (content.MainMaterials.Count == 0)
            refusals.Add(new("content.mainMaterials", "no-main-material",
                "name the main materials that must be complete for the application to be accepted (003:33, 004:24)."));
        for (var i = 0; i < content.MainMaterials.Count; i++)
            if (VagueMaterials.IsVague(content.MainMaterials[i]))
                refusals.Add(new($"content.mainMaterials[{i}]", "vague-material",
                    $"'{content.MainMaterials[i]}' is a catch-all; name each main material (003:9, 003:33)."));
        var main = content.MainMaterials.Select(VagueMaterials.Normalised).ToHashSet();
        for (var i = 0; i < content.DeferrableMaterials.Count; i++)
        {
            var (name, days) = (content.DeferrableMaterials[i].Name, content.DeferrableMaterials[i].WithinWorkingDays);
            var at = $"content.deferrableMaterials[{i}]";
            if (VagueMaterials.IsVague(name))
                refusals.Add(new($"{at}.name", "vague-material", $"'{name}' is a catch-all; name each material that may follow (003:9, 003:33)."));
            if (main.Contains(VagueMaterials.Normalised(name)))
                refusals.Add(new($"{at}.name", "material-both-main-and-deferrable",
                    $"'{name}' is also a main material: a main material must be present at acceptance, so it cannot follow (004:24)."));
            if (days is null)
                refusals.Add(new($"{at}.withinWorkingDays", "deferral-without-deadline",
                    $"state within how many working days '{name}' must follow; the applicant is told the deadline at once (000:25, 004:24)."));
            else if (days > MaxDeferralDays)
                refusals.Add(new($"{at}.withinWorkingDays", "deferral-deadline-too-long",
                    $"{days} working days runs past the {MaxDeferralDays} working days within which a licence is decided (行政许可法 第四十二条、第八十二条)."));
        }
        return refusals;
    }

    /// <summary>The list entry applies to a base catalogue entry, which must be in force when the entry is.</summary>
    public static IEnumerable<ListReference> References(DeferralContent content)
    {
        yield return new ListReference("content.entryId", CatalogueList.Name, content.EntryId);
    }
}
