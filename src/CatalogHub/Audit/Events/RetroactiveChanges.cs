using System.Text.Json;

namespace CatalogHub.Audit.Events;

/// <summary>
/// A correction (更正): a publication or repeal recorded at <c>RecordedAt</c> with effect from the earlier <c>EffectiveAt</c>. It
/// changed what the record says was in force from <c>EffectiveAt</c> until <c>Until</c> (the next version or repeal then on the
/// timeline; null: open-ended), as known from <c>RecordedAt</c> on. <c>By</c> is the department that recorded it, <c>Reason</c>
/// why, <c>Basis</c> the decision that orders it.
/// </summary>
public sealed record RetroactiveChange(long Sequence, string List, ChangeKind Kind, Guid Id, string? RegionCode, string? ItemCode, int? Version,
    DateTimeOffset EffectiveAt, DateTimeOffset? Until, DateTimeOffset RecordedAt, string? By, string? Reason, string? Basis);

/// <summary>A page of the corrections recorded in <c>[From, To)</c>, newest first; <c>Total</c> counts them all.</summary>
public sealed record RetroactiveChangePage(string? RegionCode, DateTimeOffset From, DateTimeOffset To, long Total, int Page, int PageSize,
    IReadOnlyList<RetroactiveChange> Items);

public static class RetroactiveChangesEndpoint
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Every retroactive change of every list on the shared lifecycle — what changed about which past instants, who, why and
    /// on which basis — recorded in a period (<c>from</c>, <c>to</c>: the record clock; all time when omitted), for one region
    /// when <c>regionCode</c> is given. Read from the change log, the timeline and the events' metadata.
    /// </summary>
    [WolverineGet("/audit/retroactive-changes", Name = "ListRetroactiveChanges")]
    [ProblemCodes(400, "too-long", "invalid-region-code", "unknown-region", "out-of-range", "validation-failed")]
    [Authorize(Policy = Policies.Auditor)]
    [Tags("Audit")]
    [ProducesResponseType<RetroactiveChangePage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Get(string? regionCode, string? from, string? to, int? page, int? pageSize, IQuerySession session,
        HttpContext http)
    {
        var input = new Validation();
        if (regionCode is not null) RegionCode.CheckKnown(input, "regionCode", regionCode);
        var paging = Paging.Read(input, page, pageSize, MaxPageSize);
        if (!Instants.TryParse(from, DateTimeOffset.MinValue, out var since, out var badFrom, "from")) return badFrom!;
        if (!Instants.TryParse(to, DateTimeOffset.MaxValue, out var until, out var badTo, "to")) return badTo!;
        if (input.Failed) return input.Problem();

        var where = $"""
            from {ChangeLogProjection.Table} c
            left join lateral (select d.region_code, d.item_code from {ChangeLogProjection.Table} d
                               where d.list = c.list and d.id = c.id and d.kind = 'drafted' limit 1) d on true
            where c.kind in ('published', 'repealed') and (c.document->>'effectiveAt')::timestamptz < c.recorded_at
              and c.recorded_at >= ? and c.recorded_at < ? and (? = '' or coalesce(c.region_code, d.region_code) = ?)
            """;
        object[] parameters = [since, until, regionCode ?? "", regionCode ?? ""];
        var ct = http.RequestAborted;
        var total = (await session.AdvancedSql.QueryAsync<long>($"select count(*) {where}", ct, parameters)).Single();
        // Until: the first point after the correction's instant on the timeline as it stood once the correction was recorded.
        var rows = await session.AdvancedSql.QueryAsync<string>($"""
            select json_build_object('sequence', c.sequence, 'list', c.list, 'kind', c.kind, 'id', c.id,
                   'regionCode', coalesce(c.region_code, d.region_code), 'itemCode', coalesce(c.item_code, d.item_code),
                   'version', (c.document->>'version')::int, 'effectiveAt', c.document->'effectiveAt',
                   'until', (select min(x) from {ValidityIntervalProjection.Table} t,
                                    lateral (values (t.effective_at), (t.superseded_at)) v(x)
                             where t.list = c.list and t.id = c.id and t.recorded_at <= c.recorded_at
                               and (t.retracted_at is null or t.retracted_at > c.recorded_at)
                               and x > (c.document->>'effectiveAt')::timestamptz),
                   'recordedAt', c.recorded_at, 'by', e.user_name, 'reason', e.headers->>'reason', 'basis', c.document->>'basis')::text
            {where.Replace("where c.kind", $"left join {Hosting.SchemaName}.mt_events e on e.seq_id = c.sequence\nwhere c.kind")}
            order by c.recorded_at desc, c.sequence desc limit ? offset ?
            """, ct, [.. parameters, paging.PageSize, paging.Offset]);
        return TypedResults.Ok(new RetroactiveChangePage(regionCode, since, until, total, paging.Page, paging.PageSize,
            [.. rows.Select(r => JsonSerializer.Deserialize<RetroactiveChange>(r, PublicationChange.Json)!)]));
    }
}
