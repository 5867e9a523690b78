using System.Diagnostics;

namespace CatalogHub.Bench;

/// <summary>Latency percentiles of one measured operation, in milliseconds.</summary>
public sealed record Latency(int Count, double Mean, double P50, double P90, double P99, double Max)
{
    public static Latency Of(List<double> samples)
    {
        if (samples.Count == 0) return new Latency(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        return new Latency(samples.Count, samples.Average(), At(0.50), At(0.90), At(0.99), samples[^1]);
    }
}

/// <summary>Throughput of an operation run by a fixed number of concurrent workers.</summary>
public sealed record Throughput(int Concurrency, int Operations, double Seconds, Latency Latency)
{
    public double PerSecond => Operations / Seconds;
}

/// <summary>The loops of the benchmark. Every one is bounded both in count and in time.</summary>
public static class Measure
{
    /// <summary>Runs <paramref name="operation"/> one call at a time: a warm-up, then up to <paramref name="count"/> timed calls or <paramref name="limit"/>.</summary>
    public static async Task<Latency> Sequential(Func<int, Task> operation, int warmup, int count, TimeSpan limit)
    {
        for (var i = 0; i < warmup; i++) await operation(i);
        var samples = new List<double>(count);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count && total.Elapsed < limit; i++)
        {
            var one = Stopwatch.GetTimestamp();
            await operation(warmup + i);
            samples.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
        }
        return Latency.Of(samples);
    }

    /// <summary>
    /// Times <paramref name="measured"/> against <paramref name="baseline"/> on the same inputs, alternating which goes first
    /// on each number, so that whatever else loads the machine meanwhile weighs on both alike (a ratio of two runs one after
    /// the other would compare two different moments).
    /// </summary>
    public static async Task<(Latency Measured, Latency Baseline)> Paired(Func<int, Task> measured, Func<int, Task> baseline,
        int warmup, int count, TimeSpan limit)
    {
        for (var i = 0; i < warmup; i++) { await measured(i); await baseline(i); }
        var (a, b) = (new List<double>(count), new List<double>(count));
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count && total.Elapsed < limit; i++)
        {
            var n = warmup + i;
            var pair = i % 2 == 0 ? new[] { (measured, a), (baseline, b) } : [(baseline, b), (measured, a)];
            foreach (var (operation, samples) in pair)
            {
                var one = Stopwatch.GetTimestamp();
                await operation(n);
                samples.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
            }
        }
        return (Latency.Of(a), Latency.Of(b));
    }

    /// <summary>
    /// <paramref name="concurrency"/> workers take operation numbers 0, 1, 2 ... until <paramref name="count"/> are
    /// taken or <paramref name="limit"/> has passed; each number is used once (it names a prepared entry).
    /// </summary>
    public static async Task<Throughput> Concurrent(Func<int, Task> operation, int concurrency, int count, TimeSpan limit)
    {
        var next = -1;
        var samples = new List<double>[concurrency];
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = samples[worker] = [];
            int n;
            while (total.Elapsed < limit && (n = Interlocked.Increment(ref next)) < count)
            {
                var one = Stopwatch.GetTimestamp();
                await operation(n);
                mine.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
            }
        }));
        var seconds = total.Elapsed.TotalSeconds;
        var all = samples.SelectMany(s => s).ToList();
        return new Throughput(concurrency, all.Count, seconds, Latency.Of(all));
    }
}
