using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CatalogHub.Publication;

/// <summary>How a recorded change edits a list's legal timeline (the points at which what is in force changes).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimelineEditKind>))]
public enum TimelineEditKind
{
    /// <summary>A version or a repeal takes effect at <c>At</c>; a point already at that instant is replaced (a correction of that period).</summary>
    [JsonStringEnumMemberName("put")] Put,
    /// <summary>The point at <c>At</c>, not yet in effect when cancelled, is removed: what was in force before it goes on.</summary>
    [JsonStringEnumMemberName("cancel")] Cancel,
    /// <summary>The point at <c>At</c>, not yet in effect, moves to <c>To</c>, between the same neighbours.</summary>
    [JsonStringEnumMemberName("move")] Move,
}

/// <summary>One edit of a legal timeline, as a publication, a repeal, a cancellation or a rescheduling records it.</summary>
public readonly record struct TimelineEdit(TimelineEditKind Kind, DateTimeOffset At, DateTimeOffset? To = null)
{
    public static TimelineEdit Put(DateTimeOffset at) => new(TimelineEditKind.Put, at);
    public static TimelineEdit Cancel(DateTimeOffset at) => new(TimelineEditKind.Cancel, at);
    public static TimelineEdit Move(DateTimeOffset from, DateTimeOffset to) => new(TimelineEditKind.Move, from, to);
}

/// <summary>
/// The legal clock of one item, the same algebra wherever a timeline is kept (the lifecycle's rules, the validity intervals in
/// the store, the basis check's index): a list of points ordered by effective time, each saying "from here on, version N is in
/// force" or "from here on, the item is repealed". What is in force at T is the last point at or before T. Edits are applied
/// in the order they were recorded; replaying the edits recorded up to an instant K gives the timeline as it was known at K,
/// which is what keeps every answer about (T, K) the same forever.
/// </summary>
public static class LegalTimeline
{
    /// <summary>Applies <paramref name="edit"/>; <paramref name="put"/> is the point a <c>Put</c> adds, <paramref name="moved"/> re-dates a point.</summary>
    public static ImmutableArray<TPoint> Apply<TPoint>(this ImmutableArray<TPoint> points, TimelineEdit edit, TPoint? put,
        Func<TPoint, DateTimeOffset> at, Func<TPoint, DateTimeOffset, TPoint> moved)
    {
        var index = points.IndexWhere(p => at(p) == edit.At);
        switch (edit.Kind)
        {
            case TimelineEditKind.Put:
                return Insert(index < 0 ? points : points.RemoveAt(index), put!, at);
            case TimelineEditKind.Cancel:
                return index < 0 ? points : points.RemoveAt(index);
            default:
                return index < 0 ? points : Insert(points.RemoveAt(index), moved(points[index], edit.To!.Value), at);
        }
    }

    /// <summary>The index of the last point at or before <paramref name="instant"/>, or -1: no allocation, for the basis check's hot path.</summary>
    public static int IndexAt<TPoint>(this ImmutableArray<TPoint> points, DateTimeOffset instant, Func<TPoint, DateTimeOffset> at)
    {
        for (var i = points.Length - 1; i >= 0; i--)
            if (at(points[i]) <= instant) return i;
        return -1;
    }

    private static int IndexWhere<TPoint>(this ImmutableArray<TPoint> points, Func<TPoint, bool> match)
    {
        for (var i = 0; i < points.Length; i++)
            if (match(points[i])) return i;
        return -1;
    }

    private static ImmutableArray<TPoint> Insert<TPoint>(ImmutableArray<TPoint> points, TPoint point, Func<TPoint, DateTimeOffset> at)
    {
        var i = 0;
        while (i < points.Length && at(points[i]) < at(point)) i++;
        return points.Insert(i, point);
    }
}

/// <summary>A point of an item's legal timeline: from <c>EffectiveAt</c> on, <c>Version</c> is in force, or (null) the item is repealed.</summary>
public sealed record TimelinePoint(DateTimeOffset EffectiveAt, int? Version)
{
    public bool IsRepeal => Version is null;
}
