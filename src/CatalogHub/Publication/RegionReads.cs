namespace CatalogHub.Publication;

/// <summary>A region's items of one list in force at an instant, through the validity intervals' region index.</summary>
public static class RegionReads
{
    private const string InForceAt =
        $"from {ValidityIntervalProjection.Table} i where i.list = ? and i.region_code = ? and i.effective_at <= ? and (i.superseded_at is null or i.superseded_at > ?)";

    /// <summary>The count comes from the index alone; the page is cut from it before any version document is read.</summary>
    public static async Task<(long Total, IReadOnlyList<TVersion> Page)> InForce<TVersion>(IQuerySession session, string list, string versionsTable,
        string regionCode, DateTimeOffset instant, Paging paging, CancellationToken ct)
    {
        var total = (await session.AdvancedSql.QueryAsync<long>($"select count(*) {InForceAt}", ct, list, regionCode, instant, instant)).Single();
        var rows = await session.QueryAsync<TVersion>(
            $"select l.data from (select i.item_code, i.id, i.version_id {InForceAt} order by i.item_code, i.id limit ? offset ?) i " +
            $"join {versionsTable} l on l.id = i.version_id order by i.item_code, i.id",
            ct, list, regionCode, instant, instant, paging.PageSize, paging.Offset);
        return (total, rows);
    }
}
