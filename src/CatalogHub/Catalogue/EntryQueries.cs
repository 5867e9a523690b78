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

    /// <summary>A page of the entries in force, in code order, with their count (<see cref="RegionReads.Page{TVersion}"/>: one statement).</summary>
    public static Task<(long Total, IReadOnlyList<ItemVersion<EntryContent>> Page)> InForce(
        IQuerySession session, CatalogueFilter filter, Clocks clocks, int page, int pageSize, CancellationToken ct)
    {
        var (intervals, where, parameters, readsContent) = InForceRelation(filter, clocks);
        // Without content filters the versions are not joined before the page is cut: only the page's documents are read.
        return RegionReads.Page<ItemVersion<EntryContent>>(session, VersionsTable, $"{intervals} {(readsContent ? WithDocuments : "")} {where}",
            parameters, clocks, new Paging(page, pageSize), ct);
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
