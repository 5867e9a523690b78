using System.Text;

namespace CatalogHub.Publication;

/// <summary>An immutable published version of some list, as the shared "as of" reads need it.</summary>
public interface IPublishedVersion
{
    Citation Citation { get; }

    /// <summary>This version as the answer about <paramref name="clocks"/> gives it: its citation names both instants.</summary>
    IPublishedVersion Answering(Clocks clocks);

    /// <summary>
    /// This version on its validity interval: with the interval's start (<paramref name="start"/>, kept to the microsecond) unless it
    /// is the version's own, and the change that put it there (<paramref name="placedBy"/>), which its citation names; what
    /// <see cref="RegionReads.WithClocks"/> does in a statement, for reads that take the document as stored.
    /// </summary>
    IPublishedVersion OnInterval(DateTimeOffset start, long placedBy);
}

/// <summary>
/// The recorded repeal of some list. Its document (id: the list's id) holds the latest repeal; every repeal, the earlier
/// ones of a re-established list too, is kept on the validity interval it closed (<see cref="ValidityIntervalProjection"/>).
/// </summary>
public interface IRepealRecord
{
    DateTimeOffset EffectiveAt { get; }
    DateTimeOffset RecordedAt { get; }
    string Reason { get; }
    RepealCitation Citation { get; }
}

/// <summary>
/// Every version of a list published by <c>KnownAt</c> (oldest first) and every repeal on its timeline as then known (in
/// effective order: a repealed list can be re-established by a later version, and repealed again). <c>Repeal</c> is the
/// latest repeal, if any, even when a later version re-established the list. Drafts are not versions.
/// </summary>
public sealed record VersionList(Guid Id, DateTimeOffset KnownAt, IReadOnlyList<Citation> Versions, RepealCitation? Repeal, IReadOnlyList<RepealCitation> Repeals);

/// <summary>What a list said at a legal instant, or why it said nothing.</summary>
public sealed record AsOf<TVersion, TRepeal>(TVersion? InForce, TRepeal? Repeal)
    where TVersion : class, IPublishedVersion where TRepeal : class, IRepealRecord;

