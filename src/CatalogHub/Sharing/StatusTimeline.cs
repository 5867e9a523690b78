
namespace CatalogHub.Sharing;

/// <summary>One recorded status change of a seal or a licence: the status it has from <c>EffectiveAt</c>.</summary>
public sealed record StatusChange<TStatus>(TStatus Status, DateTimeOffset EffectiveAt, DateTimeOffset RecordedAt, string Reason, string By)
    where TStatus : struct, Enum;

/// <summary>
/// The status history of a seal or a licence. A change takes effect no earlier than it is recorded and after the
/// previous change, so the status at an instant that has passed never changes afterwards.
/// </summary>
public static class StatusTimeline
{
    /// <summary>The recorded status in effect at the instant, or null before the first change.</summary>
    public static TStatus? At<TStatus>(IReadOnlyList<StatusChange<TStatus>> changes, DateTimeOffset instant) where TStatus : struct, Enum =>
        changes.LastOrDefault(c => c.EffectiveAt <= instant)?.Status;

    [ProblemCodes(422, "effective-time-in-past", "effective-time-not-after-current")]
    public static IResult? CanAppend<TStatus>(IReadOnlyList<StatusChange<TStatus>> changes, DateTimeOffset effectiveAt, DateTimeOffset now)
        where TStatus : struct, Enum
    {
        if (effectiveAt < now)
            return Problems.Rule("effective-time-in-past",
                "A status change cannot take effect before it is recorded: that would change what a past verification answered.", "effectiveAt");
        if (changes.Count > 0 && effectiveAt <= changes[^1].EffectiveAt)
            return Problems.Rule("effective-time-not-after-current",
                $"The last change takes effect at {changes[^1].EffectiveAt:O}; this one must take effect after it.", "effectiveAt");
        return null;
    }
}
