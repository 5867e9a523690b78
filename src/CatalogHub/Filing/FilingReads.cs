using System.Text.Json;
using System.Text.Json.Serialization;

namespace CatalogHub.Filing;

[JsonConverter(typeof(JsonStringEnumConverter<FilingStatus>))]
public enum FilingStatus
{
    [JsonStringEnumMemberName("unacknowledged")] Unacknowledged,
    [JsonStringEnumMemberName("acknowledged")] Acknowledged,
}

/// <param name="Citation">The filed (published) county version.</param>
/// <param name="SourceCitation">The city version in force when the county version took effect; null when none was.</param>
/// <param name="Changes">The county content against that city version's, path by path.</param>
/// <param name="Version">The filing's own stream version: its ETag, 0 until acknowledged.</param>
public sealed record FilingView(
    string List, Guid ItemId, string RegionCode, string? ItemCode, string ParentRegionCode, Citation Citation, DateTimeOffset FiledAt,
    Guid SourceId, Citation? SourceCitation, IReadOnlyList<FieldChange> Changes, FilingStatus Status, FilingAcknowledgement? Acknowledgement, long Version);

public sealed record FilingPage(long Total, int Page, int PageSize, IReadOnlyList<FilingView> Items);

/// <param name="Citation">The county's current version.</param>
/// <param name="BasisCitation">The city version it stands on: the one in force when it took effect, or the one it was confirmed against.</param>
/// <param name="CurrentSourceCitation">The city version in force now; null when the city source is repealed (or not yet in force).</param>
/// <param name="Changes">What the city changed, from the basis to the version in force now.</param>
/// <param name="Version">The confirmation stream's version: the ETag a confirmation sends (0 before the first).</param>
public sealed record CityChangeView(
    string List, Guid ItemId, string RegionCode, string? ItemCode, Citation Citation, Guid SourceId, Citation? BasisCitation,
    Citation? CurrentSourceCitation, bool SourceRepealed, bool Changed, IReadOnlyList<FieldChange> Changes, DerivedConfirmation? Confirmation, long Version);

/// <summary>A page of the caller's derived items whose city source changed, oldest item first; <c>Total</c> counts them all.</summary>
public sealed record CityChangeList(DateTimeOffset AsOf, IReadOnlyList<CityChangeView> Items, long Total, int Page, int PageSize);

/// <summary>
/// Filings and city changes, read from the change log's published documents (every list writes <c>version</c>,
/// <c>derivedFrom</c>, <c>content</c> and <c>citation</c> there) and the validity intervals, so one query serves the
/// base catalogue and every registered list alike. They read the intervals as known now (<c>retracted_at is null</c>).
/// </summary>
public static class FilingReads
{
    private const string Changes = ChangeLogProjection.Table;
    private const string Intervals = ValidityIntervalProjection.Table;
    public const string AcknowledgementTable = $"{Hosting.SchemaName}.mt_doc_filing_acknowledgement";
    public const string ConfirmationTable = $"{Hosting.SchemaName}.mt_doc_derived_confirmation";

    /// <summary>The interval of the filed version itself, the city interval in force at its effective time and that city version.</summary>
    private const string FilingFrom = $"""
        from {Changes} c
        left join {Intervals} ci on ci.retracted_at is null and ci.list = c.list and ci.id = c.id and ci.version = (c.document->>'version')::int
        left join {Intervals} si on si.retracted_at is null and si.list = c.list and si.id = (c.document->>'derivedFrom')::uuid
            and si.effective_at <= ci.effective_at and (si.superseded_at is null or si.superseded_at > ci.effective_at)
        left join {Changes} s on s.kind = 'published' and s.list = si.list and s.id = si.id and (s.document->>'version')::int = si.version
        left join {AcknowledgementTable} a on a.id = {FilingStreams.AcknowledgementSql}
        where c.kind = 'published' and c.document->>'derivedFrom' is not null
        """;

    private sealed record FilingRow(string List, Guid ItemId, string RegionCode, string? ItemCode, DateTimeOffset FiledAt,
        JsonElement Document, JsonElement? Source, FilingAcknowledgement? Acknowledgement);

