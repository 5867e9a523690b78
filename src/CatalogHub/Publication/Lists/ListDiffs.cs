using System.Text;
using System.Text.Json;

namespace CatalogHub.Publication.Lists;

/// <summary>Two published versions of one item side by side: each one's citation, and the content fields that differ (JSON Pointers into <c>content</c>).</summary>
public sealed record VersionDiff(Guid Id, string List, Citation From, Citation To, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// One item whose version in force differs between the two instants of a <see cref="RegionDiff"/>: the version it had at <c>From</c>
/// (null: added since), the one it has at <c>To</c> (null: repealed since, by <c>Repeal</c>), and the content fields that differ
/// (an added item's whole content is one <c>added</c> change at <c>""</c>, a repealed item's one <c>removed</c>).
/// </summary>
public sealed record RegionItemChange(Guid Id, string Code, Citation? From, Citation? To, RepealCitation? Repeal, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// A region's published items of one list at two instants of the legal clock (<c>From</c>, <c>To</c>), both as the record stood at
/// <c>KnownAt</c>: the items in force at <c>To</c> only (<c>Added</c>), at both under different versions (<c>Changed</c>), at
/// <c>From</c> only (<c>Repealed</c>), each in code order. Items in force under the same version at both are left out.
/// </summary>
public sealed record RegionDiff(string RegionCode, string List, DateTimeOffset From, DateTimeOffset To, DateTimeOffset KnownAt,
    IReadOnlyList<RegionItemChange> Added, IReadOnlyList<RegionItemChange> Changed, IReadOnlyList<RegionItemChange> Repealed);

/// <summary>What auditors ask of a list: two versions of an item compared, and a region's list at two instants compared.</summary>
public static class ListDiffs
{
    public static JsonElement? ContentOf<TContent>(ItemVersion<TContent>? version) =>
        version is null ? null : JsonSerializer.SerializeToElement(version.Content, ApiJson.Options);

    public static VersionDiff Versions<TContent>(ItemVersion<TContent> from, ItemVersion<TContent> to) =>
        new(from.ItemId, from.List, from.Citation, to.Citation, JsonDiff.Of(ContentOf(from), ContentOf(to)));

    private sealed record Side<TContent>(ItemVersion<TContent>? From, ItemVersion<TContent>? To, ItemRepeal? Repeal);

    /// <summary>
    /// One round trip: the intervals in force at each instant as known at the record clock of <paramref name="from"/> (their fork indexes), joined on
    /// the item, keeping only the items whose version differs; their version documents with each interval's start and recording
    /// change (as every as-of read cites them), and for an item gone by <c>to</c> the repeal that closed its interval then.
    /// </summary>
    public static async Task<RegionDiff> Region<TContent>(IQuerySession session, string list, string versionsTable, string regionCode,
        Clocks from, Clocks to, CancellationToken ct)
    {
        var record = from.Record;
        var (before, beforeParameters) = ValidityIntervalProjection.InForceInRegion(list, regionCode, from);
        var (after, afterParameters) = ValidityIntervalProjection.InForceInRegion(list, regionCode, to with { KnownAt = from.KnownAt, Latest = from.Latest });
        var rows = await session.AdvancedSql.QueryAsync<string>($"""
            with a as (select i.id, i.version_id, i.effective_at, i.placed_by from {before}),
                 b as (select i.id, i.version_id, i.effective_at, i.placed_by from {after}),
                 d as (select coalesce(a.id, b.id) id, a.version_id av, a.effective_at ae, a.placed_by ap, b.version_id bv, b.effective_at be, b.placed_by bp
                       from a full join b on a.id = b.id where a.version_id is distinct from b.version_id)
            select json_build_object(
              'from', (select {RegionReads.WithClocks("v", "x")} from {versionsTable} v, (select d.ae effective_at, d.ap placed_by) x where v.id = d.av),
              'to', (select {RegionReads.WithClocks("v", "x")} from {versionsTable} v, (select d.be effective_at, d.bp placed_by) x where v.id = d.bv),
              'repeal', case when d.bv is null then (select i.repeal from {ValidityIntervalProjection.Table} i where i.list = ? and i.id = d.id
                             and i.effective_at <= ? and {ValidityIntervalProjection.KnownAt} order by i.effective_at desc limit 1) end)::text
            from d
            """, ct, [.. beforeParameters, .. afterParameters, list, to.AsOf, record, record]);
        var serializer = session.DocumentStore.Options.Serializer();
        RegionItemChange Change(Side<TContent> s)
        {
            var either = (s.From ?? s.To)!;
            return new(either.ItemId, either.Code, ((ItemVersion<TContent>?)s.From?.Answering(from))?.Citation,
                ((ItemVersion<TContent>?)s.To?.Answering(to))?.Citation, s.To is null ? s.Repeal?.Citation : null, JsonDiff.Of(ContentOf(s.From), ContentOf(s.To)));
        }
        var changes = rows.Select(r => Change(serializer.FromJson<Side<TContent>>(new MemoryStream(Encoding.UTF8.GetBytes(r)))))
            .OrderBy(c => c.Code, StringComparer.Ordinal).ThenBy(c => c.Id)
            .ToList();
        return new RegionDiff(regionCode, list, from.AsOf, to.AsOf, from.KnownAt,
            [.. changes.Where(c => c.From is null)], [.. changes.Where(c => c.From is not null && c.To is not null)], [.. changes.Where(c => c.To is null)]);
    }
}
