using System.Diagnostics;
using CatalogHub.Audit.Log;
using CatalogHub.Platform;
using CatalogHub.Publication;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CatalogHub.Bench;

/// <summary>The transparency log appending a whole store it has never seen, as a node does on its first start over an existing store.</summary>
public sealed record LogCatchUp(long Leaves, double Seconds, Latency Batches, double SignMilliseconds)
{
    public double LeavesPerSecond => Leaves / Seconds;
}

/// <summary>
/// Every read model rebuilt from the events: the seconds each step took (each projection, side by side with others, then the
/// indexes created again), the whole rebuild's, and the store's events over the whole.
/// </summary>
public sealed record Rebuild(long Events, IReadOnlyList<(string Projection, double Seconds)> Projections, double Seconds)
{
    public double EventsPerSecond => Events / Seconds;

    /// <summary>
    /// The steps no running side by side shortens: the snapshots of a list whose publications may lack their region then the
    /// publications' records (which read the region from them), or a step alone, whichever took longest; then the indexes.
    /// </summary>
    public IReadOnlyList<(string Projection, double Seconds)> LongestChain
    {
        get
        {
            var took = Projections.ToDictionary(p => p.Projection, p => p.Seconds);
            var chains = Projections.Where(p => p.Projection != ReadModelRebuild.Indexes).Select(p => (IReadOnlyList<(string, double)>)[p])
                .Concat(CatalogHub.Publication.Lists.ListRegistry.All
                    .Where(l => l.PublicationsMayLackRegion && took.ContainsKey(l.SnapshotProjectionName) && took.ContainsKey(ReadModelRebuild.Records))
                    .Select(l => (IReadOnlyList<(string, double)>)[(l.SnapshotProjectionName, took[l.SnapshotProjectionName]),
                        (ReadModelRebuild.Records, took[ReadModelRebuild.Records])]));
            var longest = chains.MaxBy(c => c.Sum(s => s.Item2))!;
            return [.. longest, .. Projections.Where(p => p.Projection == ReadModelRebuild.Indexes)];
        }
    }
}

/// <summary>
/// The transparency log in the benchmark. The application runs with its own log loop off; the driver runs the log here
/// instead, through the application's own classes, so that it is caught up before each measurement and on or off for the
/// publishes as the comparison needs (the database sees the same work wherever the loop runs).
/// </summary>
public sealed class LogBench(IDocumentStore store)
{
    private readonly LogAppender _appender = new(store);

    /// <summary>
    /// The loop's interval in the runs that compare: 1 s instead of the default 10, so that a 10 s run holds ten passes (the
    /// same appending as at the default interval, spread over the run instead of falling at its end, and ten checkpoints instead
    /// of one): if anything, more than the log costs at its default.
    /// </summary>
    public const int IntervalSeconds = 1;

    private static readonly IConfiguration Config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["CATALOGHUB_LOG_INTERVAL_SECONDS"] = IntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [LogKeys.Ed25519Setting] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        [LogKeys.Sm2Setting] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    }).Build();

    private readonly CheckpointSigner _signer = new(store,
        LogKeys.From(Config, new HostingEnvironment { EnvironmentName = "Production" }, NullLogger.Instance), TimeProvider.System,
        NullLogger<CheckpointSigner>.Instance);

    /// <summary>Appends everything not in the log yet, batch by batch as the appender does, timing each batch; then signs a checkpoint.</summary>
    public async Task<LogCatchUp> CatchUp()
    {
        var batches = new List<double>();
        long leaves = 0;
        var total = Stopwatch.StartNew();
        while (true)
        {
            var one = Stopwatch.GetTimestamp();
            var (appended, full) = await _appender.AppendBatch(LogAppender.BatchSize, CancellationToken.None)
                ?? throw new InvalidOperationException("Another appender holds the log's lock: the application's log loop should be off.");
            batches.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
            leaves += appended;
            if (!full) break;
        }
        var seconds = total.Elapsed.TotalSeconds;
        var sign = Stopwatch.StartNew();
        await _signer.Sign(CancellationToken.None);
        return new LogCatchUp(leaves, seconds, Latency.Of(batches), sign.Elapsed.TotalMilliseconds);
    }

    /// <summary>The application's log loop (<see cref="LogService"/>: append, then sign), every <see cref="IntervalSeconds"/>, running until disposed.</summary>
    public async Task<IAsyncDisposable> Running()
    {
        var supervision = new Supervision([new SupervisedLoopRegistration(typeof(LogService), LogService.HealthName)], TimeProvider.System);
        var service = new LogService(_appender, _signer, Config, supervision, TimeProvider.System, NullLogger<LogService>.Instance);
        await service.StartAsync(CancellationToken.None);
        return new Stopping(service);
    }

    private sealed class Stopping(LogService service) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }
    }

    /// <summary><c>CatalogHub.Bench rebuild</c>: every read model of an existing store rebuilt, the times on the console.</summary>
    public static async Task<int> RebuildOnly(string connection)
    {
        await using var raw = NpgsqlDataSource.Create(connection);
        await using var store = ReadModelRebuild.Store(connection);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var rebuild = await RebuildAll(store, raw, Console.Out);
        Console.WriteLine($"{rebuild.Events:N0} events in {rebuild.Seconds:F0} s ({rebuild.EventsPerSecond:F0}/s)");
        return 0;
    }

    /// <summary>Every read model rebuilt as <see cref="ReadModelRebuild.All"/> does it, each step timed; the store's events counted first.</summary>
    public static async Task<Rebuild> RebuildAll(DocumentStore store, NpgsqlDataSource raw, TextWriter log)
    {
        long events;
        await using (var count = raw.CreateCommand($"select count(*) from {Hosting.SchemaName}.mt_events where type <> 'tombstone'"))
            events = (long)(await count.ExecuteScalarAsync())!;
        var times = await ReadModelRebuild.All(store, log, CancellationToken.None);
        return new Rebuild(events, times.Steps, times.Seconds);
    }
}