    /// <summary>The regions whose parent is <paramref name="regionCode"/>: those that file with it.</summary>
    public static string[] Children(string regionCode) =>
        [.. RegionTable.Current.Keys.Concat(RegionTable.Abolished.Keys)
            .Where(c => c != regionCode && c[..2] == regionCode[..2] && RegionCode.Parent(c) == regionCode)];

    public static async Task<FilingPage> Page(IQuerySession session, string parentRegion, string? list, FilingStatus? status, Paging paging,
        CancellationToken ct)
    {
        var where = FilingFrom + " and c.region_code = any(?)";
        var parameters = new List<object> { Children(parentRegion) };
        if (list is not null)
        {
            where += " and c.list = ?";
            parameters.Add(list);
        }
        if (status is { } s) where += s == FilingStatus.Acknowledged ? " and a.id is not null" : " and a.id is null";

        var total = (await session.AdvancedSql.QueryAsync<long>($"select count(*) {where}", ct, [.. parameters])).Single();
        var rows = await Rows(session, $"{where} order by c.recorded_at desc, c.sequence desc limit ? offset ?", ct,
            [.. parameters, paging.PageSize, paging.Offset]);
        return new FilingPage(total, paging.Page, paging.PageSize, [.. rows.Select(View)]);
    }

    public static async Task<FilingView?> One(IQuerySession session, string list, Guid itemId, int version, CancellationToken ct) =>
        (await Rows(session, $"{FilingFrom} and c.list = ? and c.id = ? and (c.document->>'version')::int = ?", ct, list, itemId, version))
            .Select(View).SingleOrDefault();

    private static async Task<IReadOnlyList<FilingRow>> Rows(IQuerySession session, string fromWhere, CancellationToken ct, params object[] parameters)
    {
        var json = await session.AdvancedSql.QueryAsync<string>($"""
            select json_build_object('list', c.list, 'itemId', c.id, 'regionCode', c.region_code, 'itemCode', c.item_code,
                   'filedAt', c.recorded_at, 'document', c.document, 'source', s.document, 'acknowledgement', a.data)::text
            {fromWhere}
            """, ct, parameters);
        return [.. json.Select(j => JsonSerializer.Deserialize<FilingRow>(j, PublicationChange.Json)!)];
    }

    private static FilingView View(FilingRow r)
    {
        var source = r.Source is { ValueKind: JsonValueKind.Object } s ? s : (JsonElement?)null;
        return new FilingView(r.List, r.ItemId, r.RegionCode, r.ItemCode, RegionCode.Parent(r.RegionCode)!, CitationOf(r.Document)!,
            r.FiledAt, r.Document.GetProperty("derivedFrom").GetGuid(), CitationOf(source),
            JsonDiff.Of(source?.GetProperty("content"), r.Document.GetProperty("content")),
            r.Acknowledgement is null ? FilingStatus.Unacknowledged : FilingStatus.Acknowledged, r.Acknowledgement, r.Acknowledgement?.Version ?? 0);
    }

    private static Citation? CitationOf(JsonElement? document) =>
        document is { ValueKind: JsonValueKind.Object } d ? d.GetProperty("citation").Deserialize<Citation>(PublicationChange.Json) : null;

