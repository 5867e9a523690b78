using System.Text;

namespace CatalogHub.Publication;

/// <summary>An immutable published version of some list, as the shared "as of" reads need it.</summary>
public interface IPublishedVersion
{
    Citation Citation { get; }
}

/// <summary>
/// The recorded repeal of some list. Its document (id: the list's id) holds the latest repeal; every repeal, the earlier
/// ones of a re-established list too, is kept on the validity interval it closed (<see cref="ValidityIntervalProjection"/>).
/// </summary>
public interface IRepealRecord
{
    DateTimeOffset EffectiveAt { get; }
    string Reason { get; }
    RepealCitation Citation { get; }
}

/// <summary>
/// Every published version of a list (oldest first) and every repeal (oldest first: a repealed list can be re-established
/// by a later version, and repealed again). <c>Repeal</c> is the latest repeal, if any, even when a later version
/// re-established the list. Drafts are not versions.
/// </summary>
public sealed record VersionList(Guid Id, IReadOnlyList<Citation> Versions, RepealCitation? Repeal, IReadOnlyList<RepealCitation> Repeals);

/// <summary>What a list said at a legal instant, or why it said nothing.</summary>
public sealed record AsOf<TVersion, TRepeal>(TVersion? InForce, TRepeal? Repeal)
    where TVersion : class, IPublishedVersion where TRepeal : class, IRepealRecord;

/// <summary>
/// "As of" reads shared by every published list. Because effective times grow strictly with the version
/// number (see <see cref="Lifecycle"/>), the version in force at T is the highest version whose effective
/// time is ≤ T, unless a repeal took effect at or before T and no later version re-established the list by T.
/// Drafts are not in the version tables at all.
/// </summary>
public static class AsOfReads
{
    /// <summary>
    /// One round trip: the version whose validity interval holds the instant (see <see cref="ValidityIntervalProjection"/>),
    /// or, when that interval has closed by then, the repeal that closed it, which explains a 404. The latest interval
    /// starting at or before T is found first (one index probe), then tested for having closed, so a long-repealed list
    /// is never walked version by version. An interval is closed either by its successor, which then starts at or
    /// before T and would have been found instead, or by a repeal: so a closed interval found here was repealed, and
    /// an instant inside the gap before a re-establishing version cites the repeal of exactly that gap.
    /// </summary>
    /// <param name="versionsTable">The version documents' table (document id: the interval's <c>version_id</c>).</param>
    /// <param name="repealsTable">
    /// The repeal documents' table (document id: the list's id). It explains an interval closed without <c>repeal</c>: one a node
    /// running the code before re-establishment closed after this node's start-up backfill; such a list had one repeal only.
    /// </param>
    public static async Task<AsOf<TVersion, TRepeal>> Read<TVersion, TRepeal>(
        IQuerySession session, string list, string versionsTable, string repealsTable, Guid id, DateTimeOffset instant, CancellationToken ct)
        where TVersion : class, IPublishedVersion where TRepeal : class, IRepealRecord
    {
        var json = (await session.AdvancedSql.QueryAsync<string>($"""
            with i as (select version_id, superseded_at, repeal from {ValidityIntervalProjection.Table}
                       where list = ? and id = ? and effective_at <= ? order by effective_at desc limit 1)
            select json_build_object(
              'inForce', (select v.data from i join {versionsTable} v on v.id = i.version_id
                          where i.superseded_at is null or i.superseded_at > ?),
              'repeal', (select coalesce(i.repeal, r.data) from i left join {repealsTable} r on r.id = ? where i.superseded_at <= ?))::text
            """, ct, list, id, instant, instant, id, instant)).Single();
        return session.DocumentStore.Options.Serializer().FromJson<AsOf<TVersion, TRepeal>>(new MemoryStream(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>The citations of every published version of a list and of every repeal; 404 when nothing was ever published.</summary>
    public static async Task<IResult> Versions<TVersion, TRepeal>(
        IQuerySession session, string versionsTable, string idColumn, Guid id, string what, CancellationToken ct)
        where TVersion : class, IPublishedVersion where TRepeal : class, IRepealRecord
    {
        var (versions, repeals) = await ReadVersions<TVersion, TRepeal>(session, versionsTable, idColumn, id, ct);
        if (versions.Count == 0) return Problems.NotFound(what);
        return TypedResults.Ok(new VersionList(id, [.. versions.Select(v => v.Citation)], repeals.LastOrDefault()?.Citation,
            [.. repeals.Select(r => r.Citation)]));
    }

    /// <summary>Every published version of a list, whole (oldest first), and every repeal (oldest first); both empty when nothing was ever published.</summary>
    public static async Task<(IReadOnlyList<TVersion> Versions, IReadOnlyList<TRepeal> Repeals)> ReadVersions<TVersion, TRepeal>(
        IQuerySession session, string versionsTable, string idColumn, Guid id, CancellationToken ct)
        where TVersion : class, IPublishedVersion where TRepeal : class, IRepealRecord
    {
        var versions = await session.QueryAsync<TVersion>($"select data from {versionsTable} where {idColumn} = ? order by version", ct, id);
        if (versions.Count == 0) return ([], []);
        var repeals = await session.QueryAsync<TRepeal>(
            $"select repeal from {ValidityIntervalProjection.Table} where list = ? and id = ? and repeal is not null order by effective_at",
            ct, versions[0].Citation.List, id);
        return (versions, repeals);
    }

    /// <summary>
    /// The version in force as <paramref name="view"/>, with the inclusion proof of its citation when asked
    /// (<see cref="Audit.Log.CitationProof"/>), or a 404 problem saying why there is none.
    /// </summary>
    public static IResult Answer<TVersion, TRepeal>(AsOf<TVersion, TRepeal> asOf, Guid id, DateTimeOffset instant, Func<TVersion, object> view,
        bool? inclusionProofs = null, long? checkpoint = null)
        where TVersion : class, IPublishedVersion where TRepeal : class, IRepealRecord
    {
        if (asOf.InForce is { } inForce) return Audit.Log.CitationProof.Answer(view(inForce), inclusionProofs, checkpoint, [inForce.Citation.Sequence]);
        if (asOf.Repeal is { } repeal && repeal.EffectiveAt <= instant)
        {
            var gone = Problems.Details(StatusCodes.Status404NotFound, "repealed", "The entry was repealed.",
                $"Repealed with effect from {repeal.EffectiveAt:O}: {repeal.Reason}");
            gone.Extensions["repeal"] = repeal.Citation;
            return Problems.Result(gone);
        }
        return Problems.Of(StatusCodes.Status404NotFound, "not-in-force", "No published version was in force at that instant.",
            $"{id} had no version in legal effect at {instant:O} (it may be unpublished, a draft, or take effect later).");
    }
}
