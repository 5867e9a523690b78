using System.Text.Json;
using CatalogHub.Publication.Lists;

namespace CatalogHub.Catalogue;

/// <summary>Filters of a catalogue listing; each null filter is ignored.</summary>
public sealed record CatalogueFilter(string? RegionCode, string? Category = null, string? CompetentDepartment = null,
    string? Text = null, string? ExternalSourceId = null, string? BasisTitle = null, string? BasisArticle = null);

/// <summary>
/// "As of" reads of the base catalogue, through the versions' validity intervals (<see cref="ValidityIntervalProjection"/>):
/// a version is in force at T as known at K when, among the intervals on record at K, its interval took effect at or before
/// T and was neither superseded nor repealed by T, so a repealed entry simply has no interval holding T. Only published
/// versions have intervals: drafts are not in these tables.
/// </summary>
public static class EntryQueries
{
    private static string VersionsTable => CatalogueList.Definition.VersionsTable;

    public static Task<AsOf<ItemVersion<EntryContent>, ItemRepeal>> AsOf(IQuerySession session, Guid entryId, Clocks clocks, CancellationToken ct) =>
        AsOfReads.Read<ItemVersion<EntryContent>, ItemRepeal>(session, CatalogueList.Name, VersionsTable, entryId, clocks, ct);

    public static async Task<(long Total, IReadOnlyList<ItemVersion<EntryContent>> Page)> InForce(
        IQuerySession session, CatalogueFilter filter, Clocks clocks, int page, int pageSize, CancellationToken ct)
    {
        var (intervals, where, parameters, readsContent) = InForceRelation(filter, clocks);
        var counted = readsContent ? $"{intervals} {WithDocuments}" : intervals;
        var total = (await session.AdvancedSql.QueryAsync<long>($"select count(*) from {counted} {where}", ct, [.. parameters])).Single();
        // Without content filters the page is cut from the index before any version document is read: only the page's are.
        var paged = readsContent
            ? $"select {RegionReads.WithClocks("l", "i")} from {intervals} {WithDocuments} {where} order by i.item_code, i.id limit ? offset ?"
            : $"select {RegionReads.WithClocks("l", "i")} from (select i.item_code, i.id, i.version_id, i.effective_at, i.placed_by from {intervals} {where} " +
              $"order by i.item_code, i.id limit ? offset ?) i {WithDocuments} order by i.item_code, i.id";
        var rows = await session.QueryAsync<ItemVersion<EntryContent>>(paged, ct,
            [.. parameters, pageSize, (page - 1) * pageSize]);
        return (total, [.. rows.Select(r => r with { AsOf = clocks.AsOf, KnownAt = clocks.KnownAt })]);
    }

    private static string WithDocuments => $"join {VersionsTable} l on l.id = i.version_id";

    /// <summary>
    /// The intervals holding the instant (one per entry in force): a region's through its fork indexes, the whole city's by
    /// reading every interval; then the filters, and whether a filter reads the versions' content (<c>l</c>). Without one the
    /// count reads no version document: the indexes cover it.
    /// </summary>
    private static (string Intervals, string Where, List<object> Parameters, bool ReadsContent) InForceRelation(CatalogueFilter filter, Clocks clocks)
    {
        string intervals, sql;
        List<object> parameters;
        if (filter.RegionCode is { } region)
        {
            (intervals, var inRegion) = ValidityIntervalProjection.InForceInRegion(CatalogueList.Name, region, clocks);
            (sql, parameters) = ("where true", [.. inRegion]);
        }
        else
        {
            intervals = $"{ValidityIntervalProjection.Table} i";
            sql = $"where i.list = ? and {ValidityIntervalProjection.InForceAt} and {ValidityIntervalProjection.KnownAt}";
            parameters = [CatalogueList.Name, clocks.AsOf, clocks.AsOf, clocks.Record, clocks.Record];
        }
        if (filter.Category is not null) { sql += " and l.data->'content'->>'category' = ?"; parameters.Add(filter.Category); }
        if (filter.CompetentDepartment is not null) { sql += " and l.data->'content'->>'competentDepartment' = ?"; parameters.Add(filter.CompetentDepartment); }
        if (filter.ExternalSourceId is not null) { sql += " and l.data->'content'->>'externalSourceId' = ?"; parameters.Add(filter.ExternalSourceId); }
        if (filter.Text is not null)
        {
            sql += " and (l.data->'content'->>'name' ilike ? or i.item_code ilike ?)";
            var pattern = "%" + filter.Text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            parameters.Add(pattern);
            parameters.Add(pattern);
        }
        if (filter.BasisTitle is not null)
        {
            // jsonb containment: some legal basis has this title (and this article, when given).
            var basis = filter.BasisArticle is null
                ? new Dictionary<string, string> { ["title"] = filter.BasisTitle }
                : new Dictionary<string, string> { ["title"] = filter.BasisTitle, ["article"] = filter.BasisArticle };
            sql += " and l.data->'content'->'legalBases' @> ?::jsonb";
            parameters.Add(JsonSerializer.Serialize(new[] { basis }));
        }
        // Every filter but the region reads the content.
        return (intervals, sql, parameters, filter with { RegionCode = null } != new CatalogueFilter(null));
    }
}
