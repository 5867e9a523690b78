namespace CatalogHub.Publication;

/// <summary>A region's items of one list in force at an instant as known at another, through the validity intervals' indexes.</summary>
public static class RegionReads
{
    /// <summary>
    /// The count and the page come from the intervals' fork indexes alone (<see cref="ValidityIntervalProjection.InForceInRegion"/>);
    /// only the page's version documents are read. Each version comes with both instants, its interval's start and the change
    /// that recorded it, for its citation.
    /// </summary>
    public static async Task<(long Total, IReadOnlyList<TVersion> Page)> InForce<TVersion>(IQuerySession session, string list, string versionsTable,
        string regionCode, Clocks clocks, Paging paging, CancellationToken ct) where TVersion : class, IPublishedVersion
    {
        var (inForce, parameters) = ValidityIntervalProjection.InForceInRegion(list, regionCode, clocks);
        var total = (await session.AdvancedSql.QueryAsync<long>($"select count(*) from {inForce}", ct, parameters)).Single();
        var rows = await session.QueryAsync<TVersion>(
            $"select {WithClocks("l", "i")} from (select i.* from {inForce} order by i.item_code, i.id limit ? offset ?) i " +
            $"join {versionsTable} l on l.id = i.version_id order by i.item_code, i.id",
            ct, [.. parameters, paging.PageSize, paging.Offset]);
        return (total, [.. rows.Select(r => (TVersion)r.Answering(clocks))]);
    }

    /// <summary>The region's item of <paramref name="code"/> in force then, as <see cref="InForce{TVersion}"/> gives it; null when there is none.</summary>
    public static async Task<TVersion?> InForceOfCode<TVersion>(IQuerySession session, string list, string versionsTable, string regionCode,
        string code, Clocks clocks, CancellationToken ct) where TVersion : class, IPublishedVersion
    {
        var (instant, record) = (clocks.AsOf, clocks.Record);
        var rows = await session.QueryAsync<TVersion>(
            $"select {WithClocks("l", "i")} from (select i.id, i.version_id, i.effective_at, i.placed_by from {ValidityIntervalProjection.Table} i " +
            $"where i.list = ? and i.region_code = ? and i.item_code = ? and {ValidityIntervalProjection.InForceAt} and {ValidityIntervalProjection.KnownAt} " +
            $"order by i.id limit 1) i join {versionsTable} l on l.id = i.version_id",
            ct, list, regionCode, code, instant, instant, record, record);
        return rows.Count == 0 ? null : (TVersion)rows[0].Answering(clocks);
    }

    /// <summary>
    /// A version document <paramref name="version"/> as an answer gives it: with its interval's (<paramref name="interval"/>) start
    /// and the change that recorded the interval (<see cref="IPublishedVersion.Answering"/> adds the instants asked about). The
    /// start is the document's own, to its last digit, unless a rescheduling moved it (the table keeps microseconds only).
    /// </summary>
    public static string WithClocks(string version, string interval) =>
        $"{version}.data || jsonb_build_object('effectiveAt', case when abs(extract(epoch from {interval}.effective_at - ({version}.data->>'effectiveAt')::timestamptz)) <= 0.000001 " +
        $"then {version}.data->'effectiveAt' else to_jsonb({interval}.effective_at) end, 'recordedBy', {interval}.placed_by)";
}
