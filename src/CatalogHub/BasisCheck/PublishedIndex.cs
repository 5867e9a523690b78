using System.Text.Json;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using CatalogHub.Catalogue;
using CatalogHub.Publication.Lists;
using Marten.Services;

namespace CatalogHub.BasisCheck;

/// <summary>
/// One published version as the index keeps it: <c>Content</c> for implementation lists and the registered lists (a base
/// catalogue entry's is not needed by any rule); <c>References</c> the items of other lists it names. The citation's members
/// are held here rather than in a <see cref="Publication.Citation"/> of its own, which would carry the empty <c>AsOf</c> and
/// <c>KnownAt</c> of a question (an index version is cited by the record, not by a question) and an object header: on the
/// benchmark's store that was a quarter of a million citations and 19 MB (issue 14's memory target). <see cref="Citation"/>
/// makes one when an answer cites the version.
/// </summary>
public sealed class IndexedVersion
{
    private readonly string _list;
    private readonly Guid _id;
    private readonly long _sequence;
    private readonly long? _recordedBy;

    public IndexedVersion(Citation citation, object? content, IReadOnlyList<ListReference>? references = null)
        : this(citation.List, citation.Id, citation.Version, citation.PublishedAt, citation.EffectiveAt, citation.Sequence, citation.RecordedBy,
            content, references)
    {
    }

    private IndexedVersion(string list, Guid id, int version, DateTimeOffset publishedAt, DateTimeOffset effectiveAt, long sequence,
        long? recordedBy, object? content, IReadOnlyList<ListReference>? references)
    {
        (_list, _id, Version, PublishedAt, EffectiveAt, _sequence, _recordedBy) = (list, id, version, publishedAt, effectiveAt, sequence, recordedBy);
        (Content, References) = (content, references);
    }

    public int Version { get; }
    public DateTimeOffset PublishedAt { get; }
    public DateTimeOffset EffectiveAt { get; }
    public object? Content { get; }
    public IReadOnlyList<ListReference>? References { get; }

    public Citation Citation => new(_list, _id, Version, PublishedAt, EffectiveAt, _sequence, RecordedBy: _recordedBy);

    public T? ContentAs<T>() where T : class => Content as T;

    /// <summary>This version cited as in force from <paramref name="effectiveAt"/> on the record of <paramref name="sequence"/>: itself when it already is.</summary>
    public IndexedVersion RecordedAs(DateTimeOffset effectiveAt, long sequence) =>
        EffectiveAt.EqualsExact(effectiveAt) && _recordedBy == sequence ? this
        : new(_list, _id, Version, PublishedAt, effectiveAt, _sequence, sequence, Content, References);
}

/// <summary>Where a list stood at an instant.</summary>
public enum StandingKind { InForce, Repealed, NotYetInForce, DraftOnly, Unknown }

public sealed record Standing(StandingKind Kind, IndexedVersion? Version, RepealCitation? Repeal);

/// <summary>One recorded edit of an item's timeline, as the index keeps it: the version or repeal a <c>put</c> adds.</summary>
public sealed record IndexedEdit(long Sequence, DateTimeOffset RecordedAt, TimelineEdit Edit, IndexedVersion? Version, RepealCitation? Repeal);

/// <summary>
/// A point of an item's timeline as the index keeps it: from <c>EffectiveAt</c> on, <c>Version</c> is in force, or <c>Repeal</c>
/// ended it; <c>RecordedAt</c> is when the edit that put it there was recorded, <c>Sequence</c> that edit's. A value held in its
/// timeline's array, not an object of its own: there is one per published version (issue 14's memory target).
/// </summary>
public readonly record struct IndexedPoint(DateTimeOffset EffectiveAt, IndexedVersion? Version, RepealCitation? Repeal, DateTimeOffset RecordedAt, long Sequence);

