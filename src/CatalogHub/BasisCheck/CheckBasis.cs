using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;

namespace CatalogHub.BasisCheck;

/// <summary>A material a case handler wants to demand: by its listed name, or by the e-licence type that supplies it.</summary>
public sealed record DemandedMaterial(string? Name, string? LicenceTypeCode, MaterialForm? Form, int? Copies);

public sealed record DemandedCondition(string Text);

public sealed record DemandedFee(string Name);

/// <summary>A proof (证明) a case handler wants to demand, by its name on the proof-item list.</summary>
public sealed record DemandedProof(string Name);

/// <summary>An intermediary service a case handler wants to require, by its listed name; <c>Provider</c> if the handler names who provides it.</summary>
public sealed record DemandedIntermediaryService(string Name, string? Provider);

/// <summary>"May this applicant use 告知承诺 for this item?": what the credit system says of the applicant (both required).</summary>
public sealed record PromiseQuestion(bool? SeriousBadCredit, bool? EarlierFalsePromise);

/// <summary>
/// "May this be demanded, for this item, in this region, at this instant?" (now when <c>AsOf</c> is omitted), as the record
/// stood at <c>KnownAt</c> (now when omitted: an auditor asks what the hub answered then, before a later correction). Beside
/// materials, conditions and fees: proofs, intermediary services, whether the applicant may use 告知承诺
/// (<c>Promise</c>), and which missing materials may follow acceptance under 容缺受理 (<c>MissingMaterials</c>, by name).
/// </summary>
public sealed record CheckBasis(string RegionCode, string ItemCode, DateTimeOffset? AsOf,
    IReadOnlyList<DemandedMaterial>? Materials, IReadOnlyList<DemandedCondition>? Conditions, IReadOnlyList<DemandedFee>? Fees,
    IReadOnlyList<DemandedProof>? Proofs = null, IReadOnlyList<DemandedIntermediaryService>? IntermediaryServices = null,
    PromiseQuestion? Promise = null, IReadOnlyList<string>? MissingMaterials = null, DateTimeOffset? KnownAt = null);

/// <summary>
/// The answer: allowed only when every element is (a promise the applicant may not use, or a missing material that may
/// not follow, refuses it too). <c>Reasons</c> are the item's own (its entry or implementation list not in force);
/// <c>ReasonCodes</c> summarises why the answer is not allowed, in one list a client can switch on: the distinct codes of the
/// item's reasons and of every refused element's, in the order the answer lists them (empty exactly when allowed). <c>Citations</c> are the published versions relied on (base entry, implementation
/// list, each proof, service, 告知承诺 and 容缺受理 version a verdict cites); <c>Repeals</c> the repeals that refused;
/// <c>Index</c> how current the answer is. <c>Promise</c> is null when not asked.
/// </summary>
public sealed record BasisAnswer(string RegionCode, string ItemCode, DateTimeOffset AsOf, DateTimeOffset KnownAt, bool Allowed, IReadOnlyList<Reason> Reasons,
    IReadOnlyList<string> ReasonCodes, IReadOnlyList<Citation> Citations, IReadOnlyList<RepealCitation> Repeals, IReadOnlyList<ElementVerdict> Materials,
    IReadOnlyList<ElementVerdict> Conditions, IReadOnlyList<ElementVerdict> Fees, IndexStatus Index,
    IReadOnlyList<ListVerdict> Proofs, IReadOnlyList<ListVerdict> IntermediaryServices, PromiseVerdict? Promise,
    IReadOnlyList<MissingMaterialVerdict> MissingMaterials);

public static class CheckBasisEndpoint
{
    public const int MaxElements = 200;

