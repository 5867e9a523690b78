using CatalogHub.BasisCheck;

namespace CatalogHub.Lists.Revision;

/// <summary>
/// A reference, in the version in force, to an item that is not in force: <c>Standing</c> says why (<c>repealed</c> — a
/// cancelled proof item too —, <c>not-yet-in-force</c>, <c>draft-only</c>, <c>unknown</c>), <c>Repeal</c> cites the repeal.
/// </summary>
public sealed record BrokenReference(string Field, string List, Guid Id, string Standing, RepealCitation? Repeal);

/// <summary>An item whose version in force names items that are no longer law; its owner should revise it.</summary>
public sealed record ItemNeedingRevision(string List, Guid Id, string? RegionCode, string? Code, Citation Citation,
    IReadOnlyList<BrokenReference> References);

public sealed record NeedsRevisionView(string RegionCode, DateTimeOffset AsOf, IndexStatus Index, IReadOnlyList<ItemNeedingRevision> Items,
    IReadOnlyList<ProofToCancel> ProofsToCancel);

public static class NeedsRevisionEndpoint
{
    /// <summary>
    /// The published items of a region (the caller's by default) whose version in force names an item of another list that is not
    /// in force now: a proof item or intermediary service cancelled, an entry repealed. Owners revise and republish them; each
    /// such repeal also sends a <c>needs-revision</c> webhook notice per item. Beside them, the region's published proof items
    /// that must be cancelled on a ground another list shows (<see cref="ProofToCancel"/>). Answered from the in-memory index.
    /// </summary>
    [WolverineGet("/needs-revision", Name = "GetNeedsRevision")]
    [ProblemCodes(400, "required", "too-long", "invalid-region-code", "unknown-region")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Lists: needs revision")]
    [ProducesResponseType<NeedsRevisionView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static IResult Get(string? regionCode, ClaimsPrincipal user, PublishedIndex index, TimeProvider clock)
    {
        var region = regionCode ?? Caller.Required(user).RegionCode;
        var input = new Validation();
        RegionCode.CheckKnown(input, "regionCode", region);
        if (input.Failed) return input.Problem();

        var now = clock.GetUtcNow();
        var items = index.BrokenReferences(now)
            .Where(b => b.Dependent.RegionCode == region)
            .GroupBy(b => b.Dependent.Id)
            .Select(g => new ItemNeedingRevision(g.First().Dependent.List, g.Key, region, g.First().Dependent.ItemCode, g.First().Version.Citation,
                [.. g.Select(b => new BrokenReference(b.Reference.Field, b.Reference.List, b.Reference.Id, Name(b.Referenced.Kind), b.Referenced.Repeal))
                    .OrderBy(r => r.Field, StringComparer.Ordinal)]))
            .OrderBy(i => i.List, StringComparer.Ordinal).ThenBy(i => i.Code, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new NeedsRevisionView(region, now, index.Status, items, [.. ProofsToCancel.In(index, region, now)]));
    }

    private static string Name(StandingKind kind) => kind switch
    {
        StandingKind.Repealed => "repealed",
        StandingKind.NotYetInForce => "not-yet-in-force",
        StandingKind.DraftOnly => "draft-only",
        _ => "unknown",
    };
}
