namespace CatalogHub.Filing.CityChanges;

/// <param name="Reason">Why the county keeps its version against the city's new one (e.g. 本县实施机关不变，市级调整不涉及本县).</param>
public sealed record ConfirmDerivedVersion(string Reason);

public static class CityChangesEndpoint
{
    /// <summary>
    /// The caller's derived items whose city source changed: a version of the city item is in force now that is not the
    /// one the county's current version stands on, or the city item was repealed. A county catalogue manager sees its
    /// region's; a department sees the items it owns. Cleared by publishing a new county version or by a confirmation.
    /// </summary>
    [WolverineGet("/filings/city-changes", Name = "ListCityChanges")]
    [ProblemCodes(400, "out-of-range", "validation-failed")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Filing")]
    [ProducesResponseType<CityChangeList>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> List(int? page, int? pageSize, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        var paging = Paging.Read(input, page, pageSize, MaxPageSize);
        if (input.Failed) return input.Problem();
        var caller = Caller.Required(user);
        var now = clock.GetUtcNow();
        // Whether an item changed depends on the city version in force now, so it is decided per item, in memory: a county
        // derives a few thousand items at most.
        var changed = (await FilingReads.Derived(session, caller.RegionCode, OwnerFilter(caller), null, null, now, http.RequestAborted))
            .Where(d => d.Changed).ToList();
        return TypedResults.Ok(new CityChangeList(now, [.. changed.Skip(paging.Offset).Take(paging.PageSize)], changed.Count, paging.Page, paging.PageSize));
    }

    public const int MaxPageSize = 200;

    /// <summary>
    /// The owner (or the county's catalogue manager) keeps the current version of a derived item against the city version
    /// in force now (or against the city item's repeal): it no longer shows as changed until the city publishes again.
    /// If-Match: the item's <c>version</c> in the city-changes view ("0" before the first confirmation). Confirming what
    /// shows no change records nothing.
    /// </summary>
    [WolverinePost("/filings/{list}/{itemId}/confirm", Name = "ConfirmDerivedVersion")]
    [Authorize(Policy = Policies.CatalogueWriter)]
    [Tags("Filing")]
    [ProducesResponseType<CityChangeView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public static async Task<IResult> Confirm(string list, Guid itemId, ConfirmDerivedVersion command, HttpContext http, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock)
    {
        var input = new Validation();
        input.Text("reason", command.Reason, 500);
        if (input.Failed) return input.Problem();
        var (expected, precondition) = FilingAccess.ExpectedVersion(http);
        if (expected is null) return precondition!;

        var caller = Caller.Required(user);
        var now = clock.GetUtcNow();
        var item = FilingConfiguration.IsFiledList(list)
            ? (await FilingReads.Derived(session, caller.RegionCode, OwnerFilter(caller), list, itemId, now, http.RequestAborted)).SingleOrDefault()
            : null;
        if (item is null) return Problems.NotFound("The derived item");
        if (item.Version != expected)
            return Problems.PreconditionFailed($"You sent version {expected}; the item's confirmations are at version {item.Version}.");
        if (!item.Changed)
        {
            http.SetETag(item.Version);
            return TypedResults.Ok(item);
        }

        var confirmed = new DerivedVersionConfirmed(FilingStreams.Confirmation(list, itemId), list, itemId, item.Citation.Version, item.SourceId,
            item.CurrentSourceCitation?.Version, caller.DepartmentCode, now, command.Reason);
        // Marten re-checks the stream version at commit: a concurrent confirmation surfaces as a stale write.
        session.Events.Append(confirmed.ConfirmationId, item.Version + 1, confirmed);
        session.Record(caller, command.Reason, http);
        var version = item.Version + 1;
        http.SetETag(version);
        return TypedResults.Ok(item with
        {
            BasisCitation = item.CurrentSourceCitation, Changed = false, Changes = [],
            Confirmation = DerivedConfirmation.Create(confirmed) with { Version = version }, Version = version,
        });
    }

    /// <summary>A county catalogue manager answers for every item of its region; any other department for the items it owns.</summary>
    private static Guid? OwnerFilter(Caller caller) => caller.Has(Role.CatalogueManager) ? null : caller.DepartmentId;
}