    /// <summary>
    /// Read-only, for any caller with a key (case-handling systems, portals, the 12345 hotline). Answered from the
    /// in-memory index of published timelines, never from the database; <c>index</c> in the answer says up to which
    /// change-log position it is current. With <c>?inclusionProofs=true</c>, also the inclusion proof of every cited version and repeal
    /// against the latest signed checkpoint, or the one of <c>checkpoint</c> leaves: read from the database only when asked.
    /// </summary>
    [WolverinePost("/basis-check", Name = "CheckBasis")]
    [ProblemCodes(400, "invalid-region-code", "unknown-region", "out-of-range", "known-at-in-future")]
    [ProblemCodes(typeof(Audit.Log.CitationProof), nameof(Audit.Log.CitationProof.Check))]
    [ProblemCodes(503, "index-not-loaded")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Basis check")]
    [ProducesResponseType<BasisAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static IResult Post(CheckBasis command, bool? inclusionProofs, long? checkpoint, PublishedIndex index, TimeProvider clock, HttpContext http, HubMetrics metrics)
    {
        using var timing = metrics.TimeBasisCheck(HubTracing.StartBasisCheck(command.RegionCode, command.ItemCode));
        var input = new Validation();
        Audit.Log.CitationProof.Check(input, inclusionProofs, checkpoint);
        // A question about the past may name a region abolished since.
        RegionCode.CheckKnown(input, "regionCode", command.RegionCode);
        EntryContentRules.CheckItemCode(input, command.ItemCode);
        Each(input, "materials", command.Materials, (at, m) =>
        {
            input.Check(m.Name is not null || m.LicenceTypeCode is not null, at, "required", "name or licenceTypeCode is required.");
            input.Text(at.Member("name"), m.Name, 200, required: false);
            input.Text(at.Member("licenceTypeCode"), m.LicenceTypeCode, 64, required: false);
            input.Check(m.Copies is null or >= 1 and <= 99, at.Member("copies"), "out-of-range", "must be 1-99.");
        });
        Each(input, "conditions", command.Conditions, (at, c) => input.Text(at.Member("text"), c.Text, 500));
        Each(input, "fees", command.Fees, (at, f) => input.Text(at.Member("name"), f.Name, 200));
        Each(input, "proofs", command.Proofs, (at, p) => input.Text(at.Member("name"), p.Name, 200));
        Each(input, "intermediaryServices", command.IntermediaryServices, (at, s) =>
        {
            input.Text(at.Member("name"), s.Name, 200);
            input.Text(at.Member("provider"), s.Provider, 200, required: false);
        });
        if (command.Promise is { } promise)
        {
            // Unknown is not "no": defaulting to false would let an excluded applicant promise.
            input.Check(promise.SeriousBadCredit is not null, "promise.seriousBadCredit", "required", "is required: true or false.");
            input.Check(promise.EarlierFalsePromise is not null, "promise.earlierFalsePromise", "required", "is required: true or false.");
        }
        Each(input, "missingMaterials", command.MissingMaterials, (at, m) => input.Text(at, m, 200));
        var now = clock.GetUtcNow();
        input.Check(command.KnownAt is null || command.KnownAt <= now, "knownAt", "known-at-in-future",
            "must not be after now: what the record will say then is not known yet.");
        if (input.Failed)
        {
            timing.Outcome = "invalid";
            return input.Problem();
        }
        if (!index.IsLoaded)
        {
            timing.Outcome = "index-not-loaded";
            // Half an index would answer "not listed" for what is listed: say so instead.
            http.Response.Headers.RetryAfter = StoreFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "index-not-loaded", "The published index is not loaded yet; retry later.",
                "This node could not read the published lists from the store since it started.");
        }

        var status = index.Status;
        var instant = command.AsOf ?? now;
        // Without knownAt, everything on record (a change another node recorded with a clock slightly ahead too), stated as now.
        var knownAt = command.KnownAt;
        var list = index.Find(ImplementationListsList.Name, command.RegionCode, command.ItemCode);
        var entry = EntryOf(index, list, command.RegionCode, command.ItemCode, instant, knownAt);
        // Only a question about the other lists gathers them: the plain materials check stays as cheap as it was.
        var asksOtherLists = command.Proofs is not null || command.IntermediaryServices is not null || command.Promise is not null
            || command.MissingMaterials is not null;
        var serving = entry is null || !asksOtherLists ? ServingLists.None : ServingLists.Of(index, entry.Id, command.RegionCode);
        var outcome = BasisRules.Decide(command, instant, knownAt, entry, list, serving);
        // Each of these gathers the verdicts anew: read once.
        var (allowed, reasonCodes, citations, repeals) = (outcome.Allowed, outcome.ReasonCodes, outcome.Citations, outcome.Repeals);
        (timing.Outcome, timing.ReasonCodes) = (allowed ? "allowed" : "not-allowed", reasonCodes);
        return Audit.Log.CitationProof.Answer(new BasisAnswer(command.RegionCode, command.ItemCode, instant, knownAt ?? now, allowed, outcome.ItemReasons,
            reasonCodes, [.. citations.Select(c => c with { AsOf = instant, KnownAt = knownAt ?? now })], repeals, outcome.Materials,
            outcome.Conditions, outcome.Fees, status,
            outcome.Proofs, outcome.IntermediaryServices, outcome.Promise, outcome.MissingMaterials),
            inclusionProofs, checkpoint, citations.Select(c => c.Sequence).Concat(repeals.Select(r => r.Sequence)));
    }

    /// <summary>
    /// The entry the list implements (as its version in force names it, else its latest); without a list, the
    /// region's own entry for the item code, else that of the nearest region above (a county handling a city item).
    /// </summary>
    private static Timeline? EntryOf(PublishedIndex index, Timeline? list, string regionCode, string itemCode, DateTimeOffset instant, DateTimeOffset? knownAt)
    {
        var implemented = EntryNamedBy(list?.At(instant, knownAt).Version) ?? (list?.Versions.Length > 0 ? EntryNamedBy(list.Versions[^1]) : null);
        if (implemented is { } entryId) return index.Find(entryId);
        for (string? region = regionCode; region is not null; region = RegionCode.Parent(region))
            if (index.Find(CatalogueList.Name, region, itemCode) is { } entry) return entry;
        return null;
    }

    private static Guid? EntryNamedBy(IndexedVersion? version) => version?.ContentAs<ImplementationListContent>()?.EntryId;

    private static void Each<T>(Validation input, string field, IReadOnlyList<T>? items, Action<FieldPath, T> check)
    {
        if (!input.List(field, items, MaxElements, required: false) || items is null) return;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null) input.Add(FieldPath.Element(field, i), "required", "is required.");
            else check(FieldPath.Element(field, i), items[i]);
        }
    }
}
