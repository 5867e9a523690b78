using System.Text.Json;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using CatalogHub.Catalogue;
using CatalogHub.Publication.Lists;
using Marten.Services;

namespace CatalogHub.BasisCheck;

/// <summary>
/// One published version as the index keeps it: <c>Content</c> for implementation lists and the registered lists (a base
/// catalogue entry's is not needed by any rule); <c>References</c> the items of other lists it names.
/// </summary>
public sealed record IndexedVersion(Citation Citation, object? Content, IReadOnlyList<ListReference>? References = null)
{
    public T? ContentAs<T>() where T : class => Content as T;
}

/// <summary>Where a list stood at an instant.</summary>
public enum StandingKind { InForce, Repealed, NotYetInForce, DraftOnly, Unknown }

public sealed record Standing(StandingKind Kind, IndexedVersion? Version, RepealCitation? Repeal);

/// <summary>
/// The legal timeline of one list (an entry or an implementation list) as far as this node has seen it. Immutable:
/// a change replaces the whole record, so readers never lock. Every change it absorbs is monotone (a version
/// added, a repeal added, a draft or withdrawal noted), so changes can arrive in any order, twice, and still
/// converge on the same timeline. A repealed list can be re-established by a later version and repealed again:
/// <c>Repeals</c> keeps every repeal, oldest first.
/// </summary>
public sealed record Timeline(Guid Id, string List, string? RegionCode, string? ItemCode, ImmutableArray<IndexedVersion> Versions,
    ImmutableArray<RepealCitation> Repeals, bool Drafted, bool Withdrawn)
{
    public static Timeline Empty(Guid id, string list) => new(id, list, null, null, [], [], false, false);

    public Timeline With(PublicationChange c) => (this with { RegionCode = RegionCode ?? c.RegionCode, ItemCode = ItemCode ?? c.ItemCode }) switch
    {
        var t when c.Kind == ChangeKind.Drafted => t with { Drafted = true },
        var t when c.Kind == ChangeKind.Withdrawn => t with { Withdrawn = true },
        var t when c.Kind == ChangeKind.Repealed => t.WithRepeal(c.Read<RepealCitation>()),
        var t => t.WithVersion(VersionOf(c)),
    };

    /// <summary>Every published version document carries its citation; the registered lists keep their content for the check.</summary>
    private static IndexedVersion VersionOf(PublicationChange c) =>
        ListRegistry.Find(c.List)?.ReadVersion(c) is { } read ? new IndexedVersion(read.Citation, read.Content, read.References)
        : new IndexedVersion(c.Document!.Value.GetProperty("citation").Deserialize<Citation>(PublicationChange.Json)!, null);

    private Timeline WithVersion(IndexedVersion v)
    {
        if (Versions.Any(x => x.Citation.Version == v.Citation.Version)) return this;
        var at = 0;
        while (at < Versions.Length && Versions[at].Citation.Version < v.Citation.Version) at++;
        return this with { Versions = Versions.Insert(at, v) };
    }

    private Timeline WithRepeal(RepealCitation r)
    {
        if (Repeals.Any(x => x.Sequence == r.Sequence)) return this;
        var at = 0;
        while (at < Repeals.Length && Repeals[at].EffectiveAt < r.EffectiveAt) at++;
        return this with { Repeals = Repeals.Insert(at, r) };
    }

    /// <summary>
    /// The version in force at <paramref name="instant"/>: the highest version effective at or before it (effective
    /// times grow with the version, see <see cref="Lifecycle"/>), unless the latest repeal effective at or before it
    /// took effect after that version (a version re-establishing the list takes effect after the repeal it ends).
    /// </summary>
    public Standing At(DateTimeOffset instant)
    {
        var version = Versions.LastOrDefault(v => v.Citation.EffectiveAt <= instant);
        var repeal = Repeals.LastOrDefault(r => r.EffectiveAt <= instant);
        if (repeal is not null && (version is null || repeal.EffectiveAt > version.Citation.EffectiveAt))
            return new(StandingKind.Repealed, null, repeal);
        if (version is not null) return new(StandingKind.InForce, version, null);
        return Versions.Length > 0 ? new(StandingKind.NotYetInForce, null, null)
            : Drafted && !Withdrawn ? new(StandingKind.DraftOnly, null, null)
            : new(StandingKind.Unknown, null, null);
    }
}

