using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CatalogHub.Catalogue;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;
using CatalogHub.Departments.Keys;
using CatalogHub.Platform;
using Marten;
using Npgsql;

namespace CatalogHub.Bench;

/// <summary>A measured figure beside its baseline from the same run.</summary>
public sealed record Comparison(string Name, Latency Measured, Latency Baseline);

/// <summary>
/// A read as of an instant (target 4): through HTTP, measured in alternation with <c>GET /health/live</c> (the same sequential
/// client and count: the HTTP floor of this request pattern); in-process (the endpoint's query, no HTTP); and the least the
/// database must do for the same answer (its documents read by primary key).
/// </summary>
/// <param name="Statements">Where the in-process time goes: the statements the in-process read sent, replayed through raw Npgsql
/// (every column read as the baseline reads its documents, as text), and how many round trips they are.</param>
public sealed record AsOfComparison(string Name, Latency Http, Latency Health, Latency Domain, Latency Baseline,
    (Latency Replayed, int RoundTrips)? Statements = null)
{
    public double DomainRatio => Domain.P50 / Baseline.P50;
    public double HttpP99Ratio => Http.P99 / Health.P99;
}

/// <summary>Publishes with the transparency log's loop off (<c>Api</c>, <c>Domain</c>) and running (<c>…WithLog</c>), beside raw INSERTs.</summary>
public sealed record PublishComparison(Throughput Api, Throughput Domain, Throughput RawInsert, Throughput ApiWithLog, Throughput DomainWithLog)
{
    public double DomainRatio => Domain.PerSecond / RawInsert.PerSecond;
    public double ApiRatio => Api.PerSecond / RawInsert.PerSecond;

    /// <summary>What the log costs a publish: publishes/s with the log loop running over publishes/s without it.</summary>
    public double DomainLogRatio => DomainWithLog.PerSecond / Domain.PerSecond;
    public double ApiLogRatio => ApiWithLog.PerSecond / Api.PerSecond;
}

/// <summary>
/// One domain publish taken apart (<see cref="Scenarios.PublishTrips"/>): what one publish sends (<c>Sample</c>), each round trip's
/// median time from sending it to reading its last result, the whole publish's median, SaveChanges' median time beyond its round
/// trips (the commit, and Marten's own work between them), and the driver process's CPU per publish (all its threads).
/// </summary>
public sealed record PublishAnatomy(RoundTrips Sample, IReadOnlyList<double> TripMedians, double Whole, double SaveBeyondTrips,
    double CpuPerPublish, int Measured)
{
    /// <summary>Publishes one after the other: half to warm up, half measured.</summary>
    public const int Publishes = 1_000;
}

/// <summary>
/// The measurements of issue 5, each with its baseline: the application through HTTP (a separate process on
/// loopback), the same code called in-process where that says something, and raw Npgsql doing the least
/// the database must do for the same answer.
/// </summary>
public sealed class Scenarios(IDocumentStore store, NpgsqlDataSource raw, HttpClient http, Dataset data, int seed, TextWriter log)
{
    public const int Samples = 2_000;
    public static readonly TimeSpan SequentialLimit = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan PublishLimit = TimeSpan.FromSeconds(10);
    public const int PublishPool = 15_000;
    public const int RawPool = 60_000;

    /// <summary>The reason every benchmark write carries, so the audit trail says what wrote it.</summary>
    public const string Reason = "基准测试：发布性能测量";

