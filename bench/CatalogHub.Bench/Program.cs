using System.Diagnostics;
using CatalogHub.Bench;
using CatalogHub.Platform;
using Marten;
using Npgsql;

// make chaos runs the same program in its own mode (bench/CatalogHub.Bench/Chaos).
if (args is ["chaos", .. var chaos]) return await CatalogHub.Bench.Chaos.ChaosRun.Run(chaos);
// Measures (f) alone on a store a full run generated, without generating it again (about 40 minutes saved).
if (args is ["rebuild"]) return await LogBench.RebuildOnly(Environment.GetEnvironmentVariable("CATALOGHUB_DB")
    ?? throw new InvalidOperationException("Set CATALOGHUB_DB to a store `make bench` generated."));
// Measures (c) alone on a store a full run generated, against the application: `publish ROOT ROUND`, ROUND ≥ 3 and new on
// that store each time (its drafts' ids derive from it; the full run uses rounds 1 and 2).
if (args is ["publish", var publishRoot, var roundText] && int.TryParse(roundText, out var publishRound) && publishRound >= 3)
    return await Scenarios.PublishesOnly(Path.GetFullPath(publishRoot), Environment.GetEnvironmentVariable("CATALOGHUB_DB")
        ?? throw new InvalidOperationException("Set CATALOGHUB_DB to a store `make bench` generated."), publishRound);
// Takes one domain publish apart into its round trips: `publish-trips ROUND` (ROUND ≥ 3 and new, as for `publish`).
if (args is ["publish-trips", var tripsRound] && int.TryParse(tripsRound, out var tripRound) && tripRound >= 3)
    return await Scenarios.PublishTripsOnly(Environment.GetEnvironmentVariable("CATALOGHUB_DB")
        ?? throw new InvalidOperationException("Set CATALOGHUB_DB to a store `make bench` generated."), tripRound);
// Measures (a) and (b), the reads as of an instant, alone on a store a full run generated, against the application (`asof ROOT`).
if (args is ["asof", var asOfRoot]) return await Scenarios.AsOfOnly(Path.GetFullPath(asOfRoot), Environment.GetEnvironmentVariable("CATALOGHUB_DB")
    ?? throw new InvalidOperationException("Set CATALOGHUB_DB to a store `make bench` generated."));
// Measures (h), the bulk publication, alone on the store of CATALOGHUB_DB (nothing dropped); prints its section of docs/benchmarks.md.
if (args is ["bulk", var repository]) return await BulkBench.RunAlone(Path.GetFullPath(repository), Environment.GetEnvironmentVariable("CATALOGHUB_DB")
    ?? throw new InvalidOperationException("Set CATALOGHUB_DB to the store to publish into."));
// Measures (d), the basis checks under load, alone on a store a full run generated: `basis ROOT [ROUNDS]` (1 by default;
// LoadTests.RunAlone says how to measure an application already running, one a profiler watches).
if (args is ["basis", var basisRoot, .. var basisRounds] && basisRounds.Length <= 1)
    return await LoadTests.RunAlone(Path.GetFullPath(basisRoot), Environment.GetEnvironmentVariable("CATALOGHUB_DB")
        ?? throw new InvalidOperationException("Set CATALOGHUB_DB to a store `make bench` generated."), basisRounds is [var r] ? int.Parse(r) : 1);

// Measures (i), resident memory, alone on a store a full run generated: `memory ROOT [SETTING ...]`, the GC settings by key
// (MemoryBench.Settings; all when none), the application started from ROOT's Release build.
if (args is ["memory", var memoryRoot, .. var memorySettings])
    return await MemoryBench.RunAlone(Path.GetFullPath(memoryRoot), Environment.GetEnvironmentVariable("CATALOGHUB_DB")
        ?? throw new InvalidOperationException("Set CATALOGHUB_DB to a store `make bench` generated."), memorySettings);

// make bench: generate the dataset, run the measurements against the real application, write docs/benchmarks.md.
// Usage: CatalogHub.Bench <repository root> <output .md>; CATALOGHUB_DB names a database whose name contains "bench".
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: CatalogHub.Bench <repository root> <output.md>   (run it through `make bench`)");
    return 2;
}
var (root, outFile) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]));
var connection = Environment.GetEnvironmentVariable("CATALOGHUB_DB")
    ?? throw new InvalidOperationException("Set CATALOGHUB_DB; `make bench` does.");
// The benchmark drops the store's schema first: never let it near a database that is not its own.
if (new NpgsqlConnectionStringBuilder(connection).Database is not { } database || !database.Contains("bench"))
    throw new InvalidOperationException($"Refusing to wipe database '{new NpgsqlConnectionStringBuilder(connection).Database}': its name must contain 'bench'.");
var port = int.Parse(Environment.GetEnvironmentVariable("CATALOGHUB_BENCH_PORT") ?? "5098");
const int seed = Generator.Seed;
var log = Console.Out;
var total = Stopwatch.StartNew();

await using var raw = NpgsqlDataSource.Create(connection);
await using (var drop = raw.CreateCommand($"drop schema if exists {Hosting.SchemaName} cascade; drop schema if exists bench_raw cascade"))
    await drop.ExecuteNonQueryAsync();