/// <summary>
/// The legal timeline of one list item as far as this node has seen it, on both clocks (<see cref="LegalTimeline"/>).
/// Immutable: a change replaces the whole record, so readers never lock. <see cref="Edits"/> are every recorded edit in record
/// order (by sequence), so changes can arrive in any order, twice, and still converge on the same timeline; <c>Points</c>
/// is their fold, the timeline as known now, and the timeline as known at an earlier instant is the fold of the edits
/// recorded by then. <c>Versions</c> holds every published version by number, cancelled ones too.
/// </summary>
public sealed record Timeline(Guid Id, string List, string? RegionCode, string? ItemCode, ImmutableArray<IndexedVersion> Versions,
    ImmutableArray<IndexedPoint> Points, bool Drafted, bool Withdrawn)
{
    public static Timeline Empty(Guid id, string list) => new(id, list, null, null, [], [], false, false);

    /// <summary>
    /// The edits, kept only once the timeline is no longer <see cref="Appended"/>. While it is (almost every item), each point is the
    /// put that made it, so the edits are read off the points instead of being held twice (issue 14's memory target).
    /// </summary>
    private ImmutableArray<IndexedEdit> _edits = [];

    /// <summary>Every recorded edit, in record order.</summary>
    public ImmutableArray<IndexedEdit> Edits => Appended ? [.. Points.Select(EditOf)] : _edits;

    private static IndexedEdit EditOf(IndexedPoint p) => new(p.Sequence, p.RecordedAt, TimelineEdit.Put(p.EffectiveAt), p.Version, p.Repeal);

    /// <summary>When the latest edit was recorded: an answer "as known at" this instant or later is the one of <c>Points</c>.</summary>
    public DateTimeOffset LastRecordedAt { get; init; } = DateTimeOffset.MinValue;

    /// <summary>
    /// True while every edit put its point after all the earlier ones, recorded in order (no correction, cancellation or
    /// rescheduling: almost every item). Then the timeline as known at K is the prefix of <c>Points</c> recorded by K.
    /// </summary>
    public bool Appended { get; init; } = true;

    public Timeline With(PublicationChange c) => (this with { RegionCode = RegionCode ?? c.RegionCode, ItemCode = ItemCode ?? c.ItemCode }) switch
    {
        var t when c.Kind == ChangeKind.Drafted => t with { Drafted = true },
        var t when c.Kind == ChangeKind.Withdrawn => t with { Withdrawn = true },
        var t when c.Kind == ChangeKind.Repealed => t.Repealed(c.Read<RepealCitation>(), c.Sequence),
        var t when c.Kind is ChangeKind.ScheduleCancelled or ChangeKind.Rescheduled && c.Read<ScheduleChange>() is var s =>
            t.WithEdit(new(c.Sequence, s.RecordedAt, s.RescheduledTo is { } to ? TimelineEdit.Move(s.ScheduledFor, to) : TimelineEdit.Cancel(s.ScheduledFor), null, null)),
        var t => t.Published(VersionOf(c), c.Sequence),
    };

    /// <summary>
    /// Every published version document carries its citation; the other registered lists keep their content for the check. The
    /// base catalogue's content is read by no rule and is most of the store's versions, so the index keeps its citations alone
    /// (issue 14's memory target); a version naming nothing keeps no list of references. The citation takes the change's list
    /// name, which the index holds once.
    /// </summary>
    private static IndexedVersion VersionOf(PublicationChange c) =>
        c.List != CatalogueList.Name && ListRegistry.Find(c.List)?.ReadVersion(c, PooledStrings.Json) is { } read
            ? new IndexedVersion(read.Citation with { List = c.List }, read.Content, read.References.Count == 0 ? null : read.References)
            : new IndexedVersion(c.Document!.Value.GetProperty("citation").Deserialize<Citation>(PooledStrings.Json)! with { List = c.List }, null);

    /// <summary>
    /// Version <paramref name="v"/>, published by the change at <paramref name="sequence"/>, takes its place. It is kept cited with that
    /// change as what recorded it: then the point it puts on the timeline shares it, unless a later edit moves it (<see cref="IndexedVersion.RecordedAs"/>).
    /// </summary>
    public Timeline Published(IndexedVersion v, long sequence)
    {
        v = v.RecordedAs(v.EffectiveAt, sequence);
        var edit = new IndexedEdit(sequence, v.PublishedAt, TimelineEdit.Put(v.EffectiveAt), v, null);
        if (Versions.Any(x => x.Version == v.Version)) return WithEdit(edit);
        var at = 0;
        while (at < Versions.Length && Versions[at].Version < v.Version) at++;
        return (this with { Versions = Versions.Insert(at, v) }).WithEdit(edit);
    }

    /// <summary>Repeal <paramref name="r"/>, recorded by the change at <paramref name="sequence"/>, takes its place.</summary>
    public Timeline Repealed(RepealCitation r, long sequence) => WithEdit(new(sequence, r.RecordedAt, TimelineEdit.Put(r.EffectiveAt), null, r));

    /// <summary>
    /// Takes in one edit. One recorded after every edit known (the usual case, also while the index loads) is applied to the
    /// points as they are; one arriving out of order (another node's commit read late) replays every edit in record order.
    /// </summary>
    private Timeline WithEdit(IndexedEdit edit)
    {
        // Appended, the points are the edits in record order: an edit recorded after them all is applied without reading the edits off them.
        if (Appended && !Points.Any(p => p.Sequence == edit.Sequence) && (Points.Length == 0 || Points[^1].Sequence < edit.Sequence))
        {
            var points = Step(Points, edit);
            var last = Max(LastRecordedAt, edit.RecordedAt);
            return edit.Edit.Kind == TimelineEditKind.Put && (Points.Length == 0 || Follows(edit, Points[^1].EffectiveAt, Points[^1].RecordedAt))
                ? this with { Points = points, LastRecordedAt = last }
                : this with { Points = points, LastRecordedAt = last, Appended = false, _edits = [.. Points.Select(EditOf), edit] };
        }
        var known = Edits;
        if (known.Any(x => x.Sequence == edit.Sequence)) return this;
        var at = 0;
        while (at < known.Length && known[at].Sequence < edit.Sequence) at++;
        var edits = known.Insert(at, edit);
        if (at == known.Length)
            return this with { _edits = edits, Points = Step(Points, edit), LastRecordedAt = Max(LastRecordedAt, edit.RecordedAt) };
        var appended = edits[0].Edit.Kind == TimelineEditKind.Put;
        for (var i = 1; i < edits.Length && appended; i++) appended = Follows(edits[i], edits[i - 1].Edit.At, edits[i - 1].RecordedAt);
        return this with
        {
            _edits = appended ? [] : edits, Points = Fold(edits, DateTimeOffset.MaxValue), LastRecordedAt = edits.Max(e => e.RecordedAt), Appended = appended,
        };
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>An edit that puts its point after the previous edit's, recorded no earlier: the timeline is still appended to.</summary>
    private static bool Follows(IndexedEdit e, DateTimeOffset previousAt, DateTimeOffset previousRecordedAt) =>
        e.Edit.Kind == TimelineEditKind.Put && e.Edit.At > previousAt && e.RecordedAt >= previousRecordedAt;

    /// <summary>The timeline as the edits recorded by <paramref name="knownAt"/> made it, each version cited with the edit that put it where it is.</summary>
    private static ImmutableArray<IndexedPoint> Fold(ImmutableArray<IndexedEdit> edits, DateTimeOffset knownAt)
    {
        ImmutableArray<IndexedPoint> points = [];
        foreach (var e in edits)
            if (e.RecordedAt <= knownAt) points = Step(points, e);
        return points;
    }

    private static ImmutableArray<IndexedPoint> Step(ImmutableArray<IndexedPoint> points, IndexedEdit e) =>
        points.Apply(e.Edit, new IndexedPoint(e.Edit.At, e.Version?.RecordedAs(e.Edit.At, e.Sequence), e.Repeal, e.RecordedAt, e.Sequence),
            p => p.EffectiveAt,
            (p, to) => new IndexedPoint(to, p.Version?.RecordedAs(to, e.Sequence), p.Repeal is { } r ? r with { EffectiveAt = to } : null, e.RecordedAt, e.Sequence));

    /// <summary>
    /// Where the item stood at <paramref name="instant"/> as the record stood at <paramref name="knownAt"/> (now when null): the last
    /// point at or before the instant. Nothing is allocated as known now (the basis check's usual question), nor as known at an
    /// earlier instant on an <see cref="Appended"/> timeline (a prefix of the points); a corrected one is replayed up to then.
    /// </summary>
    public Standing At(DateTimeOffset instant, DateTimeOffset? knownAt = null)
    {
        var (points, known) = (Points, Points.Length);
        if (knownAt is { } k && k < LastRecordedAt)
        {
            if (!Appended)
            {
                points = Fold(Edits, k);
                known = points.Length;
            }
            else
            {
                // Recorded in order: the points known at k are the first ones, found by bisection.
                var (low, high) = (0, points.Length);
                while (low < high)
                {
                    var middle = (low + high) / 2;
                    if (points[middle].RecordedAt <= k) low = middle + 1;
                    else high = middle;
                }
                known = low;
            }
        }
        var at = known - 1;
        while (at >= 0 && points[at].EffectiveAt > instant) at--;
        if (at >= 0)
            return points[at].Version is { } version ? new(StandingKind.InForce, version, null) : new(StandingKind.Repealed, null, points[at].Repeal);
        return known > 0 ? new(StandingKind.NotYetInForce, null, null)
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
    // Every list that ever had the key: one holds it at a time, the others are withdrawn drafts (whose codes are free again). The
    // first to have it is held inline; the rare later ones apart, so that almost every key costs no array (issue 14's memory target).
    private readonly ConcurrentDictionary<(string List, string Region, string Item), Guid> _byKey = new();
    private readonly ConcurrentDictionary<(string List, string Region, string Item), ImmutableArray<Guid>> _laterByKey = new();
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
        // On the basis check's hot path: no allocation, and almost always a single id.
        if (!_byKey.TryGetValue((list, regionCode, itemCode), out var first)) return null;
        var found = _byId[first];
        if (!found.Withdrawn || !_laterByKey.TryGetValue((list, regionCode, itemCode), out var later)) return found;
        foreach (var id in later)
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
        // List names and region codes, which every change repeats in strings of its own: the index holds each once.
        change = change with { List = PooledStrings.Pool.Held(change.List), RegionCode = change.RegionCode is { } code ? PooledStrings.Pool.Held(code) : null };
        var timeline = _byId.GetValueOrDefault(change.Id) ?? Timeline.Empty(change.Id, change.List);
        var next = timeline.With(change);
        _byId[change.Id] = next;
        if (next.RegionCode is { } region && next.ItemCode is { } item)
        {
            var key = (next.List, region, item);
            if (!_byKey.TryAdd(key, next.Id) && _byKey[key] != next.Id)
            {
                var later = _laterByKey.GetValueOrDefault(key, []);
                if (!later.Contains(next.Id)) _laterByKey[key] = later.Add(next.Id);
            }
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
            _laterByKey.Clear();
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
        {
            Logger.LogInformation("Published index loaded up to {Position}", index.Status.Position);
            // The load read every change of the store and replaced each timeline's arrays as it grew: garbage many times the index's
            // size, which the GC would otherwise keep committed. One compacting collection returns it before the node serves.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override Task RunOnce(CancellationToken ct) => index.CatchUp(store, ct);
}
