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
