using System.Text.Json.Serialization;

namespace CatalogHub.Publication;

/// <summary>Where a list's pending work stands. Published versions live beside it, untouched by drafting.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Stage>))]
public enum Stage
{
    /// <summary>Nothing pending: every change so far is published (or the entry was repealed).</summary>
    [JsonStringEnumMemberName("idle")] Idle,
    [JsonStringEnumMemberName("drafting")] Drafting,
    [JsonStringEnumMemberName("in-review")] InReview,
    /// <summary>A never-published draft that was withdrawn: the entry is closed.</summary>
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,
}

/// <summary>
/// The publication lifecycle every published list shares (基本目录, 实施清单, ...):
/// draft → revise → submit for review → publish with an effective time → repeal; withdraw a draft.
/// <para>
/// Invariant that makes "as of" answers stable: a version's effective time is never earlier than the moment
/// it is published, and each version takes effect strictly after the previous one; a repeal takes effect
/// after the last version. So the legal timeline only ever grows at its future end, and an answer about an
/// instant that has passed can never change afterwards.
/// </para>
/// </summary>
public sealed record Lifecycle(Stage Stage, int LatestVersion, DateTimeOffset? LatestEffectiveAt, DateTimeOffset? RepealEffectiveAt)
{
    public static readonly Lifecycle NewDraft = new(Stage.Drafting, 0, null, null);

    public bool IsRepealed => RepealEffectiveAt is not null;

    public Lifecycle Revised() => this with { Stage = Stage.Drafting };
    public Lifecycle Submitted() => this with { Stage = Stage.InReview };
    public Lifecycle Published(int version, DateTimeOffset effectiveAt) =>
        this with { Stage = Stage.Idle, LatestVersion = version, LatestEffectiveAt = effectiveAt };
    public Lifecycle Withdrawn() => this with { Stage = LatestVersion == 0 ? Stage.Withdrawn : Stage.Idle };
    public Lifecycle Repealed(DateTimeOffset effectiveAt) => this with { Stage = Stage.Idle, RepealEffectiveAt = effectiveAt };
}

/// <summary>The decisions of the lifecycle, as pure functions: null means allowed, otherwise the problem to return.</summary>
public static class LifecycleRules
{
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
        if (state.LatestEffectiveAt is { } latest && effectiveAt <= latest)
            return Problems.Rule("effective-time-not-after-current",
                $"Version {state.LatestVersion} takes effect at {latest:O}; a new version must take effect after it.", "effectiveAt");
        return null;
    }

    public static IResult? CanRepeal(Lifecycle state, DateTimeOffset effectiveAt, DateTimeOffset now)
    {
        if (Closed(state) is { } closed) return closed;
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
        state.IsRepealed ? Problems.Rule("repealed", "The entry is repealed; it can no longer change.")
        : state.Stage == Stage.Withdrawn ? Problems.Rule("withdrawn", "The draft was withdrawn; the entry is closed.")
        : null;
}
