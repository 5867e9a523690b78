namespace CatalogHub.Publication;

/// <summary>What refuses a draft at publication, the same way for every list: its content's refusals, then its references.</summary>
public static class PublishRefusals
{
    /// <summary>The 422 answer for a list's refusals: one code when one element is at fault, each element in <c>errors</c>.</summary>
    public static IResult? Of(IReadOnlyList<FieldError> refusals) =>
        refusals.Count == 0 ? null
        : Problems.Rule(refusals.Count == 1 ? refusals[0].Code : "list-not-publishable",
            string.Join(" ", refusals.Select(r => $"{r.Field}: {r.Message}")), refusals[0].Field, refusals);

    /// <summary>
    /// Refuses (422 <c>reference-not-in-force</c>, each reference in <c>errors</c>) content that names an item of another list
    /// that has no published version in force when this version takes effect: a draft, a repealed or cancelled item, or one
    /// that takes effect later cannot be relied on (003:10). One round trip, through the validity intervals.
    /// </summary>
    public static async Task<IResult?> ReferencesNotInForce(IQuerySession session, IEnumerable<ListReference> references,
        DateTimeOffset effectiveAt, CancellationToken ct) =>
        Of(await NotInForce(session, references, effectiveAt, ct));

    /// <summary>The references of <see cref="ReferencesNotInForce"/> that are not in force, each as its error: one round trip however many.</summary>
    public static async Task<IReadOnlyList<FieldError>> NotInForce(IQuerySession session, IEnumerable<ListReference> references,
        DateTimeOffset effectiveAt, CancellationToken ct)
    {
        var all = references.ToList();
        if (all.Count == 0) return [];
        var missing = await session.AdvancedSql.QueryAsync<long>($"""
            select r.n from unnest(?::text[], ?::uuid[]) with ordinality r(list, id, n)
            where not exists (select 1 from {ValidityIntervalProjection.Table} i
                              where i.list = r.list and i.id = r.id and i.retracted_at is null and i.effective_at <= ? and (i.superseded_at is null or i.superseded_at > ?))
            order by r.n
            """, ct, all.Select(r => r.List).ToArray(), all.Select(r => r.Id).ToArray(), effectiveAt, effectiveAt);
        return [.. missing.Select(n => all[(int)n - 1]).Select(r => new FieldError(r.Field, "reference-not-in-force",
            $"{r.List} item {r.Id} has no published version in force at {effectiveAt:O}; publish it first, or let this version take effect later."))];
    }
}
