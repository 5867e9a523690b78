namespace CatalogHub.Publication;

/// <summary>
/// 承接 (002:12, 004:11): a county takes over an item its city has published in the same list. The item's region is read
/// from its validity intervals, which every published version of every list has, so one check serves them all.
/// </summary>
public static class Derivation
{
    /// <param name="notPublished">The list's code for a source that has no published version (kept per list: clients know it).</param>
    public static async Task<IResult?> Refusal(IQuerySession session, string list, Guid source, string regionCode, string notPublished,
        CancellationToken ct) =>
        await Refusals(session, list, [("derivedFrom", source)], regionCode, notPublished, ct) is [var refused, ..]
            ? Problems.Rule(refused.Code, refused.Message, refused.Field)
            : null;

    /// <summary>As <see cref="Refusal"/> for several items of one region (a bulk publication), each source named by its field: one round trip.</summary>
    public static async Task<IReadOnlyList<FieldError>> Refusals(IQuerySession session, string list, IReadOnlyList<(string Field, Guid Source)> sources,
        string regionCode, string notPublished, CancellationToken ct)
    {
        if (sources.Count == 0) return [];
        var regions = await session.AdvancedSql.QueryAsync<string>($"""
            select coalesce((select i.region_code from {ValidityIntervalProjection.Table} i
                             where i.list = ? and i.id = s.id and i.retracted_at is null limit 1), '')
            from unnest(?::uuid[]) with ordinality s(id, n) order by s.n
            """, ct, list, sources.Select(s => s.Source).ToArray());
        var parent = RegionCode.Parent(regionCode);
        return [.. sources.Zip(regions).Where(s => s.Second != parent).Select(s => s.Second == ""
            ? new FieldError(s.First.Field, notPublished, "An item can only derive from a published item of the same list.")
            : new FieldError(s.First.Field, "derivation-not-from-parent-region", $"{regionCode} derives items from its parent region {parent}, not {s.Second}."))];
    }
}
