using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Text.Json.Serialization;

namespace CatalogHub.Publication;

/// <summary>Where a list's pending work stands. Published versions live beside it, untouched by drafting.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Stage>))]
public enum Stage
{
    /// <summary>Nothing pending: every change so far is published (or the entry was repealed and not yet re-established).</summary>
    [JsonStringEnumMemberName("idle")] Idle,
    [JsonStringEnumMemberName("drafting")] Drafting,
    [JsonStringEnumMemberName("in-review")] InReview,
    /// <summary>
    /// A never-published draft that was withdrawn: this stream is closed, and its code is free for a new draft (the
    /// unique indexes and the drafting checks leave withdrawn items out).
    /// </summary>
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,
}

/// <summary>
/// The publication lifecycle every published list shares (基本目录, 实施清单, ...):
/// draft → revise → submit for review → publish with an effective time → repeal; withdraw a draft. A repealed item
/// can be re-established on the same stream, as law changes make it come back: revise, submit and publish version
/// N+1, effective after the repeal. Its earlier versions and every repeal stay readable.
/// <para>
/// Two clocks (README, "Two clocks"): a version or repeal normally takes effect now or later, after everything already on
/// the timeline, so the legal timeline grows at its future end. A region's catalogue manager may also record a correction
/// (更正): a version or repeal effective at a past instant, with the decision that orders it (<c>basis</c>). It changes
/// what was in force from that instant until the next point already on the timeline, as known from the moment it is
/// recorded; what the hub knew before stays answerable (<c>knownAt</c>). A version or repeal not yet in effect may be
/// cancelled or rescheduled between its neighbours. <c>Points</c> is the timeline as known now (<see cref="LegalTimeline"/>).
/// </para>
/// </summary>
/// <param name="LatestVersion">The highest version number published: the next version is LatestVersion + 1, whatever became of it.</param>
/// <param name="LatestEffectiveAt">When the last version on the timeline takes effect.</param>
/// <param name="RepealEffectiveAt">The repeal that ends the timeline, if the last point is one: null again once a version re-establishes the item.</param>
public sealed record Lifecycle(Stage Stage, int LatestVersion, DateTimeOffset? LatestEffectiveAt, DateTimeOffset? RepealEffectiveAt,
    IReadOnlyList<TimelinePoint>? Points = null)
{
    public static readonly Lifecycle NewDraft = new(Stage.Drafting, 0, null, null, []);

    public bool IsRepealed => RepealEffectiveAt is not null;

    /// <summary>The timeline as known now; a snapshot written before points were kept has none until start-up rebuilds it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ImmutableArray<TimelinePoint> Timeline => Points is null ? [] : [.. Points];

    /// <summary>The point on the timeline at exactly <paramref name="at"/>, if any.</summary>
    public TimelinePoint? PointAt(DateTimeOffset at) => Timeline.FirstOrDefault(p => p.EffectiveAt == at);

    public Lifecycle Revised() => this with { Stage = Stage.Drafting };
    public Lifecycle Submitted() => this with { Stage = Stage.InReview };
    public Lifecycle Published(int version, DateTimeOffset effectiveAt) =>
        (this with { Stage = Stage.Idle, LatestVersion = version }).Edited(TimelineEdit.Put(effectiveAt), new(effectiveAt, version));
    public Lifecycle Withdrawn() => this with { Stage = LatestVersion == 0 ? Stage.Withdrawn : Stage.Idle };
    /// <summary>A pending draft is discarded with the repeal: re-establishing the item starts from a new revision.</summary>
    public Lifecycle Repealed(DateTimeOffset effectiveAt) =>
        (this with { Stage = Stage.Idle }).Edited(TimelineEdit.Put(effectiveAt), new(effectiveAt, null));
    public Lifecycle Cancelled(DateTimeOffset effectiveAt) => Edited(TimelineEdit.Cancel(effectiveAt), null);
    public Lifecycle Rescheduled(DateTimeOffset from, DateTimeOffset to) => Edited(TimelineEdit.Move(from, to), null);

    private Lifecycle Edited(TimelineEdit edit, TimelinePoint? put)
    {
        var points = Timeline.Apply(edit, put, p => p.EffectiveAt, (p, at) => p with { EffectiveAt = at });
        return this with
        {
            Points = points,
            LatestEffectiveAt = points.LastOrDefault(p => !p.IsRepeal)?.EffectiveAt,
            RepealEffectiveAt = points.Length > 0 && points[^1].IsRepeal ? points[^1].EffectiveAt : null,
        };
    }
}

/// <summary>The decisions of the lifecycle, as pure functions: null means allowed, otherwise the problem to return.</summary>
public static class LifecycleRules
{
    /// <summary>A repealed item may be revised: that is how it is re-established (and a repeal not yet effective does not stop it).</summary>
    public static IResult? CanRevise(Lifecycle state) => Closed(state);

    public static IResult? CanSubmit(Lifecycle state) =>
        Closed(state) ?? (state.Stage == Stage.Drafting ? null
            : Problems.Rule("no-draft", "There is no draft to submit; revise the entry first."));

    public static IResult? CanWithdraw(Lifecycle state) =>
        Closed(state) ?? (state.Stage is Stage.Drafting or Stage.InReview ? null
            : Problems.Rule("no-draft", "There is no pending draft to withdraw."));