/// <summary>How far the index has read the change log: everything at or before <c>Position</c> is in it.</summary>
public sealed record IndexStatus(string Position, long Sequence, DateTimeOffset? RefreshedAt);

/// <summary>
/// The published timelines of every entry and implementation list, in memory, so the basis check never touches
/// the database. Published versions are immutable, so the only question is how current the index is: it is
/// loaded at start-up, absorbs this node's commits as they happen (<see cref="PublishedIndexListener"/>), and
/// reads the change log for other nodes' commits (<see cref="PublishedIndexRefresher"/>) up to the same safe
/// position the changed-since feed uses (docs/feed.md).
/// </summary>
public sealed class PublishedIndex(TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Timeline> _byId = new();
    // Every list that ever had the key: one holds it at a time, the others are withdrawn drafts (whose codes are free again).
    private readonly ConcurrentDictionary<(string List, string Region, string Item), ImmutableArray<Guid>> _byKey = new();
    private readonly ConcurrentDictionary<(string List, Guid Referenced), ImmutableHashSet<Guid>> _byReference = new();
    private readonly Lock _write = new();
    private int _generation;
    private IndexStatus _status = new(ChangePosition.Start.ToString(), 0, null);
    private ChangePosition _position = ChangePosition.Start;
    private volatile bool _loaded;

    public IndexStatus Status => Volatile.Read(ref _status);

    /// <summary>
    /// True once a catch-up has read the change log to its end. Until then (the store was away when this node started)
    /// the index knows only part of the published history, and the basis check refuses to answer from it.
    /// </summary>
    public bool IsLoaded => _loaded;

    /// <summary>The list holding the key: the one not withdrawn, whatever order the changes came in; else the last withdrawn.</summary>
    public Timeline? Find(string list, string regionCode, string itemCode)
    {
        if (!_byKey.TryGetValue((list, regionCode, itemCode), out var ids)) return null;
        // On the basis check's hot path: no allocation, and almost always a single id.
        Timeline? found = null;
        foreach (var id in ids)
            if (!(found = _byId[id]).Withdrawn) return found;
        return found;
    }

    public Timeline? Find(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The items of <paramref name="list"/> any of whose versions named <paramref name="referenced"/> (a proof serving an entry);
    /// whether the version in force at an instant still names it is the caller's question.
    /// </summary>
    public IEnumerable<Timeline> Referencing(string list, Guid referenced) =>
        _byReference.TryGetValue((list, referenced), out var ids) ? ids.Select(Find).OfType<Timeline>() : [];

    /// <summary>
    /// Every reference, in a version in force at <paramref name="instant"/>, to an item of another list that is not in force then
    /// (repealed, cancelled, or never published at all): the items whose owners must revise them.
    /// </summary>
    public IEnumerable<(Timeline Dependent, IndexedVersion Version, ListReference Reference, Standing Referenced)> BrokenReferences(DateTimeOffset instant) =>
        from key in _byReference.Keys
        let referenced = Find(key.Referenced)?.At(instant) ?? new Standing(StandingKind.Unknown, null, null)
        where referenced.Kind != StandingKind.InForce
        from dependent in Referencing(key.List, key.Referenced)
        let standing = dependent.At(instant)
        where standing.Kind == StandingKind.InForce
        from reference in standing.Version!.References ?? []
        where reference.Id == key.Referenced
        select (dependent, standing.Version!, reference, referenced);

    /// <summary>Every item of <paramref name="list"/> this node knows of (a scan: for views, never for the basis check).</summary>
    public IEnumerable<Timeline> All(string list) => _byId.Values.Where(t => t.List == list);

    /// <summary>The lists whose versions name items of other lists: one lookup each, instead of a scan of every reference.</summary>
    private static readonly string[] ReferringLists = [.. ListRegistry.All.Select(l => l.Name)];

    /// <summary>The items of every list whose latest published version names <paramref name="referenced"/>.</summary>
    public IEnumerable<Timeline> Dependents(Guid referenced) =>
        from list in ReferringLists
        from dependent in Referencing(list, referenced)
        where dependent.Versions.Length > 0 && dependent.Versions[^1].References?.Any(r => r.Id == referenced) == true
        select dependent;

    public void Apply(PublicationChange change)
    {
        lock (_write) ApplyLocked(change);
    }

    private void ApplyLocked(PublicationChange change)
    {
        var timeline = _byId.GetValueOrDefault(change.Id) ?? Timeline.Empty(change.Id, change.List);
        var next = timeline.With(change);
        _byId[change.Id] = next;
        if (next.RegionCode is { } region && next.ItemCode is { } item)
        {
            var ids = _byKey.GetValueOrDefault((next.List, region, item), []);
            if (!ids.Contains(next.Id)) _byKey[(next.List, region, item)] = ids.Add(next.Id);
        }
        foreach (var reference in next.Versions.SelectMany(v => v.References ?? []))
            _byReference.AddOrUpdate((next.List, reference.Id), [next.Id], (_, ids) => ids.Add(next.Id));
    }

    /// <summary>Reads the change log after the current position until it is exhausted; returns how many changes it read.</summary>
    public async Task<int> CatchUp(IDocumentStore store, CancellationToken ct)
    {
        var read = 0;
        while (true)
        {
            int generation;
            ChangePosition after;
            lock (_write) (generation, after) = (_generation, _position);
            IReadOnlyList<LoggedChange> page;
            await using (var session = store.QuerySession())
                page = await ChangeLog.ReadAfter(session, after, 1000, Enum.GetValues<ChangeKind>(), ct);
            lock (_write)
            {
                // A reset while this page was read makes it stale: drop it.
                if (generation != _generation) return read;
                foreach (var logged in page) ApplyLocked(logged.Change);
                if (page.Count > 0) _position = page[^1].Position;
                var sequence = Math.Max(Status.Sequence, page.Count == 0 ? 0 : page.Max(p => p.Change.Sequence));
                Volatile.Write(ref _status, new IndexStatus(_position.ToString(), sequence, clock.GetUtcNow()));
            }
            read += page.Count;
            if (page.Count < 1000)
            {
                _loaded = true;
                return read;
            }
        }
    }

    /// <summary>
    /// Forgets everything, for a store that was wiped (tests); the next catch-up reloads from the start. An index that was
    /// loaded stays loaded: the wiped store has nothing it lacks.
    /// </summary>
    public void Clear()
    {
        lock (_write)
        {
            _generation++;
            _byId.Clear();
            _byKey.Clear();
            _byReference.Clear();
            _position = ChangePosition.Start;
            Volatile.Write(ref _status, new IndexStatus(_position.ToString(), 0, null));
        }
    }
}

/// <summary>Feeds this node's own commits into the index the moment they are durable, so a publish is answered at once.</summary>
public sealed class PublishedIndexListener(PublishedIndex index, IReadOnlyList<Func<JasperFx.Events.IEvent, PublicationChange?>> sources)
    : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var e in commit.GetEvents())
            foreach (var source in sources)
                if (source(e) is { } change)
                    index.Apply(change);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Loads the index before the API starts serving, then polls the change log for other nodes' commits every
/// <c>CATALOGHUB_INDEX_POLL_MS</c> milliseconds (500 by default). If the store is away at start-up the node starts
/// anyway: the basis check answers 503 <c>index-not-loaded</c> and the loop retries the load with back-off. While the
/// store is away later, the index keeps answering from what it has; its status says how old that is.
/// </summary>
public sealed class PublishedIndexRefresher(PublishedIndex index, IDocumentStore store, IConfiguration config, Supervision supervision,
    TimeProvider clock, ILogger<PublishedIndexRefresher> logger) : SupervisedLoop(supervision, clock, logger)
{
    public const string HealthName = "published-index";

    protected override TimeSpan? Interval => TimeSpan.FromMilliseconds(config.GetValue("CATALOGHUB_INDEX_POLL_MS", 500));

    // The index is what makes basis checks current: do not let a long outage push its next try far out.
    protected override TimeSpan MaxBackoff => TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await Attempt(cancellationToken))
            Logger.LogInformation("Published index loaded up to {Position}", index.Status.Position);
        await base.StartAsync(cancellationToken);
    }

    protected override Task RunOnce(CancellationToken ct) => index.CatchUp(store, ct);
}