    /// <summary>
    /// Every current county version of <paramref name="regionCode"/> that derives from a city item, with the city version
    /// it stands on and the one in force at <paramref name="now"/>. A county version stands on the city version in force
    /// when it took effect, unless its owner confirmed it against a later one (<see cref="DerivedVersionConfirmed"/>).
    /// </summary>
    public static async Task<IReadOnlyList<CityChangeView>> Derived(IQuerySession session, string regionCode, Guid? owner, string? list, Guid? itemId,
        DateTimeOffset now, CancellationToken ct)
    {
        var filter = "";
        var parameters = new List<object> { regionCode };
        if (owner is { } o)
        {
            // Owners are named in each stream's first event, under the same property for every list.
            filter += $" and (select (e.data->>'ownerDepartmentId')::uuid from {Hosting.SchemaName}.mt_events e where e.stream_id = c.id and e.version = 1) = ?";
            parameters.Add(o);
        }
        if (list is not null && itemId is { } id)
        {
            filter += " and c.list = ? and c.id = ?";
            parameters.AddRange([list, id]);
        }
        parameters.AddRange([now, now, now]);
        var json = await session.AdvancedSql.QueryAsync<string>($"""
            with current_versions as (
                select distinct on (c.list, c.id) c.list, c.id, c.region_code, c.item_code, c.sequence, c.document
                from {Changes} c
                where c.kind = 'published' and c.region_code = ? and c.document->>'derivedFrom' is not null {filter}
                order by c.list, c.id, c.sequence desc
            ), standing as (
                select c.*, (c.document->>'derivedFrom')::uuid as source_id, f.data as confirmation,
                       case when (f.data->>'itemVersion')::int = (c.document->>'version')::int then (f.data->>'sourceVersion')::int else si.version end as basis,
                       (f.data->>'itemVersion')::int = (c.document->>'version')::int and f.data->>'sourceVersion' is null as confirmed_repeal,
                       sn.version as in_force,
                       exists (select 1 from {Intervals} sp where sp.retracted_at is null and sp.list = c.list and sp.id = (c.document->>'derivedFrom')::uuid
                           and sp.superseded_at <= ?) as source_ended
                from current_versions c
                left join {Intervals} ci on ci.retracted_at is null and ci.list = c.list and ci.id = c.id and ci.version = (c.document->>'version')::int
                left join {Intervals} si on si.retracted_at is null and si.list = c.list and si.id = (c.document->>'derivedFrom')::uuid
                    and si.effective_at <= ci.effective_at and (si.superseded_at is null or si.superseded_at > ci.effective_at)
                left join {Intervals} sn on sn.retracted_at is null and sn.list = c.list and sn.id = (c.document->>'derivedFrom')::uuid
                    and sn.effective_at <= ? and (sn.superseded_at is null or sn.superseded_at > ?)
                left join {ConfirmationTable} f on f.id = {FilingStreams.ConfirmationSql}
                where not exists (select 1 from {Changes} r where r.kind = 'repealed' and r.list = c.list and r.id = c.id and r.sequence > c.sequence)
            )
            select json_build_object('list', c.list, 'itemId', c.id, 'regionCode', c.region_code, 'itemCode', c.item_code, 'document', c.document,
                   'basis', b.document, 'inForce', n.document, 'confirmation', c.confirmation,
                   'sourceRepealed', exists (select 1 from {Changes} r where r.kind = 'repealed' and r.list = c.list and r.id = c.source_id),
                   -- Newer than the basis; or none in force now although one was (versions end only by a newer one or a repeal).
                   'changed', case when c.in_force is not null then c.in_force > coalesce(c.basis, 0)
                                   else c.source_ended and not coalesce(c.confirmed_repeal, false) end)::text
            from standing c
            left join {Changes} b on b.kind = 'published' and b.list = c.list and b.id = c.source_id and (b.document->>'version')::int = c.basis
            left join {Changes} n on n.kind = 'published' and n.list = c.list and n.id = c.source_id and (n.document->>'version')::int = c.in_force
            order by c.list, c.item_code, c.id
            """, ct, [.. parameters]);
        return [.. json.Select(j => JsonSerializer.Deserialize<DerivedRow>(j, PublicationChange.Json)!).Select(r =>
        {
            var basis = r.Basis is { ValueKind: JsonValueKind.Object } b ? b : (JsonElement?)null;
            var inForce = r.InForce is { ValueKind: JsonValueKind.Object } n ? n : (JsonElement?)null;
            return new CityChangeView(r.List, r.ItemId, r.RegionCode, r.ItemCode, CitationOf(r.Document)!, r.Document.GetProperty("derivedFrom").GetGuid(),
                CitationOf(basis), CitationOf(inForce), r.SourceRepealed && inForce is null, r.Changed,
                r.Changed ? JsonDiff.Of(basis?.GetProperty("content"), inForce?.GetProperty("content")) : [], r.Confirmation, r.Confirmation?.Version ?? 0);
        })];
    }

    private sealed record DerivedRow(string List, Guid ItemId, string RegionCode, string? ItemCode, JsonElement Document, JsonElement? Basis,
        JsonElement? InForce, DerivedConfirmation? Confirmation, bool SourceRepealed, bool Changed);
}
