using System.Diagnostics;
using CatalogHub.Platform;
using Marten;
using Npgsql;

namespace CatalogHub.Bench;

/// <summary>A GC configuration the application is started with: the variables set for that start only; <c>Key</c> names it on the command line.</summary>
public sealed record GcSetting(string Key, string Name, IReadOnlyDictionary<string, string> Environment)
{
    public string Variables => Environment.Count == 0 ? "(none)" : string.Join(" ", Environment.Select(e => $"`{e.Key}={e.Value}`"));
}

/// <summary>
/// One fresh start of the application under one GC setting and the read load: its resident memory (peak of the samples and at the
/// end), the GC's committed memory at its last collection, how long the start took, and the basis checks of the load.
/// </summary>
public sealed record MemoryRun(GcSetting Setting, double StartSeconds, long PeakResidentBytes, long EndResidentBytes, RateRun BasisChecks, RuntimeUse Use)
{
    public double PeakMb => PeakResidentBytes / 1024.0 / 1024.0;

    /// <summary>What the process holds beyond the GC's heaps: code (the JIT's and the runtime's), native libraries, thread stacks.</summary>
    public double OutsideGcHeapMb => (EndResidentBytes - Use.After.CommittedBytes) / 1024.0 / 1024.0;
}

/// <summary>
/// Target 5: the application's resident memory under the read load over the benchmark's store, with the default GC settings and
/// the alternatives below. Each setting gets a fresh process over the same store and the same load, one after the other, with the
/// application of the other measurements stopped, so that only the setting differs.
/// </summary>
public static class MemoryBench
{
    public const double TargetMb = 300;
    public const int LoadSeconds = 10;

    public static readonly GcSetting[] Settings =
    [
        new("default", "default (workstation GC, as CatalogHub.csproj sets)", new Dictionary<string, string>()),
        new("server", "server GC (DATAS), the web SDK's default", new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" }),
        new("conserve", "server GC, conserving memory", new Dictionary<string, string> { ["DOTNET_gcServer"] = "1", ["DOTNET_GCConserveMemory"] = "5" }),
        new("workstation-nonconcurrent", "workstation GC, no background collections",
            new Dictionary<string, string> { ["DOTNET_gcConcurrent"] = "0" }),
    ];

    /// <summary>
    /// <c>CatalogHub.Bench memory ROOT [SETTING ...]</c>: (i) alone, on the store of CATALOGHUB_DB that a full run generated (nothing is
    /// dropped; a day's API key of the city's manager is appended), for the settings of the keys given (all when none), with the
    /// application of ROOT's Release build.
    /// </summary>
    public static async Task<int> RunAlone(string root, string connection, IReadOnlyList<string> keys)
    {
        var unknown = keys.Except(Settings.Select(s => s.Key)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown settings {string.Join(", ", unknown)}; known: {string.Join(", ", Settings.Select(s => s.Key))}.");
        await using var raw = NpgsqlDataSource.Create(connection);
        await using var store = DocumentStore.For(opts => Hosting.ConfigureStore(opts, connection));
        var data = Generator.OfFullRun(store);
        var port = int.Parse(Environment.GetEnvironmentVariable("CATALOGHUB_BENCH_PORT") ?? "5098", System.Globalization.CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Path.Combine(root, ".local"));
        // The read load goes through its own client of each start; this one only serves the constructor.
        using var unused = new HttpClient();
        var scenarios = new Scenarios(store, raw, unused, data, Generator.Seed, Console.Out);
        var key = await scenarios.IssueManagerKey();
        var chosen = keys.Count == 0 ? Settings : [.. Settings.Where(s => keys.Contains(s.Key))];
        await Run(root, connection, port, scenarios.ReadLoad, key, Console.Out, chosen);
        return 0;
    }

    /// <param name="reads">The sequential reads of the load (<see cref="Scenarios.ReadLoad"/>), sent through the client given.</param>
    public static async Task<IReadOnlyList<MemoryRun>> Run(string root, string connection, int port, Func<HttpClient, Task> reads, string key,
        TextWriter log, IReadOnlyList<GcSetting>? settings = null)
    {
        var runs = new List<MemoryRun>();
        foreach (var setting in settings ?? Settings)
        {
            var started = Stopwatch.StartNew();
            await using var app = await AppProcess.Start(root, connection, port, Path.Combine(root, ".local/bench-memory-app.log"), setting.Environment);
            var startSeconds = started.Elapsed.TotalSeconds;
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

            using var sampling = new CancellationTokenSource();
            var peak = 0L;
            var sampler = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
                try
                {
                    do peak = Math.Max(peak, app.ResidentBytes());
                    while (await timer.WaitForNextTickAsync(sampling.Token));
                }
                catch (OperationCanceledException)
                {
                    // The load is over.
                }
            });
            await reads(http);
            var before = await RuntimeCounters.Read(http);
            var checks = await Wrk.Run(root, app.BaseAddress, LoadTests.CheckRequest(key), LoadTests.Rate, LoadSeconds);
            var use = new RuntimeUse(checks.Requests, checks.Requests / checks.Achieved, before, await RuntimeCounters.Read(http));
            await sampling.CancelAsync();
            await sampler;
            var end = app.ResidentBytes();
            var run = new MemoryRun(setting, startSeconds, Math.Max(peak, end), end, checks, use);
            log.WriteLine($"  {setting.Name}: started in {startSeconds:F0} s; resident peak {run.PeakMb:F0} MB; GC committed " +
                          $"{use.After.CommittedBytes / 1024 / 1024:F0} MB; basis checks at {LoadTests.Rate}/s p99 {checks.Latency.P99:F2} ms");
            runs.Add(run);
        }
        return runs;
    }
}
