namespace CatalogHub.Bench;

/// <summary>(d) what a load generator at a fixed rate sees: the basis check, beside GET /health/live at the same rate.</summary>
public sealed record LoadResults(int Rate, RateRun Health, IReadOnlyList<RateRun> BasisChecks, string? NotMeasured);

public static class LoadTests
{
    public const int Rate = 5_000;
    public const int Seconds = 15;

    public static async Task<LoadResults> Run(string repoRoot, Uri app, string key, TextWriter log)
    {
        var health = await Wrk.Run(repoRoot, app, new LoadRequest("GET /health/live", "GET", "/health/live", null, null), Rate, Seconds);
        log.WriteLine($"  /health/live at {Rate}/s: p50 {health.Latency.P50:F2} ms, p99 {health.Latency.P99:F2} ms");
        return new LoadResults(Rate, health, [],
            "the basis-check endpoint (issue 5, scope 3) had not landed on this branch when this report was written");
    }
}
