using System.Globalization;

namespace CatalogHub.Bench;

/// <summary>
/// The .NET runtime's own counters in the application process, as its <c>GET /metrics</c> shows them (the System.Runtime
/// meter; a scraper on loopback may read it): read before and after a load, they say where the load's time and memory went.
/// </summary>
/// <remarks>
/// The meter's allocated-bytes counter is left out: read this way it stood still over runs in which the GC collected several times
/// (seen on 2026-11-26, `/health/live` at 1,000/s for 8 s: 9 collections, 0 bytes), so collections per request stand for allocation.
/// </remarks>
public sealed record RuntimeCounters(double Gen0, double Gen1, double Gen2, double PauseSeconds, double CpuSeconds, double CommittedBytes)
{
    public static async Task<RuntimeCounters> Read(HttpClient http)
    {
        var text = await http.GetStringAsync("/metrics");
        var values = text.Split('\n').Where(l => l.StartsWith("dotnet_")).Select(l => (Line: l, Value: l[(l.LastIndexOf(' ') + 1)..]))
            .ToList();
        double Sum(string metric, string? label = null) => values
            .Where(v => v.Line.StartsWith(metric + "{") && (label is null || v.Line.Contains(label)))
            .Sum(v => double.Parse(v.Value, CultureInfo.InvariantCulture));
        return new RuntimeCounters(Sum("dotnet_gc_collections_total", "\"gen0\""), Sum("dotnet_gc_collections_total", "\"gen1\""), Sum("dotnet_gc_collections_total", "\"gen2\""),
            Sum("dotnet_gc_pause_time_seconds_total"), Sum("dotnet_process_cpu_time_seconds_total"),
            Sum("dotnet_gc_last_collection_memory_committed_size_bytes"));
    }
}

/// <summary>What the application spent on one load of <see cref="Requests"/> requests over <see cref="Seconds"/>: the counters' differences.</summary>
public sealed record RuntimeUse(long Requests, double Seconds, RuntimeCounters Before, RuntimeCounters After)
{
    /// <summary>Collections per 1,000 requests: what the requests allocate, in the GC's own measure (each collection follows a budget's worth of allocation).</summary>
    public double CollectionsPerThousand => 1000 * Collections / Requests;
    public double CpuMsPerRequest => 1000 * (After.CpuSeconds - Before.CpuSeconds) / Requests;

    /// <summary>Collections per second; the meter counts each collection once, under the oldest generation it collected.</summary>
    public double CollectionsPerSecond => Collections / Seconds;

    private double Collections => After.Gen0 + After.Gen1 + After.Gen2 - Before.Gen0 - Before.Gen1 - Before.Gen2;

    /// <summary>Milliseconds per second during which the GC held every thread (every request in flight waited that long).</summary>
    public double PauseMsPerSecond => 1000 * (After.PauseSeconds - Before.PauseSeconds) / Seconds;

    /// <summary>Share of the machine's cores the application used.</summary>
    public double CoresUsed => (After.CpuSeconds - Before.CpuSeconds) / Seconds;
}
