namespace CatalogHub.Publication;

/// <summary>
/// Finds the intervals holding an instant without reading the others: the relational interval tree (Kriegel, Pötke and Seidl,
/// "Managing Intervals Efficiently in Object-Relational Databases", VLDB 2000). Instants are whole seconds since 1900 on a
/// virtual binary tree of 2^35 leaves (to the year 2988), whose nodes are those seconds: a node with k trailing zero bits sits
/// k levels above the leaves. Each interval is stored at its <em>fork</em>, the highest node it covers (the second within it
/// with the most trailing zeros). Every interval holding t then has its fork on t's path from the root (<see cref="Path"/>), and
/// at a node right of t it holds t exactly when it starts by t; at a node left of (or at) t, when it ends after t. So a stabbing
/// query is one index range per node of the path (35), each returning only intervals that hold t: its cost follows the number of
/// answers, not the table's history. A region's catalogue as of an instant used to read every interval the region ever had.
/// </summary>
/// <para>
/// Seconds are coarser than the stored microseconds: an interval holding T covers T's second, so the fork selects a superset
/// and the exact bounds stay in every query. Instants outside the tree's range are clamped onto its ends, which keeps every
/// comparison's direction.
/// </para>
public static class IntervalForks
{
    private const int Levels = 35;
    private const long Last = (1L << Levels) - 1;
    private static readonly DateTimeOffset Origin = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The fork of [<paramref name="starts"/>, <paramref name="ends"/>) (SQL expressions; a null end: open), as an SQL expression,
    /// so that the insert and the later retraction, which knows only the row's own columns, compute it alike (an expression
    /// rather than a stored function, which the schema migration would recreate at every start). Within [lo, hi] the second with
    /// the most trailing zeros is hi with its bits below b cleared, b the highest bit where lo and hi differ, unless lo itself is
    /// the multiple of 2^(b+1) the range begins at.
    /// </summary>
    public static string Sql(string starts, string ends) => $"""
        (select case when lo >= hi then lo when (lo >> (b + 1)) << (b + 1) = lo then lo else (hi >> b) << b end
         from (select lo, hi, 64 - position('1' in (lo # hi)::bit(64)::text) as b
               from (select {SecondsSql(starts)} as lo, coalesce({SecondsSql($"{ends} - interval '1 microsecond'")}, {Last}) as hi) bounds) f)
        """;

    private static string SecondsSql(string instant) =>
        $"greatest(1, least({Last}, floor(extract(epoch from {instant}))::bigint + {(long)(DateTimeOffset.UnixEpoch - Origin).TotalSeconds}))";

    /// <summary>The instant's second on the tree, as <see cref="SecondsSql"/> computes it: in whole ticks, as a double would round up near a second's end.</summary>
    private static long Seconds(DateTimeOffset instant) =>
        Math.Clamp((instant.UtcTicks - Origin.UtcTicks) / TimeSpan.TicksPerSecond, 1, Last);

    /// <summary>
    /// Whether an open interval holding <paramref name="instant"/> may fork at or left of it. It forks at the root while it starts
    /// before the root's second (the year 2444), as [lo, end of the tree] holds the root: before then the read skips that range.
    /// </summary>
    public static bool OpenForksLeftOf(DateTimeOffset instant) => Seconds(instant) >= 1L << (Levels - 1);

    /// <summary>
    /// The nodes from the root down to <paramref name="instant"/>'s second, split by side: <c>Right</c> of it (an interval stored
    /// there holds the instant when it starts by it) and <c>LeftOrAt</c> (when it ends after it).
    /// </summary>
    public static (long[] Right, long[] LeftOrAt) Path(DateTimeOffset instant)
    {
        var t = Seconds(instant);
        var nodes = Enumerable.Range(0, Levels).Select(k => (t >> (k + 1) << (k + 1)) | (1L << k)).ToList();
        return ([.. nodes.Where(n => n > t)], [.. nodes.Where(n => n <= t)]);
    }
}
