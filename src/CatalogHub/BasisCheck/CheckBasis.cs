using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;

namespace CatalogHub.BasisCheck;

/// <summary>A material a case handler wants to demand: by its listed name, or by the e-licence type that supplies it.</summary>
public sealed record DemandedMaterial(string? Name, string? LicenceTypeCode, MaterialForm? Form, int? Copies);

public sealed record DemandedCondition(string Text);

public sealed record DemandedFee(string Name);

/// <summary>"May this be demanded, for this item, in this region, at this instant?" (now when <c>AsOf</c> is omitted).</summary>
public sealed record CheckBasis(string RegionCode, string ItemCode, DateTimeOffset? AsOf,
    IReadOnlyList<DemandedMaterial>? Materials, IReadOnlyList<DemandedCondition>? Conditions, IReadOnlyList<DemandedFee>? Fees);

/// <summary>
/// The answer: allowed only when every element is. <c>Citations</c> are the published versions relied on (base
/// entry, implementation list); <c>Repeals</c> the repeals that refused; <c>Index</c> how current the answer is.
/// </summary>
public sealed record BasisAnswer(string RegionCode, string ItemCode, DateTimeOffset AsOf, bool Allowed, IReadOnlyList<Reason> Reasons,
    IReadOnlyList<Citation> Citations, IReadOnlyList<RepealCitation> Repeals, IReadOnlyList<ElementVerdict> Materials,
    IReadOnlyList<ElementVerdict> Conditions, IReadOnlyList<ElementVerdict> Fees, IndexStatus Index);

public static class CheckBasisEndpoint
{
    public const int MaxElements = 200;

    /// <summary>
    /// Read-only, for any caller with a key (case-handling systems, portals, the 12345 hotline). Answered from the
    /// in-memory index of published timelines, never from the database; <c>index</c> in the answer says up to which
    /// change-log position it is current.
    /// </summary>
    [WolverinePost("/basis-check", Name = "CheckBasis")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Basis check")]
    [ProducesResponseType<BasisAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static IResult Post(CheckBasis command, PublishedIndex index, TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        // A question about the past may name a region abolished since.
        RegionCode.CheckKnown(input, "regionCode", command.RegionCode);
        EntryContentRules.CheckItemCode(input, command.ItemCode);
        Each(input, "materials", command.Materials, (at, m) =>
        {
            input.Check(m.Name is not null || m.LicenceTypeCode is not null, at, "required", "name or licenceTypeCode is required.");
            input.Text($"{at}.name", m.Name, 200, required: false);
            input.Text($"{at}.licenceTypeCode", m.LicenceTypeCode, 64, required: false);
            input.Check(m.Copies is null or >= 1 and <= 99, $"{at}.copies", "out-of-range", "must be 1-99.");
        });
        Each(input, "conditions", command.Conditions, (at, c) => input.Text($"{at}.text", c.Text, 500));
        Each(input, "fees", command.Fees, (at, f) => input.Text($"{at}.name", f.Name, 200));
        if (input.Failed) return input.Problem();
        if (!index.IsLoaded)
        {
            // Half an index would answer "not listed" for what is listed: say so instead.
            http.Response.Headers.RetryAfter = StoreFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "index-not-loaded", "The published index is not loaded yet; retry later.",
                "This node could not read the published lists from the store since it started.");
        }

        var status = index.Status;
        var instant = command.AsOf ?? clock.GetUtcNow();
        var list = index.Find(ImplementationListVersion.List, command.RegionCode, command.ItemCode);
        var outcome = BasisRules.Decide(command, instant, EntryOf(index, list, command.RegionCode, command.ItemCode, instant), list);
        var allowed = outcome.ItemReasons.Count == 0
            && outcome.Materials.Concat(outcome.Conditions).Concat(outcome.Fees).All(v => v.Allowed);
        return TypedResults.Ok(new BasisAnswer(command.RegionCode, command.ItemCode, instant, allowed, outcome.ItemReasons,
            [.. new[] { outcome.Entry, outcome.List }.OfType<IndexedVersion>().Select(v => v.Citation)], outcome.Repeals,
            outcome.Materials, outcome.Conditions, outcome.Fees, status));
    }

    /// <summary>
    /// The entry the list implements (as its version in force names it, else its latest); without a list, the
    /// region's own entry for the item code, else that of the nearest region above (a county handling a city item).
    /// </summary>
    private static Timeline? EntryOf(PublishedIndex index, Timeline? list, string regionCode, string itemCode, DateTimeOffset instant)
    {
        var implemented = list?.At(instant).Version?.EntryId ?? (list?.Versions.Length > 0 ? list.Versions[^1].EntryId : null);
        if (implemented is { } entryId) return index.Find(entryId);
        for (string? region = regionCode; region is not null; region = RegionCode.Parent(region))
            if (index.Find(EntryVersion.List, region, itemCode) is { } entry) return entry;
        return null;
    }

    private static void Each<T>(Validation input, string field, IReadOnlyList<T>? items, Action<string, T> check)
    {
        if (!input.List(field, items, MaxElements, required: false) || items is null) return;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null) input.Add($"{field}[{i}]", "required", "is required.");
            else check($"{field}[{i}]", items[i]);
        }
    }
}
