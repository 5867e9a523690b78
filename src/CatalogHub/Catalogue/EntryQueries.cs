using System.Text.Json;

namespace CatalogHub.Catalogue;

/// <summary>Filters of a catalogue listing; each null filter is ignored.</summary>
public sealed record CatalogueFilter(string? RegionCode, string? Category = null, string? CompetentDepartment = null,
    string? Text = null, string? ExternalSourceId = null, string? BasisTitle = null, string? BasisArticle = null);

/// <summary>
/// "As of" reads of the base catalogue. Because effective times grow strictly with the version number
/// (see <see cref="Publication.Lifecycle"/>), the version in force at T is the highest version whose
/// effective time is ≤ T, unless a repeal took effect at or before T. Only published versions are queried:
/// drafts are not in these tables at all.
/// </summary>
public static class EntryQueries
{
    public const string VersionsTable = "cataloghub.mt_doc_entry_version";
    private const string Repeals = "cataloghub.mt_doc_entry_repeal";

    public static Task<AsOf<EntryVersion, EntryRepeal>> AsOf(IQuerySession session, Guid entryId, DateTimeOffset instant, CancellationToken ct) =>
        AsOfReads.Read<EntryVersion, EntryRepeal>(session, VersionsTable, "entry_id", entryId, instant, ct);

    public static async Task<(long Total, IReadOnlyList<EntryVersion> Page)> InForce(
        IQuerySession session, CatalogueFilter filter, DateTimeOffset instant, int page, int pageSize, CancellationToken ct)
    {
        var (from, parameters) = InForceRelation(filter, instant);
        var total = (await session.AdvancedSql.QueryAsync<long>($"select count(*) {from}", ct, [.. parameters])).Single();
        var rows = await session.QueryAsync<EntryVersion>(
            $"select l.data {from} order by l.item_code, l.entry_id limit ? offset ?", ct, [.. parameters, pageSize, (page - 1) * pageSize]);
        return (total, rows);
    }

    /// <summary>The latest version per entry effective at the instant, minus repealed entries, then the filters.</summary>
    private static (string Sql, List<object> Parameters) InForceRelation(CatalogueFilter filter, DateTimeOffset instant)
    {
        var parameters = new List<object>();
        var inner = $"select distinct on (entry_id) entry_id, item_code, data from {VersionsTable} where effective_at <= ?";
        parameters.Add(instant);
        if (filter.RegionCode is not null) { inner += " and region_code = ?"; parameters.Add(filter.RegionCode); }
        inner += " order by entry_id, version desc";

        var sql = $"from ({inner}) l where not exists (select 1 from {Repeals} r where r.id = l.entry_id and r.effective_at <= ?)";
        parameters.Add(instant);
        if (filter.Category is not null) { sql += " and l.data->'content'->>'category' = ?"; parameters.Add(filter.Category); }
        if (filter.CompetentDepartment is not null) { sql += " and l.data->'content'->>'competentDepartment' = ?"; parameters.Add(filter.CompetentDepartment); }
        if (filter.ExternalSourceId is not null) { sql += " and l.data->'content'->>'externalSourceId' = ?"; parameters.Add(filter.ExternalSourceId); }
        if (filter.Text is not null)
        {
            sql += " and (l.data->'content'->>'name' ilike ? or l.item_code ilike ?)";
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
        return (sql, parameters);
    }
}
