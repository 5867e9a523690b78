using System.Diagnostics;
using System.Text.Json;

namespace CatalogHub.Bench;

/// <summary>One run of wrk at a fixed rate: what it sent, what came back, and its latency percentiles (ms).</summary>
public sealed record RateRun(string Name, int TargetRate, int Seconds, long Requests, long Errors, long Non2xx, double Achieved, Latency Latency);

/// <summary>A request wrk repeats: the method, the path under the application, and for a POST its JSON body.</summary>
public sealed record LoadRequest(string Name, string Method, string Path, string? Body, string? Key);

/// <summary>
/// Drives Debian's wrk (a C load generator in its own process, on loopback) at a fixed rate with
/// bench/wrk/fixed-rate.lua, which paces it since wrk 4 has no rate option.
/// </summary>
public static class Wrk
{
    public const int Threads = 2;
    public const int Connections = 64;

    public static async Task<RateRun> Run(string repoRoot, Uri app, LoadRequest request, int rate, int seconds)
    {
        if (app.Host != "127.0.0.1") throw new ArgumentException("Load is generated against loopback only.", nameof(app));
        var start = new ProcessStartInfo("wrk",
        [
            "-t", Threads.ToString(), "-c", Connections.ToString(), "-d", $"{seconds}s", "--timeout", "2s",
            "-s", Path.Combine(repoRoot, "bench/wrk/fixed-rate.lua"), new Uri(app, request.Path).ToString(),
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["BENCH_RATE"] = rate.ToString();
        start.Environment["BENCH_THREADS"] = Threads.ToString();
        start.Environment["BENCH_METHOD"] = request.Method;
        start.Environment["BENCH_BODY"] = request.Body ?? "";
        start.Environment["BENCH_KEY"] = request.Key ?? "";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 30));
        await process.WaitForExitAsync(limit.Token);
        var json = (await output).Split('\n').LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"wrk printed no result: {await output} {await errors}");
        var r = JsonDocument.Parse(json).RootElement;
        double Ms(string field) => r.GetProperty(field).GetDouble() / 1000.0;
        var requests = r.GetProperty("requests").GetInt64();
        var duration = r.GetProperty("duration_us").GetInt64() / 1e6;
        return new RateRun(request.Name, rate, seconds, requests, r.GetProperty("errors").GetInt64(), r.GetProperty("non2xx").GetInt64(),
            requests / duration, new Latency((int)requests, Ms("mean_us"), Ms("p50_us"), Ms("p90_us"), Ms("p99_us"), Ms("max_us")));
    }
}
