using Marten;

namespace CatalogHub.Publication;

/// <summary>What a list's repeal document exposes to the "as of" read.</summary>
public interface IRepeal
{
    DateTimeOffset EffectiveAt { get; }
}

/// <summary>
/// "As of" reads of any published list. Because effective times grow strictly with the version number
/// (see <see cref="Lifecycle"/>), the version in force at T is the highest version whose effective time is ≤ T,
/// unless a repeal took effect at or before T. Only published versions are queried: drafts are not in these tables.
/// </summary>
public static class PublishedVersions
{
    /// <param name="versions">The versions table (with duplicated <c>effective_at</c> and <c>version</c> columns).</param>
    /// <param name="idColumn">Its duplicated column holding the list item's id.</param>
    public static async Task<(TVersion? InForce, TRepeal? Repeal)> AsOf<TVersion, TRepeal>(
        IQuerySession session, string versions, string idColumn, Guid id, DateTimeOffset instant, CancellationToken ct)
        where TVersion : class where TRepeal : class, IRepeal
    {
        var repeal = await session.LoadAsync<TRepeal>(id, ct);
        if (repeal is not null && repeal.EffectiveAt <= instant) return (null, repeal);
        var found = await session.QueryAsync<TVersion>(
            $"select data from {versions} where {idColumn} = ? and effective_at <= ? order by version desc limit 1", ct, id, instant);
        return (found.FirstOrDefault(), repeal);
    }
}
