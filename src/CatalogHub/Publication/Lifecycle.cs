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
/// N+1, effective strictly after the repeal. Its earlier versions and every repeal stay readable.
/// <para>
/// Invariant that makes "as of" answers stable: a version's effective time is never earlier than the moment
/// it is published, and each version takes effect strictly after the previous one; a repeal takes effect
/// after the last version, and a re-establishing version after the repeal. So the legal timeline only ever grows
/// at its future end, and an answer about an instant that has passed can never change afterwards.
/// </para>
/// </summary>
/// <param name="RepealEffectiveAt">The repeal recorded after the latest version, if any: null again once a version re-establishes the item.</param>
public sealed record Lifecycle(Stage Stage, int LatestVersion, DateTimeOffset? LatestEffectiveAt, DateTimeOffset? RepealEffectiveAt)
{
    public static readonly Lifecycle NewDraft = new(Stage.Drafting, 0, null, null);

    public bool IsRepealed => RepealEffectiveAt is not null;

    public Lifecycle Revised() => this with { Stage = Stage.Drafting };
    public Lifecycle Submitted() => this with { Stage = Stage.InReview };
    public Lifecycle Published(int version, DateTimeOffset effectiveAt) =>
        this with { Stage = Stage.Idle, LatestVersion = version, LatestEffectiveAt = effectiveAt, RepealEffectiveAt = null };
    public Lifecycle Withdrawn() => this with { Stage = LatestVersion == 0 ? Stage.Withdrawn : Stage.Idle };
    /// <summary>A pending draft is discarded with the repeal: re-establishing the item starts from a new revision.</summary>
    public Lifecycle Repealed(DateTimeOffset effectiveAt) => this with { Stage = Stage.Idle, RepealEffectiveAt = effectiveAt };
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

    public static IResult? CanPublish(Lifecycle state, DateTimeOffset effectiveAt, DateTimeOffset now)
    {
        if (Closed(state) is { } closed) return closed;
        if (state.Stage != Stage.InReview)
            return Problems.Rule("not-in-review", "Only a draft submitted for review can be published.");
        if (effectiveAt < now)
            return Problems.Rule("effective-time-in-past",
                "A version cannot take effect before it is published: that would rewrite what was in force.", "effectiveAt");
        // The repeal takes effect after the latest version, so this check comes first: it is the stricter one.
        if (state.RepealEffectiveAt is { } repeal && effectiveAt <= repeal)
            return Problems.Rule("effective-time-not-after-repeal",
                $"The entry is repealed with effect from {repeal:O}; a version re-establishing it must take effect after the repeal.", "effectiveAt");
        if (state.LatestEffectiveAt is { } latest && effectiveAt <= latest)
            return Problems.Rule("effective-time-not-after-current",
                $"Version {state.LatestVersion} takes effect at {latest:O}; a new version must take effect after it.", "effectiveAt");
        return null;
    }

    public static IResult? CanRepeal(Lifecycle state, DateTimeOffset effectiveAt, DateTimeOffset now)
    {
        if (Closed(state) is { } closed) return closed;
        if (state.IsRepealed)
            return Problems.Rule("repealed", "The entry is already repealed; publish a version after the repeal to re-establish it before repealing it again.");
        if (state.LatestVersion == 0)
            return Problems.Rule("never-published", "Only a published entry can be repealed; withdraw a draft instead.");
        if (effectiveAt < now)
            return Problems.Rule("effective-time-in-past", "A repeal cannot take effect before it is recorded.", "effectiveAt");
        if (effectiveAt <= state.LatestEffectiveAt)
            return Problems.Rule("effective-time-not-after-current",
                $"Version {state.LatestVersion} takes effect at {state.LatestEffectiveAt:O}; the repeal must take effect after it.", "effectiveAt");
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