await using var store = DocumentStore.For(opts => Hosting.ConfigureStore(opts, connection));
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

log.WriteLine("Generating the dataset ...");
// All regions unless CATALOGHUB_BENCH_REGIONS asks for fewer: a smaller store checks the driver end to end, its figures are not the benchmark's.
var regions = int.Parse(Environment.GetEnvironmentVariable("CATALOGHUB_BENCH_REGIONS") ?? Xuchang.Regions.Length.ToString());
var data = await new Generator(store, seed, log, regions).Run(CancellationToken.None);
log.WriteLine($"  {data.Events:N0} events, {data.Entries:N0} entries, {data.Versions:N0} versions in {data.Took.TotalSeconds:F0} s");
// The generator wrote every list in the shared shapes: there is nothing for the start-up's list moves to rewrite, which
// would otherwise rebuild the catalogue's documents from its million events before the application serves (docs/migrating-lists.md).
await using (var session = store.LightweightSession())
{
    foreach (var list in CatalogHub.Publication.Lists.ListRegistry.All.Where(l => l.MovedOntoRegistry))
        session.Store(new CatalogHub.Publication.Lists.ListMigration(list.Name, DateTimeOffset.UtcNow, 0));
    await session.SaveChangesAsync();
}
var analyze = Stopwatch.StartNew();
await using (var vacuum = raw.CreateCommand("vacuum analyze"))
{
    vacuum.CommandTimeout = 600;
    await vacuum.ExecuteNonQueryAsync();
}
var stored = await Machine.StoredCounts(raw);
log.WriteLine($"  vacuum analyze: {analyze.Elapsed.TotalSeconds:F0} s; stored: {stored}");

// The transparency log appends the whole store, as a node's first start over it would; every measurement after this
// starts with the log caught up (the application's own log loop is off, see LogBench).
log.WriteLine("The transparency log catching up on the store ...");
var transparencyLog = new LogBench(store);
var catchUp = await transparencyLog.CatchUp();
log.WriteLine($"  {catchUp.Leaves:N0} leaves in {catchUp.Seconds:F0} s ({catchUp.LeavesPerSecond:F0}/s), batch p99 {catchUp.Batches.P99:F0} ms");

Directory.CreateDirectory(Path.Combine(root, ".local"));
await using var app = await AppProcess.Start(root, connection, port, Path.Combine(root, ".local/bench-app.log"));
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = app.BaseAddress,
    Timeout = TimeSpan.FromSeconds(30),
};
var scenarios = new Scenarios(store, raw, http, data, seed, log);

log.WriteLine("(a) the 5,000-version entry as of an instant ...");
var entry = await scenarios.EntryAsOf();
log.WriteLine("(b) a region's catalogue page as of an instant ...");
var region = await scenarios.RegionCatalogueAsOf(Xuchang.City);
log.WriteLine("(c) publishes ...");
var key = await scenarios.IssueManagerKey();
var publishes = new List<PublishComparison>();
foreach (var (concurrency, round) in new[] { (1, 1), (8, 2) })
{
    publishes.Add(await scenarios.Publishes(concurrency, key, round, transparencyLog));
    log.WriteLine($"  concurrency {concurrency}: domain {publishes[^1].Domain.PerSecond:F0}/s (log running: {publishes[^1].DomainWithLog.PerSecond:F0}/s), raw {publishes[^1].RawInsert.PerSecond:F0}/s");
}
// Pool 3: the rounds above take pools 4 to 11.
var anatomy = await scenarios.PublishTrips(3, PublishAnatomy.Publishes);
log.WriteLine($"  one domain publish taken apart: p50 {anatomy.Whole:F2} ms, {anatomy.Sample.Trips.Count} round trips");
log.WriteLine("(d) basis checks under a fixed rate ...");
var loads = await LoadTests.Run(root, app.BaseAddress, http, key, log);
log.WriteLine("(g) both clocks: reads and basis checks as known at an instant, beside the same without ...");
var clocks = await scenarios.BothClocks(Xuchang.City, key);
foreach (var c in clocks) log.WriteLine($"  {c.Name}: p50 {c.Measured.P50:F2} ms vs {c.Baseline.P50:F2} ms");
log.WriteLine("(h) bulk publications ...");
await transparencyLog.CatchUp();
var bulk = await BulkBench.Run(store, raw, http, log);
await app.DisposeAsync();

log.WriteLine("Resident memory under the read load, one fresh start per GC setting ...");
var memory = await MemoryBench.Run(root, connection, port, scenarios.ReadLoad, key, log);

log.WriteLine("(f) every read model rebuilt from the events ...");
Rebuild rebuild;
await using (var rebuilding = ReadModelRebuild.Store(connection)) rebuild = await LogBench.RebuildAll(rebuilding, raw, log);
log.WriteLine($"  {rebuild.Events:N0} events in {rebuild.Seconds:F0} s ({rebuild.EventsPerSecond:F0}/s)");

var machine = await Machine.Describe(raw);
await File.WriteAllTextAsync(outFile, Report.Write(machine, data, stored, entry, region, publishes, anatomy, loads, catchUp, rebuild, clocks, bulk, memory, total.Elapsed));
log.WriteLine($"Wrote {outFile} ({total.Elapsed.TotalMinutes:F1} min in all).");
return 0;
