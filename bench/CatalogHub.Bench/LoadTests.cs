using System.Text.Json;

namespace CatalogHub.Bench;

/// <summary>(d) what a load generator at a fixed rate sees: the basis check, beside GET /health/live at the same rate.</summary>
public sealed record LoadResults(int Rate, RateRun Health, IReadOnlyList<RateRun> BasisChecks, string? NotMeasured);

public static class LoadTests
{
    public const int Rate = 5_000;
    public const int Seconds = 15;
    public const string BasisCheckPath = "/basis-check";

    /// <summary>
    /// A case handler's question about the 5,000-version entry's item: may these materials be demanded in 许昌市 on
    /// 2026-01-01? The endpoint comes with the implementation lists (issue 5, scope 3); the run finds it in the
    /// application's OpenAPI document and measures it only when it is there.
    /// </summary>
    public static readonly object BasisCheck = new
    {
        regionCode = Xuchang.City,
        itemCode = $"{Xuchang.Items[0].Code}-01",
        asOf = "2026-01-01T00:00:00Z",
        materials = new[] { new { name = "公司登记（备案）申请书" }, new { name = "公司章程" }, new { name = "法定代表人、董事、监事和经理的任职文件" } },
    };

    public static async Task<LoadResults> Run(string repoRoot, Uri app, HttpClient http, string key, TextWriter log)
    {
        var health = await Wrk.Run(repoRoot, app, new LoadRequest("GET /health/live", "GET", "/health/live", null, null), Rate, Seconds);
        log.WriteLine($"  /health/live at {Rate}/s: p50 {health.Latency.P50:F2} ms, p99 {health.Latency.P99:F2} ms");

        var openApi = await http.GetStringAsync("/swagger/v1/swagger.json");
        if (!JsonDocument.Parse(openApi).RootElement.GetProperty("paths").TryGetProperty(BasisCheckPath, out _))
            return new LoadResults(Rate, health, [],
                "the basis-check endpoint (issue 5, scope 3) had not landed on this branch when this report was written");

        var body = JsonSerializer.Serialize(BasisCheck);
        var runs = new List<RateRun>();
        foreach (var rate in new[] { 1_000, Rate })
        {
            runs.Add(await Wrk.Run(repoRoot, app, new LoadRequest($"POST {BasisCheckPath}", "POST", BasisCheckPath, body, key), rate, Seconds));
            log.WriteLine($"  basis check at {rate}/s: achieved {runs[^1].Achieved:F0}/s, p50 {runs[^1].Latency.P50:F2} ms, p99 {runs[^1].Latency.P99:F2} ms");
        }
        return new LoadResults(Rate, health, runs, null);
    }
}
