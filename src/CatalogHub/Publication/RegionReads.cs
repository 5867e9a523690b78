using Npgsql;

namespace CatalogHub.Publication;

/// <summary>A region's items of one list in force at an instant as known at another, through the validity intervals' indexes.</summary>
public static class RegionReads
{
    /// <summary>
    /// The count and the page come from the intervals' fork indexes alone (<see cref="ValidityIntervalProjection.InForceInRegion"/>);
    /// only the page's version documents are read (<see cref="Page{TVersion}"/>).
    /// </summary>
    public static Task<(long Total, IReadOnlyList<TVersion> Page)> InForce<TVersion>(IQuerySession session, string list, string versionsTable,
        string regionCode, Clocks clocks, Paging paging, CancellationToken ct) where TVersion : class, IPublishedVersion
    {
        var (inForce, parameters) = ValidityIntervalProjection.InForceInRegion(list, regionCode, clocks);
        return Page<TVersion>(session, versionsTable, inForce, parameters, clocks, paging, ct);
    }

    /// <summary>
    /// One page, in code order, of the intervals <paramref name="intervals"/> gives (a <c>from</c> clause naming them <c>i</c>, with
    /// item_code, id, version_id, effective_at and placed_by, and its <c>?</c> parameters), with their count: one statement, one
    /// round trip. The intervals are found once (a materialized CTE) for both; only the page's version documents are read, each
    /// as stored, and given its interval's start and the change that placed it in the application
    /// (<see cref="IPublishedVersion.OnInterval"/>), which costs less than building that JSON in the database. A page past
    /// the end is one row without a document: it still carries the count. Codes are compared by code point (<c>collate "C"</c>):
    /// the order of the clusters' C.UTF-8 collation (scripts/db.sh), without its slower comparison.
    /// </summary>
    public static async Task<(long Total, IReadOnlyList<TVersion> Page)> Page<TVersion>(IQuerySession session, string versionsTable,
        string intervals, IReadOnlyList<object> parameters, Clocks clocks, Paging paging, CancellationToken ct) where TVersion : class, IPublishedVersion
    {
        var sql = $"""
            with i as materialized (select i.item_code, i.id, i.version_id, i.effective_at, i.placed_by from {intervals})
            select n.total, l.data, p.effective_at, p.placed_by
            from (select count(*) as total from i) n
            left join lateral (select * from i order by i.item_code collate "C", i.id limit ? offset ?) p on true
            left join {versionsTable} l on l.id = p.version_id
            order by p.item_code collate "C", p.id
            """;
        await using var command = Positional(sql, [.. parameters, paging.PageSize, paging.Offset]);
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        var serializer = session.DocumentStore.Options.Serializer();
        var (total, page) = (0L, new List<TVersion>(paging.PageSize));
        while (await reader.ReadAsync(ct))
        {
            total = reader.GetInt64(0);
            if (await reader.IsDBNullAsync(1, ct)) continue;
            var version = serializer.FromJson<TVersion>(reader, 1);
            page.Add((TVersion)version.OnInterval(reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt64(3)).Answering(clocks));
        }
        return (total, page);
    }

    /// <summary>A command of <paramref name="sql"/> whose <c>?</c> placeholders (Marten's, as the relations here are written) become Npgsql's <c>$1</c>, <c>$2</c> ...</summary>
    private static NpgsqlCommand Positional(string sql, IReadOnlyList<object> parameters)
    {
        var text = new System.Text.StringBuilder(sql.Length + 2 * parameters.Count);
        var n = 0;
        foreach (var c in sql)
            if (c == '?') text.Append('$').Append(++n);
            else text.Append(c);
        if (n != parameters.Count) throw new InvalidOperationException($"The statement has {n} placeholders for {parameters.Count} parameters.");
        var command = new NpgsqlCommand(text.ToString());
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
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
    /// A version document <paramref name="version"/> as an answer gives it, built in the statement (reads that answer in JSON
    /// built by the database; <see cref="IPublishedVersion.OnInterval"/> does the same in the application): with its interval's (<paramref name="interval"/>) start
    /// and the change that recorded the interval (<see cref="IPublishedVersion.Answering"/> adds the instants asked about). The
    /// start is the document's own, to its last digit, unless a rescheduling moved it (the table keeps microseconds only).
    /// </summary>
    public static string WithClocks(string version, string interval) =>
        $"{version}.data || jsonb_build_object('effectiveAt', case when abs(extract(epoch from {interval}.effective_at - ({version}.data->>'effectiveAt')::timestamptz)) <= 0.000001 " +
        $"then {version}.data->'effectiveAt' else to_jsonb({interval}.effective_at) end, 'recordedBy', {interval}.placed_by)";
}