    /// <summary>An effective time before <paramref name="now"/> is a correction: the caller has checked it names its basis.</summary>
    public static IResult? CanPublish(Lifecycle state, DateTimeOffset effectiveAt, DateTimeOffset now)
    {
        if (Closed(state) is { } closed) return closed;
        if (state.Stage != Stage.InReview)
            return Problems.Rule("not-in-review", "Only a draft submitted for review can be published.");
        if (effectiveAt < now) return null;
        // The repeal takes effect after the latest version, so this check comes first: it is the stricter one.
        if (state.RepealEffectiveAt is { } repeal && effectiveAt <= repeal)
            return Problems.Rule("effective-time-not-after-repeal",
                $"The entry is repealed with effect from {repeal:O}; a version re-establishing it must take effect after the repeal " +
                "(or cancel or reschedule the repeal first).", "effectiveAt");
        if (state.LatestEffectiveAt is { } latest && effectiveAt <= latest)
            return Problems.Rule("effective-time-not-after-current",
                $"Version {state.LatestVersion} takes effect at {latest:O}; a new version must take effect after it " +
                "(or cancel or reschedule the scheduled one first).", "effectiveAt");
        return null;
    }

    public static IResult? CanRepeal(Lifecycle state, DateTimeOffset effectiveAt, DateTimeOffset now)
    {
        if (Closed(state) is { } closed) return closed;
        if (state.LatestVersion == 0)
            return Problems.Rule("never-published", "Only a published entry can be repealed; withdraw a draft instead.");
        if (effectiveAt < now)
        {
            // A correction: the item must have been in force, as known now, at the instant the repeal corrects.
            var timeline = state.Timeline;
            var at = timeline.IndexAt(effectiveAt, p => p.EffectiveAt);
            return at >= 0 && !timeline[at].IsRepeal ? null
                : Problems.Rule("not-in-force-then", $"No version was in force at {effectiveAt:O}: there is nothing to repeal then.", "effectiveAt");
        }
        if (state.IsRepealed)
            return Problems.Rule("repealed", "The entry is already repealed; publish a version after the repeal to re-establish it before repealing it again.");
        if (effectiveAt <= state.LatestEffectiveAt)
            return Problems.Rule("effective-time-not-after-current",
                $"Version {state.LatestVersion} takes effect at {state.LatestEffectiveAt:O}; the repeal must take effect after it.", "effectiveAt");
        return null;
    }

    /// <summary>
    /// A point may be cancelled or rescheduled while it is not yet in effect; one already in effect is part of the record of
    /// what was law, and only a correction changes it. <paramref name="version"/> null names the scheduled repeal.
    /// </summary>
    public static IResult? CanChangeSchedule(Lifecycle state, int? version, DateTimeOffset now, out TimelinePoint point)
    {
        point = null!;
        if (Closed(state) is { } closed) return closed;
        var found = state.Timeline.LastOrDefault(p => p.Version == version);
        if (found is null || found.EffectiveAt <= now)
            return Problems.Rule("not-scheduled", version is { } v
                ? $"Version {v} is not on the timeline with a future effective time; only a change not yet in effect can be cancelled or rescheduled (publish a correction instead)."
                : "There is no repeal scheduled for a future time.", version is null ? "repeal" : "version");
        point = found;
        return null;
    }

    /// <summary>A rescheduled point stays between its neighbours and in the future: another order is a cancellation and a new publication.</summary>
    public static IResult? CanReschedule(Lifecycle state, int? version, DateTimeOffset to, DateTimeOffset now, out TimelinePoint point)
    {
        if (CanChangeSchedule(state, version, now, out point) is { } refused) return refused;
        if (to < now)
            return Problems.Rule("effective-time-in-past", "A change cannot be rescheduled to a past instant; record a correction instead.", "effectiveAt");
        var timeline = state.Timeline;
        var at = timeline.IndexOf(point);
        if ((at > 0 && to <= timeline[at - 1].EffectiveAt) || (at < timeline.Length - 1 && to >= timeline[at + 1].EffectiveAt))
            return Problems.Rule("effective-time-out-of-order",
                "The new time must stay after the point before it and before the point after it on the timeline; cancel and publish again to change the order.",
                "effectiveAt");
        return null;
    }

    private static IResult? Closed(Lifecycle state) =>
        state.Stage == Stage.Withdrawn ? Problems.Rule("withdrawn", "The draft was withdrawn; this entry is closed (its code is free for a new draft).") : null;
}

/// <summary>The store's side of the lifecycle's "a withdrawn code is free again".</summary>
public static class LifecycleIndexes
{
    /// <summary>
    /// A unique index over the item's key that leaves out withdrawn (never-published) items, so a new draft may take a
    /// withdrawn item's code; a repealed item keeps its code, as it is re-established on its own stream. The name is
    /// the index's old name: Marten's CreateOrUpdate then replaces the index of a store created when it covered every item.
    /// </summary>
    public static MartenRegistry.DocumentMappingExpression<T> UniqueUnlessWithdrawn<T>(
        this MartenRegistry.DocumentMappingExpression<T> mapping, string name, params Expression<Func<T, object>>[] key)
        where T : IPublishable<T> =>
        mapping.Index(key, index =>
        {
            index.Name = name;
            index.IsUnique = true;
            index.Predicate = "(data -> 'lifecycle' ->> 'stage') <> 'withdrawn'";
        });
}
