using System.Collections.Immutable;
using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Lists;

/// <summary>
/// The region reads find the intervals holding an instant by their forks (<see cref="IntervalForks"/>) instead of reading every
/// interval: they must find exactly what the plain predicate finds, on both clocks, whatever the history.
/// </summary>
public sealed class Interval_forks(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>Beijing's 2026-01-01 00:00, in UTC as the store takes instants.</summary>
    private static readonly DateTimeOffset Epoch = new(2025, 12, 31, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task every_interval_holding_an_instant_is_stored_on_the_instant_s_path_on_the_side_its_bound_decides()
    {
        var random = new Random(20261126);
        // Sub-second bounds, one-microsecond and same-second intervals, open ones, and bounds outside the tree (before 1900, after 2988).
        DateTimeOffset Instant() => random.Next(20) switch
        {
            0 => new DateTimeOffset(1850, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(20_000)),
            1 => new DateTimeOffset(3000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(1000)),
            _ => Epoch.AddTicks((long)(random.NextDouble() * TimeSpan.TicksPerDay * 3650) / 10 * 10 - TimeSpan.TicksPerDay * 1825),
        };
        var intervals = Enumerable.Range(0, 4000).Select(_ =>
        {
            var starts = Instant();
            DateTimeOffset? ends = random.Next(6) switch
            {
                0 => null,
                1 => starts.AddTicks(10),
                2 => starts.AddSeconds(1),
                _ => Max(starts.AddTicks(10), Instant()),
            };
            return (Starts: starts, Ends: ends);
        }).ToList();
        await using var session = Store.QuerySession();
        var forks = await session.AdvancedSql.QueryAsync<long>($"select {IntervalForks.Sql("s", "e")} from unnest(?::timestamptz[], ?::timestamptz[]) with ordinality u(s, e, n) order by n",
            CancellationToken.None, intervals.Select(i => i.Starts).ToArray(), intervals.Select(i => i.Ends).ToArray());

        var (held, alsoFound) = (0, 0);
        foreach (var instant in Enumerable.Range(0, 300).Select(_ => Instant())
                     .Concat(intervals.Take(150).SelectMany(i => new[] { i.Starts, i.Starts.AddTicks(-10), i.Ends ?? i.Starts, (i.Ends ?? i.Starts).AddTicks(-10) })))
        {
            var (right, leftOrAt) = IntervalForks.Path(instant);
            for (var i = 0; i < intervals.Count; i++)
            {
                var (starts, ends) = intervals[i];
                var holds = starts <= instant && (ends is null || ends > instant);
                var found = (right.Contains(forks[i]) && starts <= instant) || (leftOrAt.Contains(forks[i]) && (ends is null || ends > instant));
                Assert.False(holds && !found, $"[{starts:O}, {ends:O}) holds {instant:O} but is not found by its fork {forks[i]}");
                if (holds) held++;
                else if (found) alsoFound++;
            }
        }
        Assert.True(held > 10_000, $"only {held} pairs held: the sample would prove little");
        // The fork reads whole seconds (and clamps the tree's ends): within them it may find an interval the exact bounds then drop, rarely.
        Assert.True(alsoFound < held / 100, $"{alsoFound} intervals found by their fork did not hold the instant, against {held} that did");
    }

    [Fact]
    public async Task a_region_s_items_as_of_any_instant_as_known_at_any_other_are_those_the_plain_predicate_finds()
    {
        // A list of 建安区 written only here (its rows through the projection's own Record, microsecond instants): 30 items, each a history of publications (some correcting the past,
        // some scheduled), cancellations and reschedulings, recorded one after the other over two years.
        const string List = "test-interval-forks", Region = "411023";
        var random = new Random(411023);
        var ids = Enumerable.Range(0, 30).Select(_ => Guid.CreateVersion7()).ToList();
        var points = ids.ToDictionary(id => id, _ => ImmutableArray<ValidityIntervalProjection.Point>.Empty);
        var recordedAt = Epoch.AddYears(-2);
        var sequence = 9_000_000_000L + random.Next(1_000_000);
        var written = new List<DateTimeOffset>();
        await using (var session = Store.LightweightSession())
        {
            // Fifty changes per batch, as a rebuild's batches hold many: rows inserted and retracted within one batch among them.
            var writes = new ValidityIntervalProjection.Writes();
            for (var n = 0; n < 600; n++)
            {
                recordedAt = recordedAt.AddMinutes(random.Next(1, 3000)).AddTicks(random.Next(1, 10_000_000) * 10L);
                var id = ids[random.Next(ids.Count)];
                var existing = points[id];
                // Now and then a version scheduled past the year 2444, where an open interval no longer forks at the tree's root.
                var at = (random.Next(20) == 0 ? recordedAt.AddYears(random.Next(420, 600)) : recordedAt.AddDays(random.Next(-200, 200)))
                    .AddTicks(random.Next(0, 10_000_000) * 10L);
                var change = (random.Next(5), existing.Length) switch
                {
                    (0, > 0) => TimelineChange.Cancelled(List, id, existing[random.Next(existing.Length)].EffectiveAt, recordedAt, ++sequence),
                    (1, > 0) => TimelineChange.Moved(List, id, existing[random.Next(existing.Length)].EffectiveAt, at, recordedAt, ++sequence),
                    _ => TimelineChange.Opened(List, id, n + 1, $"{id}:{n + 1}", at, recordedAt, ++sequence, Region, $"11411023MB{random.Next(100):D2}"),
                };
                if (change.Edit.Kind == TimelineEditKind.Move && existing.Any(p => p.EffectiveAt == at)) continue;
                points[id] = ValidityIntervalProjection.Record(writes, List, id, existing, change, o => System.Text.Json.JsonSerializer.Serialize(o));
                written.Add(recordedAt);
                written.Add(at);
                if (n % 50 != 49) continue;
                writes.Queue(session);
                await session.SaveChangesAsync();
            }
            writes.Queue(session);
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        var compared = 0;
        for (var n = 0; n < 250; n++)
        {
            var asOf = written[random.Next(written.Count)].AddTicks(random.Next(3) * -10L);
            var knownAt = written[random.Next(written.Count)].AddTicks(random.Next(3) * -10L);
            var clocks = n % 10 == 0 ? Clocks.Current(asOf, Now) : new Clocks(asOf, knownAt);
            var (inForce, parameters) = ValidityIntervalProjection.InForceInRegion(List, Region, clocks);
            var byForks = await query.AdvancedSql.QueryAsync<string>($"select i.id || ' ' || i.version_id from {inForce} order by 1", CancellationToken.None, parameters);
            var plain = await query.AdvancedSql.QueryAsync<string>(
                $"select i.id || ' ' || i.version_id from {ValidityIntervalProjection.Table} i where i.list = ? and i.region_code = ? " +
                $"and {ValidityIntervalProjection.InForceAt} and {ValidityIntervalProjection.KnownAt} order by 1",
                CancellationToken.None, List, Region, clocks.AsOf, clocks.AsOf, clocks.Record, clocks.Record);
            Assert.Equal(plain, byForks);
            compared += plain.Count;
        }
        Assert.True(compared > 500, $"only {compared} intervals were in force at the sampled instants: the sample would prove little");
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