    /// <summary>A GET that must answer 200, its body read to the end (as a client would).</summary>
    private static async Task Get(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url}: {response.StatusCode}");
        await response.Content.ReadAsByteArrayAsync();
    }

    private const string Health = "/health/live";

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>(a) The 5,000-version entry as of 200 instants spread over its 14 years.</summary>
    public async Task<AsOfComparison> EntryAsOf()
    {
        var rng = new Random(seed + 101);
        var versions = data.LongEntryVersions;
        var probes = Enumerable.Range(0, 200).Select(_ =>
        {
            var v = versions[rng.Next(versions.Count)];
            // Half-way between this version's effective time and the next: this version is the one in force.
            return (Instant: v.EffectiveAt.AddHours(12), Version: v.Version);
        }).ToArray();
        var id = data.LongEntryId;

        var first = await http.GetAsync($"/catalogue/entries/{id}?asOf={Uri.EscapeDataString(Iso(probes[0].Instant))}");
        first.EnsureSuccessStatusCode();
        var cited = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("citation").GetProperty("version").GetInt32();
        if (cited != probes[0].Version) throw new InvalidOperationException($"As of the probe the API cited version {cited}, expected {probes[0].Version}.");

        var (measured, health) = await Measure.Paired(i => Get(http, $"/catalogue/entries/{id}?asOf={Uri.EscapeDataString(Iso(probes[i % probes.Length].Instant))}"),
            _ => Get(http, Health), 200, Samples, SequentialLimit);

        var domain = await Measure.Sequential(async i =>
        {
            await using var session = store.QuerySession();
            var found = await EntryQueries.AsOf(session, id, Clocks.Current(probes[i % probes.Length].Instant, DateTimeOffset.UtcNow), CancellationToken.None);
            if (found.InForce is null) throw new InvalidOperationException("The as-of query found no version.");
        }, 200, Samples, SequentialLimit);

        var baseline = await Measure.Sequential(async i =>
        {
            await using var command = raw.CreateCommand("select data from cataloghub.mt_doc_entry_version where id = $1");
            command.Parameters.AddWithValue(ItemVersion<EntryContent>.IdOf(id, probes[i % probes.Length].Version));
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync()) throw new InvalidOperationException("The version document is missing.");
            reader.GetString(0);
        }, 200, Samples, SequentialLimit);
        return new AsOfComparison("entry as of", measured, health, domain, baseline);
    }

    /// <summary>
    /// (g) Both clocks: the same reads as of an instant T, without <c>knownAt</c> (everything on record) and with
    /// <c>knownAt</c> = T (what the hub answered then: the auditor's question), measured in the same run on the
    /// same machine one after the other. The 5,000-version entry, 许昌市's catalogue page and the basis check of (d), each a comparison whose
    /// baseline is the read without <c>knownAt</c>.
    /// </summary>
    public async Task<IReadOnlyList<Comparison>> BothClocks(string regionCode, string apiKey)
    {
        var rng = new Random(seed + 707);
        var versions = data.LongEntryVersions;
        var instants = Enumerable.Range(0, 200).Select(_ => versions[rng.Next(versions.Count)].EffectiveAt.AddHours(12)).ToArray();
        // The question of (d), as of its instant and, with knownAt, as known at that same instant (its lists were published before).
        var question = JsonSerializer.SerializeToNode(LoadTests.BasisCheck)!.AsObject();
        var asKnownThen = question.DeepClone().AsObject();
        asKnownThen["knownAt"] = question["asOf"]!.DeepClone();
        async Task Check(System.Text.Json.Nodes.JsonObject body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, LoadTests.BasisCheckPath)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"POST basis check: {response.StatusCode}");
            await response.Content.ReadAsByteArrayAsync();
        }
        string At(int i) => Uri.EscapeDataString(Iso(instants[i % instants.Length]));
        var entry = $"/catalogue/entries/{data.LongEntryId}";
        var page = $"/regions/{regionCode}/catalogue";
        async Task<Comparison> Compare(string name, Func<int, Task> withKnownAt, Func<int, Task> without, int warmup, int count)
        {
            var (measured, baseline) = await Measure.Paired(withKnownAt, without, warmup, count, SequentialLimit);
            return new(name, measured, baseline);
        }
        return
        [
            await Compare("entry as of, with knownAt", i => Get(http, $"{entry}?asOf={At(i)}&knownAt={At(i)}"), i => Get(http, $"{entry}?asOf={At(i)}"), 200, Samples),
            await Compare("catalogue page as of, with knownAt", i => Get(http, $"{page}?asOf={At(i)}&knownAt={At(i)}&page={1 + i % 10}&pageSize=50"),
                i => Get(http, $"{page}?asOf={At(i)}&page={1 + i % 10}&pageSize=50"), 20, 500),
            await Compare("basis check, with knownAt", _ => Check(asKnownThen), _ => Check(question), 200, Samples),
        ];
    }

    /// <summary>(b) Page 1-10 (50 entries each) of 许昌市's catalogue as of 50 instants between 2018 and 2026.</summary>
    public async Task<AsOfComparison> RegionCatalogueAsOf(string regionCode)
    {
        var rng = new Random(seed + 202);
        var from = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var probes = new List<(DateTimeOffset Instant, int Page, string[] Ids)>();
        var sentByProbe = new List<RoundTrips>();
        await using (var session = store.QuerySession())
        {
            for (var i = 0; i < 50; i++)
            {
                var instant = from.AddHours(rng.Next(0, 8 * 365 * 24));
                var page = 1 + rng.Next(10);
                var sent = new RoundTrips();
                session.Logger = sent;
                var (_, rows) = await EntryQueries.InForce(session, new CatalogueFilter(regionCode), Clocks.Current(instant, DateTimeOffset.UtcNow), page, 50, CancellationToken.None);
                if (rows.Count != 50) throw new InvalidOperationException($"Page {page} as of {instant:O} has {rows.Count} entries.");
                probes.Add((instant, page, [.. rows.Select(r => r.Id)]));
                sentByProbe.Add(sent);
            }
        }

        var (measured, health) = await Measure.Paired(i =>
        {
            var p = probes[i % probes.Count];
            return Get(http, $"/regions/{regionCode}/catalogue?asOf={Uri.EscapeDataString(Iso(p.Instant))}&page={p.Page}&pageSize=50");
        }, _ => Get(http, Health), 20, 500, SequentialLimit);

        var domain = await Measure.Sequential(async i =>
        {
            var p = probes[i % probes.Count];
            await using var session = store.QuerySession();
            await EntryQueries.InForce(session, new CatalogueFilter(regionCode), Clocks.Current(p.Instant, DateTimeOffset.UtcNow), p.Page, 50, CancellationToken.None);
        }, 20, 500, SequentialLimit);

        // The least the database must do for this answer: read the same 50 version documents by primary key.
        var baseline = await Measure.Sequential(async i =>
        {
            await using var command = raw.CreateCommand("select data from cataloghub.mt_doc_entry_version where id = any($1)");
            command.Parameters.AddWithValue(probes[i % probes.Count].Ids);
            await using var reader = await command.ExecuteReaderAsync();
            var n = 0;
            while (await reader.ReadAsync()) { reader.GetString(0); n++; }
            if (n != 50) throw new InvalidOperationException($"Read {n} of 50 version documents.");
        }, 20, 500, SequentialLimit);
        // On connections that prepare what they send twice, as the store's (Hosting.ForServing): planning would otherwise dominate.
        await using var preparing = NpgsqlDataSource.Create(Hosting.ForServing(raw.ConnectionString));
        var replayed = await Measure.Sequential(async i =>
        {
            foreach (var (sql, values) in sentByProbe[i % probes.Count].Commands)
            {
                await using var command = preparing.CreateCommand(sql);
                foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    for (var c = 0; c < reader.FieldCount; c++)
                        if (!reader.IsDBNull(c)) reader.GetValue(c);
            }
        }, 20, 500, SequentialLimit);
        return new AsOfComparison($"{regionCode} catalogue page as of", measured, health, domain, baseline, (replayed, sentByProbe[0].Trips.Count));
    }

    /// <summary>
    /// The sequential part of target 5's read load, through <paramref name="client"/>: the 5,000-version entry as of 1,000 instants, then
    /// 200 pages (1-10, 50 entries) of 许昌市's catalogue as of instants between 2018 and 2026; <see cref="MemoryBench"/> adds the basis checks.
    /// </summary>
    public async Task ReadLoad(HttpClient client)
    {
        var rng = new Random(seed + 505);
        var versions = data.LongEntryVersions;
        for (var i = 0; i < 1_000; i++)
            await Get(client, $"/catalogue/entries/{data.LongEntryId}?asOf={Uri.EscapeDataString(Iso(versions[rng.Next(versions.Count)].EffectiveAt.AddHours(12)))}");
        var from = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 200; i++)
            await Get(client, $"/regions/{Xuchang.City}/catalogue?asOf={Uri.EscapeDataString(Iso(from.AddHours(rng.Next(0, 8 * 365 * 24))))}&page={1 + rng.Next(10)}&pageSize=50");
    }

    /// <summary>
    /// (c) Publishing one reviewed draft, at the given concurrency: through the API; through the endpoint's own
    /// code in-process (validation, FetchForWriting, append, inline projections, one SaveChanges as Wolverine's
    /// transactional middleware does); and raw Npgsql single-row INSERTs of the same event payload.
    /// </summary>
    /// <para>
    /// The API and domain runs are each made twice, with the transparency log's loop off and then running
    /// (<see cref="LogBench.Running"/>); the log is caught up before every run, the preparation's events included,
    /// so a run with the log measures it keeping up with the publishes, and the raw INSERTs run with the log off.
    /// </para>
    public async Task<PublishComparison> Publishes(int concurrency, string apiKey, int round, LogBench transparencyLog)
    {
        var body = JsonSerializer.Serialize(PublishCommand, ApiJson.Options);

        async Task<Throughput> Run(Func<int, Task> operation, int pool, bool withLog)
        {
            await transparencyLog.CatchUp();
            await Checkpoint();
            if (!withLog) return await Measure.Concurrent(operation, concurrency, pool, PublishLimit);
            await using var running = await transparencyLog.Running();
            return await Measure.Concurrent(operation, concurrency, pool, PublishLimit);
        }

        async Task<Throughput> Api(bool withLog)
        {
            var pool = await PrepareReviewedDrafts(4 * round + (withLog ? 1 : 0), PublishPool);
            return await Run(async n =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/catalogue/entries/{pool[n]}/publish")
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
                request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"2\""));
                using var response = await http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"API publish: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }, pool.Length, withLog);
        }
        var api = await Api(withLog: false);
        var apiWithLog = await Api(withLog: true);

        async Task<Throughput> Domain(bool withLog)
        {
            var pool = await PrepareReviewedDrafts(4 * round + (withLog ? 3 : 2), PublishPool + 1);
            await DomainPublish(pool[^1], null);
            return await Run(n => DomainPublish(pool[n], null), PublishPool, withLog);
        }
        var domain = await Domain(withLog: false);
        var domainWithLog = await Domain(withLog: true);

        var payloads = PublishedPayloads(RawPool);
        await using (var setup = raw.CreateCommand(
            "create schema if not exists bench_raw; create table if not exists bench_raw.publish (id bigserial primary key, entry_id uuid not null, data jsonb not null)"))
            await setup.ExecuteNonQueryAsync();
        await Checkpoint();
        var insert = await Measure.Concurrent(async n =>
        {
            await using var cmd = raw.CreateCommand("insert into bench_raw.publish (entry_id, data) values ($1, $2::jsonb)");
            cmd.Parameters.AddWithValue(payloads[n].EntryId);
            cmd.Parameters.AddWithValue(payloads[n].Json);
            await cmd.ExecuteNonQueryAsync();
        }, concurrency, payloads.Length, PublishLimit);

        return new PublishComparison(api, domain, insert, apiWithLog, domainWithLog);
    }

    private static readonly Publish PublishCommand = new(null, "年度调整", Reason);

    /// <summary>
    /// One publish of a reviewed draft through the endpoint's own code, in-process, as Wolverine runs it: the endpoint, then one
    /// SaveChanges (its transactional middleware). No message bus outside the Wolverine host: no change notice is enqueued.
    /// Returns how long SaveChanges took and how many round trips the endpoint had sent before it.
    /// </summary>
    private async Task<(double SaveMilliseconds, int TripsBefore)> DomainPublish(Guid id, RoundTrips? trips)
    {
        var manager = data.CityManager;
        var caller = new Caller(manager.Id, manager.Code, manager.RegionCode, "bench-domain", new HashSet<Role> { Role.HubAdmin, Role.CatalogueManager });
        await using var session = store.LightweightSession();
        if (trips is not null) session.Logger = trips;
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { TraceIdentifier = $"bench-domain-{id}" };
        context.Request.Headers.IfMatch = "\"2\"";
        var result = await new ListEndpoints<EntryContent>(CatalogueList.Definition)
            .Published(id, PublishCommand, context, caller.ToPrincipal("ApiKey"), session, DateTimeOffset.UtcNow, null);
        if (result is not Microsoft.AspNetCore.Http.IStatusCodeHttpResult { StatusCode: 200 })
            throw new InvalidOperationException($"Domain publish refused: {result}");
        var before = trips?.Trips.Count ?? 0;
        var saving = Stopwatch.GetTimestamp();
        await session.SaveChangesAsync();
        return (Stopwatch.GetElapsedTime(saving).TotalMilliseconds, before);
    }

    /// <summary>
    /// Where one domain publish's time goes: <paramref name="count"/> publishes of drafts of <paramref name="pool"/> one after the
    /// other, each with a <see cref="RoundTrips"/> logger. The first half warms the code, the statements and the connections up;
    /// of the second half, the medians (<see cref="PublishAnatomy"/>).
    /// </summary>
    public async Task<PublishAnatomy> PublishTrips(int pool, int count)
    {
        var ids = await PrepareReviewedDrafts(pool, count);
        await Checkpoint();
        var measured = new List<(RoundTrips Trips, double Whole, double SaveBeyondTrips)>();
        var cpu = TimeSpan.Zero;
        for (var n = 0; n < count; n++)
        {
            if (n == count / 2) cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var trips = new RoundTrips();
            var started = Stopwatch.GetTimestamp();
            var (save, before) = await DomainPublish(ids[n], trips);
            var whole = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (n >= count / 2) measured.Add((trips, whole, save - trips.Milliseconds.Skip(before).Sum()));
        }
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        return new PublishAnatomy(measured[0].Trips, [.. measured[0].Trips.Trips.Select((_, i) => Median(measured.Select(m => m.Trips.Milliseconds[i])))],
            Median(measured.Select(m => m.Whole)), Median(measured.Select(m => m.SaveBeyondTrips)), cpu.TotalMilliseconds / measured.Count, measured.Count);
    }

    /// <summary>
    /// Writes every dirty page out before a measured run of writes: each run (API, domain, raw) then starts from the same state
    /// instead of paying for the pages the drafts' preparation (15,000 streams) or the run before it left behind.
    /// </summary>
    private async Task Checkpoint()
    {
        await using var checkpoint = raw.CreateCommand("checkpoint");
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>The JSON of the event a publish appends, as the store serializes it: the raw INSERTs write exactly this.</summary>
    private (Guid EntryId, string Json)[] PublishedPayloads(int count)
    {
        var serializer = store.Options.Serializer();
        var manager = data.CityManager;
        var template = Xuchang.Items[3];
        return [.. Enumerable.Range(0, count).Select(n =>
        {
            var id = Xuchang.IdOf($"bench-raw:{n}");
            var content = new EntryContent($"{template.Name}（基准测试{n}）", template.Category, "许昌市市场监督管理局", "许昌市市场监督管理局", template.Bases, $"410000-{template.Code}");
            return (id, serializer.ToJson(new ItemPublished<EntryContent>(id, 1, manager.RegionCode, $"990{n:D9}", null, content, DateTimeOffset.UtcNow, "年度调整", manager.Code, DateTimeOffset.UtcNow, manager.Code)));
        })];
    }

    /// <summary>
    /// (c)'s domain publish taken apart (<see cref="PublishTrips"/>) on a generated store: <c>publish-trips ROUND</c>, ROUND ≥ 3 and
    /// new on that store, numbered as the <c>publish</c> mode's (its drafts take the first pool of that round's).
    /// </summary>
    public static async Task<int> PublishTripsOnly(string connection, int round)
    {
        await using var raw = NpgsqlDataSource.Create(connection);
        await using var store = DocumentStore.For(opts => Hosting.ConfigureStore(opts, connection));
        using var http = new HttpClient();
        var scenarios = new Scenarios(store, raw, http, Generator.OfFullRun(store), 0, Console.Out);
        Console.WriteLine(Analysis.Anatomy(await scenarios.PublishTrips(8 * round, PublishAnatomy.Publishes)));
        return 0;
    }

    /// <summary>(c) alone, at concurrency 1 and 8, on a generated store: for working on the publish path without a whole run.</summary>
    public static async Task<int> PublishesOnly(string root, string connection, int round)
    {
        await using var raw = NpgsqlDataSource.Create(connection);
        await using var store = DocumentStore.For(opts => Hosting.ConfigureStore(opts, connection));
        var port = int.Parse(Environment.GetEnvironmentVariable("CATALOGHUB_BENCH_PORT") ?? "5098");
        await using var app = await AppProcess.Start(root, connection, port, Path.Combine(root, ".local/bench-app.log"));
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var scenarios = new Scenarios(store, raw, http, Generator.OfFullRun(store), 0, Console.Out);
        var key = await scenarios.IssueManagerKey();
        foreach (var (concurrency, offset) in new[] { (1, 0), (8, 1) })
        {
            var c = await scenarios.Publishes(concurrency, key, 2 * round + offset, new LogBench(store));
            Console.WriteLine($"concurrency {concurrency}: API {c.Api.PerSecond:F0}/s p50 {c.Api.Latency.P50:F2} ms; domain {c.Domain.PerSecond:F0}/s " +
                              $"p50 {c.Domain.Latency.P50:F2} ms; raw INSERT {c.RawInsert.PerSecond:F0}/s; ratios {c.ApiRatio:F2}× / {c.DomainRatio:F2}×");
        }
        return 0;
    }

    /// <summary>
    /// (a) and (b) alone, on a generated store: for working on the reads as of an instant without a whole run. The 5,000-version
    /// entry's versions come from the generator's plan; each comparison is printed as the report's target table states it.
    /// </summary>
    public static async Task<int> AsOfOnly(string root, string connection)
    {
        await using var raw = NpgsqlDataSource.Create(connection);
        await using var store = DocumentStore.For(opts => Hosting.ConfigureStore(opts, connection));
        var port = int.Parse(Environment.GetEnvironmentVariable("CATALOGHUB_BENCH_PORT") ?? "5098");
        Directory.CreateDirectory(Path.Combine(root, ".local"));
        await using var app = await AppProcess.Start(root, connection, port, Path.Combine(root, ".local/bench-app.log"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var scenarios = new Scenarios(store, raw, http, Generator.OfFullRun(store), Generator.Seed, Console.Out);
        foreach (var (name, comparison, target) in new[]
                 {
                     ("(a)", await scenarios.EntryAsOf(), Targets.EntryDomainRatio),
                     ("(b)", await scenarios.RegionCatalogueAsOf(Xuchang.City), Targets.PageDomainRatio),
                 })
        {
            Console.WriteLine($"{name} {comparison.Name}: in-process p50 {comparison.Domain.P50:F2} ms vs primary-key read {comparison.Baseline.P50:F2} ms = " +
                              $"{comparison.DomainRatio:F2}× (target ≤ {target:F0}×); in-process p99 {comparison.Domain.P99:F2} ms");
            if (comparison.Statements is var (replayed, trips))
                Console.WriteLine($"{name} {comparison.Name}: its {trips} round trip(s) replayed through raw Npgsql p50 {replayed.P50:F2} ms");
            Console.WriteLine($"{name} {comparison.Name}: HTTP p50 {comparison.Http.P50:F2} ms, p99 {comparison.Http.P99:F2} ms vs /health/live p99 " +
                              $"{comparison.Health.P99:F2} ms = {comparison.HttpP99Ratio:F2}× (target ≤ {Targets.HttpP99Ratio:F0}×)");
        }
        return 0;
    }

    /// <summary>Entries of 许昌市市场监督管理局 drafted and submitted for review (stream version 2), ready to publish once each.</summary>
    private async Task<Guid[]> PrepareReviewedDrafts(int pool, int count)
    {
        var owner = Xuchang.DepartmentsOf(0)[1];
        var template = Xuchang.Items[3];
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, count).Select(n => Xuchang.IdOf($"bench-pool:{pool}:{n}")).ToArray();
        for (var from = 0; from < count; from += 2_000)
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = owner.Code;
            session.SetHeader("reason", Reason);
            for (var n = from; n < Math.Min(count, from + 2_000); n++)
            {
                var content = new EntryContent($"{template.Name}（基准测试{pool}-{n}）", template.Category, owner.Name, owner.Name,
                    template.Bases, $"410000-{template.Code}");
                session.Events.StartStream<ListItem<EntryContent>>(ids[n],
                    new ItemDrafted<EntryContent>(ids[n], Xuchang.City, $"99{pool:D2}{n:D8}", owner.Id, owner.Code, null, content, owner.Code, now),
                    new ItemSubmittedForReview<EntryContent>(ids[n], owner.Code, now));
            }
            await session.SaveChangesAsync();
        }
        log.WriteLine($"  prepared {count:N0} reviewed drafts (pool {pool})");
        return ids;
    }

    /// <summary>A key of the city's catalogue manager for the API publishes, issued the way the bootstrap issues one.</summary>
    public Task<string> IssueManagerKey() => IssueKey(store, data.CityManager, Reason);

    /// <summary>A day's API key of <paramref name="department"/>, appended to its stream the way the bootstrap issues one.</summary>
    public static async Task<string> IssueKey(IDocumentStore store, BenchDepartment department, string reason)
    {
        var now = DateTimeOffset.UtcNow;
        var (issued, key) = IssueApiKeyEndpoint.Issue(department.Id, "benchmark", now.AddDays(1), department.Code, now);
        await using var session = store.LightweightSession();
        session.LastModifiedBy = department.Code;
        session.SetHeader("reason", reason);
        session.Events.Append(department.Id, issued);
        await session.SaveChangesAsync();
        return key;
    }
}