/// <summary>
/// "As of" reads shared by every published list, on both clocks: in force at T (legal clock) as the record stood at K
/// (record clock, now by default). Drafts are not in the version tables at all.
/// </summary>
public static class AsOfReads
{
    /// <summary>
    /// One round trip: the version whose validity interval holds the instant (<c>asOf</c>) among the intervals on record at
    /// <c>knownAt</c> (see <see cref="ValidityIntervalProjection"/>), or, when that interval has closed by then, the
    /// repeal that closed it, which explains a 404. The latest interval starting at or before T is found first (one index
    /// probe), then tested for having closed, so a long-repealed list is never walked version by version. Among the intervals
    /// known at one instant, one is closed either by its successor, which then starts at or before T and would have been
    /// found instead, or by a repeal: so a closed interval found here was repealed, and an instant inside the gap before a
    /// re-establishing version cites the repeal of exactly that gap. The version comes with both instants, its interval's
    /// start and the change that recorded it, for its citation.
    /// </summary>
    /// <param name="versionsTable">The version documents' table (document id: the interval's <c>version_id</c>).</param>
    public static async Task<AsOf<TVersion, TRepeal>> Read<TVersion, TRepeal>(
        IQuerySession session, string list, string versionsTable, Guid id, Clocks clocks, CancellationToken ct)
        where TVersion : class, IPublishedVersion where TRepeal : class, IRepealRecord
    {
        var (instant, record) = (clocks.AsOf, clocks.Record);
        var json = (await session.AdvancedSql.QueryAsync<string>($"""
            with i as (select version_id, effective_at, superseded_at, repeal, placed_by from {ValidityIntervalProjection.Table} i
                       where list = ? and id = ? and effective_at <= ? and {ValidityIntervalProjection.KnownAt} order by effective_at desc limit 1)
            select json_build_object(
              'inForce', (select {RegionReads.WithClocks("v", "i")} from i join {versionsTable} v on v.id = i.version_id where i.superseded_at is null or i.superseded_at > ?),
              'repeal', (select i.repeal from i where i.superseded_at <= ?))::text
            """, ct, list, id, instant, record, record, instant, instant)).Single();
        var found = session.DocumentStore.Options.Serializer().FromJson<AsOf<TVersion, TRepeal>>(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        return found with { InForce = (TVersion?)found.InForce?.Answering(clocks) };
    }

    /// <summary>
    /// The citations of every version of a list published by <c>knownAt</c> and of every repeal on its timeline as
    /// then known; 404 when nothing was published by then. A version cancelled before it took effect is listed (it was
    /// published) but is on no interval.
    /// </summary>
    public static async Task<IResult> Versions<TVersion, TRepeal>(
        IQuerySession session, string versionsTable, string idColumn, Guid id, string what, Clocks clocks, CancellationToken ct)
        where TVersion : class, IPublishedVersion where TRepeal : class, IRepealRecord
    {
        var (versions, repeals) = await ReadVersions<TVersion, TRepeal>(session, versionsTable, idColumn, id, clocks, ct);
        if (versions.Count == 0) return Problems.NotFound(what);
        return TypedResults.Ok(new VersionList(id, clocks.KnownAt, [.. versions.Select(v => v.Citation)], repeals.LastOrDefault()?.Citation,
            [.. repeals.Select(r => r.Citation)]));
    }

    /// <summary>
    /// Every version of a list published by <c>knownAt</c>, whole (oldest first), and every repeal on its timeline as then known
    /// (in effective order); both empty when nothing was published by then.
    /// </summary>
    public static async Task<(IReadOnlyList<TVersion> Versions, IReadOnlyList<TRepeal> Repeals)> ReadVersions<TVersion, TRepeal>(
        IQuerySession session, string versionsTable, string idColumn, Guid id, Clocks clocks, CancellationToken ct)
        where TVersion : class, IPublishedVersion where TRepeal : class, IRepealRecord
    {
        var record = clocks.Record;
        var versions = (await session.QueryAsync<TVersion>($"select data from {versionsTable} where {idColumn} = ? order by version", ct, id))
            .Where(v => v.Citation.PublishedAt <= record).ToList();
        if (versions.Count == 0) return ([], []);
        var repeals = await session.QueryAsync<TRepeal>(
            $"select i.repeal from {ValidityIntervalProjection.Table} i where i.list = ? and i.id = ? and i.repeal is not null and {ValidityIntervalProjection.KnownAt} order by i.superseded_at",
            ct, versions[0].Citation.List, id, record, record);
        return (versions, repeals);
    }

    /// <summary>
    /// The version in force as <paramref name="view"/>, with the inclusion proof of its citation when asked
    /// (<see cref="Audit.Log.CitationProof"/>), or a 404 problem saying why there is none.
    /// </summary>
    public static IResult Answer<TVersion, TRepeal>(AsOf<TVersion, TRepeal> asOf, Guid id, DateTimeOffset instant, DateTimeOffset knownAt,
        Func<TVersion, object> view, bool? inclusionProofs = null, long? checkpoint = null)
        where TVersion : class, IPublishedVersion where TRepeal : class, IRepealRecord
    {
        if (asOf.InForce is { } inForce) return Audit.Log.CitationProof.Answer(view(inForce), inclusionProofs, checkpoint, [inForce.Citation.Sequence]);
        ProblemDetails gone;
        long[] cited = [];
        if (asOf.Repeal is { } repeal && repeal.EffectiveAt <= instant)
        {
            gone = Problems.Details(StatusCodes.Status404NotFound, "repealed", "The entry was repealed.",
                $"Repealed with effect from {repeal.EffectiveAt:O}: {repeal.Reason}");
            gone.Extensions["repeal"] = repeal.Citation;
            cited = [repeal.Citation.Sequence];
        }
        else
            gone = Problems.Details(StatusCodes.Status404NotFound, "not-in-force", "No published version was in force at that instant.",
                $"{id} had no version in legal effect at {instant:O} (it may be unpublished, a draft, or take effect later).");
        gone.Extensions["asOf"] = instant;
        gone.Extensions["knownAt"] = knownAt;
        // A repeal is a cited version of the record like any other: proven on request; "not in force" cites nothing.
        return cited.Length > 0 ? Audit.Log.CitationProof.Problem(gone, inclusionProofs, checkpoint, cited) : Problems.Result(gone);
    }
}
