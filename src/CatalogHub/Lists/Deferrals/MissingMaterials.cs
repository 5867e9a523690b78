using CatalogHub.ImplementationLists;

namespace CatalogHub.Lists.Deferrals;

/// <summary>A missing material that may follow acceptance, within how many working days, and the clause that says so.</summary>
public sealed record FollowingMaterial(string Name, int WithinWorkingDays, string Field);

/// <summary>
/// A missing material that keeps the application from being accepted, and why: <c>main-material</c> (it must be
/// present, 004:24), <c>not-deferrable</c> (the list does not let it follow), or <c>deferral-without-deadline</c>
/// (a draft's material with no deadline to tell the applicant). <c>Field</c> is the clause of the list, if any.
/// </summary>
public sealed record BlockingMaterial(string Name, string Reason, string? Field);

/// <summary>
/// What an item's 容缺受理 entry says of an application that lacks some materials (000:25, 004:24): it may be accepted,
/// on the applicant's written promise, only if every missing material may follow; each then follows within its
/// deadline, counted in working days from acceptance, or the application counts as withdrawn.
/// </summary>
public sealed record MissingMaterials(bool MayAccept, IReadOnlyList<FollowingMaterial> MayFollow, IReadOnlyList<BlockingMaterial> Blocking)
{
    public const string MainMaterial = "main-material";
    public const string NotDeferrable = "not-deferrable";
    public const string DeferralWithoutDeadline = "deferral-without-deadline";

    /// <summary>
    /// Names are matched as a reader reads them (NFKC, blanks and invisible characters removed, as
    /// <see cref="VagueMaterials.Normalised"/>), so a full-width or spaced spelling finds its clause. Each missing
    /// name is answered once, in the order given, under the name the caller gave.
    /// </summary>
    public static MissingMaterials Of(DeferralContent content, IEnumerable<string> missing)
    {
        var main = new Dictionary<string, int>();
        for (var i = 0; i < content.MainMaterials.Count; i++) main.TryAdd(VagueMaterials.Normalised(content.MainMaterials[i]), i);
        var deferrable = new Dictionary<string, int>();
        for (var i = 0; i < content.DeferrableMaterials.Count; i++) deferrable.TryAdd(VagueMaterials.Normalised(content.DeferrableMaterials[i].Name), i);

        var follow = new List<FollowingMaterial>();
        var blocking = new List<BlockingMaterial>();
        var seen = new HashSet<string>();
        foreach (var name in missing)
        {
            var key = VagueMaterials.Normalised(name);
            if (!seen.Add(key)) continue;
            // A main material blocks even if a faulty draft also lists it as deferrable (refused at publication).
            if (main.TryGetValue(key, out var m)) blocking.Add(new(name, MainMaterial, $"content.mainMaterials[{m}]"));
            else if (!deferrable.TryGetValue(key, out var d)) blocking.Add(new(name, NotDeferrable, null));
            else if (content.DeferrableMaterials[d].WithinWorkingDays is { } days)
                follow.Add(new(name, days, $"content.deferrableMaterials[{d}]"));
            else blocking.Add(new(name, DeferralWithoutDeadline, $"content.deferrableMaterials[{d}].withinWorkingDays"));
        }
        return new(blocking.Count == 0, follow, blocking);
    }
}
