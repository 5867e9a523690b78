using System.Diagnostics;

namespace CatalogHub.Bench;

/// <summary>
/// The real application, run as `make run` runs it (the Release build of src/CatalogHub, its own process), on a
/// loopback port. The HTTP measurements talk to it; the benchmark stops it when done.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    public Uri BaseAddress { get; }

    private AppProcess(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    /// <summary>
    /// The application's resident memory (VmRSS of /proc/PID/status) in bytes: what the machine gives the process, the GC's
    /// heaps and everything else (JIT-compiled code, the runtime, native libraries). `dotnet CatalogHub.dll` runs the
    /// application in the process it starts, so that process is the one to read.
    /// </summary>
    public long ResidentBytes() =>
        1024 * long.Parse(File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <param name="environment">Variables set for this start only, over the defaults below (the GC settings of target 5's comparison).</param>
    public static async Task<AppProcess> Start(string repoRoot, string connectionString, int port, string logFile,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(repoRoot, "src/CatalogHub/bin/Release/net10.0/CatalogHub.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build Release first (make bench does).", dll);
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = repoRoot,
        };
        start.Environment["CATALOGHUB_DB"] = connectionString;
        start.Environment["CATALOGHUB_SEED_DEMO"] = "false";
        start.Environment["CATALOGHUB_ADMIN_KEY_FILE"] = "";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Production refuses the public development keys; the benchmark's data is generated, so keys of this run do.
        start.Environment["CATALOGHUB_MASTER_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        start.Environment["CATALOGHUB_LOG_ED25519_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        start.Environment["CATALOGHUB_LOG_SM2_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        // The benchmark runs the transparency log itself (LogBench), caught up before each measurement or running for the publishes that compare.
        start.Environment["CATALOGHUB_LOG_INTERVAL_SECONDS"] = "0";
        // Per-request information logs would measure the console, not the service.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the application.");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, new Uri(url));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        // A start over the 1M-event store loads the published index first: 70-100 s on a quiet machine, more beside other work.
        while (waited.Elapsed < ReadyWithin)
        {
            if (process.HasExited) throw new InvalidOperationException($"The application exited with {process.ExitCode}; see {logFile}.");
            try
            {
                if ((await http.GetAsync(new Uri(app.BaseAddress, "/health/ready"))).IsSuccessStatusCode) return app;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or listening but still loading (its first answer can take longer than the client waits on a busy machine).
            }
            await Task.Delay(500);
        }
        await app.DisposeAsync();
        throw new TimeoutException($"The application did not get ready within {ReadyWithin.TotalSeconds:F0} s; see {logFile}.");
    }

    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(300);

    private bool _stopped;

    /// <summary>Stops the application; once (the benchmark stops it before the rebuild, and again on the way out if anything failed).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped) return;
        _stopped = true;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
