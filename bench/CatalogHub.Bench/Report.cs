using System.Globalization;
using System.Text;

namespace CatalogHub.Bench;

/// <summary>Writes docs/benchmarks.md: the figures, each beside its baseline and target, the machine, and how to reproduce.</summary>
public static class Report
{
    private static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);
    private static string Verdict(bool met) => met ? "**met**" : "**missed**";

    private static string Row(string what, Latency l) =>
        $"| {what} | {l.Count:N0} | {F(l.P50)} | {F(l.P90)} | {F(l.P99)} | {F(l.Mean)} | {F(l.Max)} |";

    private const string LatencyHeader = "| | samples | p50 ms | p90 ms | p99 ms | mean ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|";

    private static void LatencySection(StringBuilder md, string title, string method, AsOfComparison figures, string http, string domain,
        string baseline, string analysis)
    {
        md.AppendLine($"## {title}");
        md.AppendLine();
        md.AppendLine(method);
        md.AppendLine();
        md.AppendLine(LatencyHeader);
        md.AppendLine(Row(http, figures.Http));
        md.AppendLine(Row("`GET /health/live`, in alternation with the row above (same client, same count)", figures.Health));
        md.AppendLine(Row(domain, figures.Domain));
        md.AppendLine(Row(baseline, figures.Baseline));
        md.AppendLine();
        md.AppendLine(analysis);
    }

    private static void MemorySection(StringBuilder md, IReadOnlyList<MemoryRun> memory)
    {
        md.AppendLine("## (i) Resident memory under the read load");
        md.AppendLine();
        md.AppendLine("After the measurements above, with their application stopped: for each GC setting, a fresh start of the application over the " +
                      "benchmark's store, then the read load: the 5,000-version entry as of 1,000 instants and 200 pages of 许昌市's catalogue as of " +
                      $"instants between 2018 and 2026, one request at a time, then the basis check of (d) at {LoadTests.Rate:N0}/s for {MemoryBench.LoadSeconds} s (wrk). " +
                      "Resident memory is VmRSS of the application's process (`/proc/PID/status`), sampled every 200 ms from the end of the start to the end of the load; " +
                      "the GC's committed memory and the counters are the runtime's own (`GET /metrics`), the counters over the basis checks.");
        md.AppendLine();
        md.AppendLine("| setting | variables | start s | resident peak MB | resident at the end MB | GC committed MB | outside the GC's heaps MB | basis checks p99 ms | GC collections/s | GC pause ms/s | verdict (≤ 300 MB) |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var m in memory)
            md.AppendLine($"| {m.Setting.Name} | {m.Setting.Variables} | {F(m.StartSeconds, "F0")} | {F(m.PeakMb, "F0")} | {F(m.EndResidentBytes / 1024.0 / 1024.0, "F0")} | " +
                          $"{F(m.Use.After.CommittedBytes / 1024 / 1024, "F0")} | {F(m.OutsideGcHeapMb, "F0")} | {F(m.BasisChecks.Latency.P99)} | " +
                          $"{F(m.Use.CollectionsPerSecond, "F1")} | {F(m.Use.PauseMsPerSecond, "F0")} | {Verdict(Targets.MemoryMet(m))} |");
        md.AppendLine();
    }

    public static string Write(Machine machine, Dataset data, StoredCounts stored, AsOfComparison entry, AsOfComparison region,
        IReadOnlyList<PublishComparison> publishes, PublishAnatomy anatomy, LoadResults loads, LogCatchUp catchUp, Rebuild rebuild, IReadOnlyList<Comparison> clocks,
        BulkComparison bulk, IReadOnlyList<MemoryRun> memory, TimeSpan took)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine($"Written by `make bench` on {machine.Date:yyyy-MM-dd HH:mm} UTC at commit `{machine.Commit}`; the run took {F(took.TotalMinutes, "F1")} min after the build. " +
                      "Every figure below was measured in that one run, beside a baseline measured in the same run. Timings live here and in " +
                      "`bench/CatalogHub.Bench`, never in the tests. " +
                      "The transparency log is caught up before every measurement, and its loop is off during them except where a row says it runs " +
                      "(the application runs with `CATALOGHUB_LOG_INTERVAL_SECONDS=0`; the driver runs the log itself, see (e)): every baseline is measured with the log caught up and off.");
        md.AppendLine();

        Targets.Summary(md, entry, region, publishes, anatomy, loads, bulk, memory, rebuild);

        md.AppendLine("## Other figures of the run");
        md.AppendLine();
        md.AppendLine("| measurement | target | measured | baseline (same run) | ratio | verdict |");
        md.AppendLine("|---|---|---|---|---:|---|");
        foreach (var p in publishes)
            md.AppendLine($"| (c) what the transparency log costs a publish, concurrency {p.Domain.Concurrency} | reported (issue 12) | domain {F(p.DomainWithLog.PerSecond, "F0")}/s, API {F(p.ApiWithLog.PerSecond, "F0")}/s with the log running | the same paths with the log off: {F(p.Domain.PerSecond, "F0")}/s, {F(p.Api.PerSecond, "F0")}/s | {F(p.DomainLogRatio)}× (API {F(p.ApiLogRatio)}×) | (context) |");
        foreach (var (rate, health, b) in loads.Rates.Where(r => r.Rate != LoadTests.Rate))
            md.AppendLine($"| (d) {b.Run.Name} at {rate:N0} requests/s | (context) | {F(b.Run.Achieved, "F0")}/s, p50 {F(b.Run.Latency.P50)} ms, p99 {F(b.Run.Latency.P99)} ms | `GET /health/live` at {rate:N0}/s: p99 {F(health.Run.Latency.P99)} ms | {F(b.Run.Latency.P99 / health.Run.Latency.P99, "F1")}× | (context) |");
        md.AppendLine($"| (e) transparency log catching up on the whole store | batches of bounded cost | {F(catchUp.LeavesPerSecond, "N0")} leaves/s ({catchUp.Leaves:N0} in {F(catchUp.Seconds, "F0")} s), batch p99 {F(catchUp.Batches.P99, "F0")} ms | (none) | | (context) |");
        foreach (var c in clocks)
            md.AppendLine($"| (g) {c.Name} (`knownAt` = `asOf`) | ≤ 1.2× the same read without `knownAt` | p50 {F(c.Measured.P50)} ms, p99 {F(c.Measured.P99)} ms | without `knownAt`: p50 {F(c.Baseline.P50)} ms, p99 {F(c.Baseline.P99)} ms | {F(c.Measured.P50 / c.Baseline.P50)}× | {Verdict(c.Measured.P50 <= 1.2 * c.Baseline.P50)} (p50) |");
        md.AppendLine();

        md.AppendLine("## The dataset");
        md.AppendLine();
        md.AppendLine($"Generated by `bench/CatalogHub.Bench/Generator.cs` from seed 20261124 in **{F(data.Took.TotalSeconds, "F0")} s** " +
                      $"({F(data.Events / data.Took.TotalSeconds, "N0")} events/s), through the real domain events and Marten with the application's own store " +
                      "configuration (`Hosting.ConfigureStore`), so the inline entry snapshot and the version projection ran for every event. " +
                      "Each step is first checked with the lifecycle rules the endpoints apply (`LifecycleRules`, `EntryContentRules`). " +
                      "Writes are batched: one session per owning department (about 65 entries, 6,500 events), three sessions at a time.");
        md.AppendLine();
        md.AppendLine($"- {data.Entries:N0} base catalogue entries over 许昌市 (411000: 1,450) and 魏都区 411002, 建安区 411003, 鄢陵县 411024, 襄城县 411025, 禹州市 411081, 长葛市 411082 (1,425 each); " +
                      $"{data.Departments} departments with valid unified social credit codes (a government-service management department and 22 sector departments per region).");
        md.AppendLine($"- 115 real items of a Henan city catalogue (企业设立登记, 食品经营许可, 不动产登记, 建设工程规划许可证核发, 失业保险金申领, ...) with their legal bases " +
                      "(法律, 行政法规, 国务院决定, 规章), each split into its business items (新办, 变更, 延续, 注销, ...) as published catalogues do; county entries derive (承接) from the city's.");
        md.AppendLine($"- History 2016-2026: each entry drafted, then 10-30 rounds of 1-5 revisions, submit and publish; {data.Repealed} repealed, {data.Scheduled} with a version taking effect on 2027-01-01, {data.PendingDrafts} with a pending draft.");
        md.AppendLine($"- One entry (企业设立登记（新办）, 411000) with **{data.LongEntryVersions.Count:N0} published versions**, one a day from June 2012.");
        md.AppendLine($"- **{data.Lists:N0} implementation lists** (实施清单), one per entry never repealed, with {data.ListVersions:N0} published versions (1-4 each, " +
                      "each taking effect while its entry is in force): named materials, among them identity, business, property, social-security and household " +
                      "documents supplied by e-licence types and some from shared data; acceptance conditions and steps citing the item's legal bases; " +
                      "free of charge, except 不动产登记 with 不动产登记费 and its basis and standard (`bench/CatalogHub.Bench/ImplementationListPlan.cs`).");
        md.AppendLine($"- In the store after generation: **{stored}**; `mt_events` {stored.EventsSize}, `mt_doc_entry_version` {stored.VersionsSize}. Then `vacuum analyze`.");
        md.AppendLine();

        LatencySection(md, "(a) One entry as of an instant",
            "200 instants spread over the 5,000-version entry's history, each half a day after one version took effect; requests one at a time over a kept-alive loopback connection, after 200 warm-up requests, " +
            "each followed or preceded (alternately) by a `GET /health/live` on the same connection: the HTTP floor of the same request pattern, which target 4's p99 is held to.",
            entry, "`GET /catalogue/entries/{id}?asOf=` (HTTP, the application process)", "`EntryQueries.AsOf` in-process (the endpoint's one statement, no HTTP)",
            "baseline: raw Npgsql `select data ... where id = $1` of the same version", Analysis.EntryAsOf(entry));
        LatencySection(md, "(b) A region's catalogue as of an instant",
            "50 (instant, page) probes, instants between 2018 and 2026, pages 1-10 of 50 entries of 许昌市 (1,450 entries, about 30,000 published versions, 5,000 of them the long entry's); " +
            "the HTTP requests in alternation with `GET /health/live`, as in (a).",
            region, "`GET /regions/411000/catalogue?asOf=&page=&pageSize=50` (HTTP)", "`EntryQueries.InForce` in-process (count + page, no HTTP)",
            "baseline: raw Npgsql read of the same 50 documents by primary key", Analysis.RegionAsOf(region));

        md.AppendLine("## (c) Publishing");
        md.AppendLine();
        md.AppendLine($"Each operation publishes one reviewed draft (stream version 2) of 许昌市市场监督管理局 as the city's catalogue manager; each run is bounded by {Scenarios.PublishLimit.TotalSeconds:F0} s and a pool of {Scenarios.PublishPool:N0} prepared drafts, and starts after a `CHECKPOINT`, so that no run (the raw INSERTs included) writes back the pages the drafts' preparation or the run before it left dirty.");
        md.AppendLine();
        md.AppendLine("- **API**: `POST /catalogue/entries/{id}/publish` with the manager's key and `If-Match`, through the application process.");
        md.AppendLine("- **domain layer**: `PublishEntryEndpoint.Post` called in-process with the caller's principal and `If-Match`, then `SaveChangesAsync` as Wolverine's transactional middleware does: " +
                      "validation, `FetchForWriting`, the lifecycle decision, the append, the inline entry snapshot, its version document, validity-interval and change-log projections, one transaction; without the change notice for webhook subscribers that the API path also stores in Wolverine's outbox (there is no message bus outside the host).");
        md.AppendLine("- **raw INSERT**: Npgsql `insert into bench_raw.publish (entry_id, data) values ($1, $2::jsonb)` of the `entry_published` event's JSON as the store serializes it, one statement and one implicit transaction each.");
        md.AppendLine();
        md.AppendLine("| path | concurrency | operations | ops/s | ratio to raw | p50 ms | p99 ms |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var p in publishes)
            foreach (var (name, t) in new[] { ("API", p.Api), ("API, log running", p.ApiWithLog), ("domain layer", p.Domain),
                         ("domain layer, log running", p.DomainWithLog), ("raw INSERT", p.RawInsert) })
                md.AppendLine($"| {name} | {t.Concurrency} | {t.Operations:N0} | {F(t.PerSecond, "F0")} | {F(t.PerSecond / p.RawInsert.PerSecond)}× | {F(t.Latency.P50)} | {F(t.Latency.P99)} |");
        md.AppendLine();
        md.AppendLine(Analysis.Publishing(publishes, anatomy));
        md.AppendLine();
        md.AppendLine(Analysis.LogCost(publishes));
        md.AppendLine();

        md.AppendLine("## (d) Basis checks under a fixed rate");
        md.AppendLine();
        md.AppendLine($"Debian's `wrk` ({Wrk.Threads} threads, {Wrk.Connections} connections, {LoadTests.Seconds} s per run, loopback only) paced to a fixed rate by `bench/wrk/fixed-rate.lua` (wrk 4 has no rate option). " +
                      "Latency is wrk's, from send to response; wrk does not correct for coordinated omission, so a stalled server shows as fewer requests sent, which the achieved rate column reveals.");
        md.AppendLine();
        md.AppendLine("The last five columns are the application's own runtime counters (`GET /metrics`, the System.Runtime meter) read before and after each run.");
        md.AppendLine();
        md.AppendLine("| request | target rate | achieved /s | requests | errors + non-2xx | p50 ms | p90 ms | p99 ms | max ms | CPU ms per request | cores used | GC collections per 1,000 requests | GC collections/s | GC pause ms/s |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (r, u) in loads.Rates.SelectMany(p => new[] { p.Health, p.BasisCheck }))
            md.AppendLine($"| {r.Name} | {r.TargetRate:N0} | {F(r.Achieved, "F0")} | {r.Requests:N0} | {r.Errors + r.Non2xx:N0} | {F(r.Latency.P50)} | {F(r.Latency.P90)} | {F(r.Latency.P99)} | {F(r.Latency.Max)} | " +
                          $"{F(u.CpuMsPerRequest, "F3")} | {F(u.CoresUsed)} | {F(u.CollectionsPerThousand, "F1")} | {F(u.CollectionsPerSecond, "F1")} | {F(u.PauseMsPerSecond, "F0")} |");
        md.AppendLine();
        md.AppendLine($"**The sweep (target 3's capacity).** The same requests at rising rates, {LoadTests.SweepSeconds} s each, `/health/live` and the basis check one " +
                      $"right after the other at each rate; an endpoint holds a rate when its p99 is under {F(LoadTests.SweepP99Ms, "F0")} ms, every answer is a 2xx " +
                      "and at least 95% of the rate was sent; a rate not held gets a second run, and the table shows the one that counted; each endpoint stops " +
                      "at the first rate it does not hold twice (—: not run).");
        md.AppendLine();
        md.AppendLine("| target rate | `/health/live`: achieved /s, p99 ms | holds | basis check: achieved /s, p99 ms | holds |");
        md.AppendLine("|---:|---:|---|---:|---|");
        string Step(RateRun? r) => r is null ? "— | —" : $"{F(r.Achieved, "F0")}, {F(r.Latency.P99)}{(r.Errors + r.Non2xx > 0 ? $" ({r.Errors + r.Non2xx:N0} failed)" : "")} | {(LoadTests.Passes(r) ? "yes" : "**no**")}";
        foreach (var step in loads.Sweep) md.AppendLine($"| {step.Rate:N0} | {Step(step.Health)} | {Step(step.BasisCheck)} |");
        md.AppendLine();
        md.AppendLine($"Highest rate held: `/health/live` {(loads.HealthNeverFailed ? "at least " : "")}{loads.HealthHighest:N0}/s, the basis check {loads.CheckHighest:N0}/s.");
        md.AppendLine();
        md.AppendLine($"Each check asks about 企业设立登记（新办） in 许昌市 as of 2026-01-01, with the city manager's API key: three materials " +
                      "(the listed application form, the identity card by its e-licence type code, the articles of association on paper), one " +
                      "acceptance condition and one fee. The entry and its implementation list are both in force then, so every element is judged " +
                      "against the list (the materials and the condition allowed, the fee refused: the item is free); the run checks that answer once before the load. " +
                      "The check is answered from the in-memory index of published timelines (`PublishedIndex`), with the API key's department cached " +
                      "for up to 5 s (`ApiKeyCache`): no database round trip per request once warm.");
        md.AppendLine();
        md.AppendLine(Analysis.BasisChecks(loads));
        md.AppendLine();

        md.AppendLine("## (e) The transparency log catching up");
        md.AppendLine();
        md.AppendLine($"Right after generation, before the application starts, `LogAppender.AppendBatch` is called until the log holds every event of the store " +
                      $"({catchUp.Leaves:N0} leaves), as a node does on its first start over a store the log has never seen; then one checkpoint is signed.");
        md.AppendLine();
        md.AppendLine("| | leaves | seconds | leaves/s | batches | batch p50 ms | batch p99 ms | batch max ms | signing the checkpoint ms |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine($"| catch-up | {catchUp.Leaves:N0} | {F(catchUp.Seconds, "F1")} | {F(catchUp.LeavesPerSecond, "N0")} | {catchUp.Batches.Count:N0} | {F(catchUp.Batches.P50, "F0")} | {F(catchUp.Batches.P99, "F0")} | {F(catchUp.Batches.Max, "F0")} | {F(catchUp.SignMilliseconds, "F0")} |");
        md.AppendLine();
        md.AppendLine(Analysis.LogCatchUp(catchUp));
        md.AppendLine();

        md.AppendLine("## (g) Both clocks: reads as known at an instant");
        md.AppendLine();
        md.AppendLine("Each read of (a), (b) and (d) through the API, once with `knownAt` set to its `asOf` (the record as it stood then: the hub " +
                      "takes the rows recorded by then and not yet retracted) and once without (everything on record). The two run in pairs on the " +
                      "same inputs, alternating which goes first, so that other work on the machine weighs on both alike; the ratio is of the p50s.");
        md.AppendLine();
        md.AppendLine("| read | with `knownAt`: p50 / p99 ms | without: p50 / p99 ms | ratio (p50) |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var c in clocks)
            md.AppendLine($"| {c.Name} | {F(c.Measured.P50)} / {F(c.Measured.P99)} | {F(c.Baseline.P50)} / {F(c.Baseline.P99)} | {F(c.Measured.P50 / c.Baseline.P50)}× |");
        md.AppendLine();

        md.AppendLine(BulkBench.Section(bulk, alone: false));
        md.AppendLine();
        MemorySection(md, memory);

        md.AppendLine("## (f) Rebuilding every read model");
        md.AppendLine();
        md.AppendLine($"After the other measurements, with the application stopped, every read model rebuilt from the {rebuild.Events:N0} events as `ReadModelRebuild.All` does it " +
                      "(the auditor's `cataloghub-audit rebuild` runs the same), three steps at a time: what publications record (each list's version and repeal documents, " +
                      "the change log, the validity intervals) in one pass over their events, pages of 5,000, the documents inserted by COPY (`" + CatalogHub.Platform.ReadModelRebuild.Records + "`); " +
                      "every other projection by Marten's projection daemon (`RebuildProjectionAsync`), the list items' snapshots written once per 20,000 items " +
                      "(`RebuildFlushThreshold`). The tables a step fills from empty lose their secondary indexes and get them back when the step ends (in its seconds); " +
                      "the statements are planned for their values (`ReadModelRebuild.Store`). Each step's seconds are its own, side by side with others'; " +
                      "events/s is the store's events over the whole rebuild's time (each step reads only the event types it uses).");
        md.AppendLine();
        md.AppendLine("| step | seconds |");
        md.AppendLine("|---|---:|");
        foreach (var (projection, seconds) in rebuild.Projections) md.AppendLine($"| {projection} | {F(seconds, "F1")} |");
        md.AppendLine($"| **all, from start to end** | **{F(rebuild.Seconds, "F1")}** ({F(rebuild.EventsPerSecond, "N0")} events/s) |");
        md.AppendLine();
        md.AppendLine(Analysis.Rebuild(rebuild));
        md.AppendLine();

        md.AppendLine("## The machine");
        md.AppendLine();
        md.AppendLine($"- {machine.Cores} cores (`nproc`), {machine.Memory} memory, CPU: {machine.Cpu}");
        md.AppendLine($"- {machine.Os}; {machine.Dotnet}; Release build; server GC in the benchmark driver");
        md.AppendLine($"- {machine.PostgreSql}");
        md.AppendLine($"- PostgreSQL settings: {string.Join(", ", machine.Settings.Select(s => $"`{s.Name}={s.Value}`"))} (the project-local cluster of `scripts/db.sh`, on the same machine)");
        md.AppendLine("- The application, the benchmark driver, wrk and PostgreSQL share the same cores; other work on the machine during the run shows up in the figures. " +
                      $"Load average (1, 5, 15 min) when the measurements ended: {machine.LoadAverage} (on {machine.Cores} cores).");
        md.AppendLine();

        md.AppendLine("## Reproduce");
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine("make bench                              # all of it: installs wrk if missing, starts PostgreSQL, builds Release, generates, measures, writes this file");
        md.AppendLine("CATALOGHUB_PG_PORT=55435 make bench      # the same on another PostgreSQL port");
        md.AppendLine("dotnet build CatalogHub.sln -c Release && CATALOGHUB_DB=... dotnet bench/CatalogHub.Bench/bin/Release/net10.0/CatalogHub.Bench.dll bulk .   # (h) alone, on any store (nothing dropped)");
        md.AppendLine("CATALOGHUB_BENCH_REGIONS=1 CATALOGHUB_DB=... dotnet bench/CatalogHub.Bench/bin/Release/net10.0/CatalogHub.Bench.dll . /tmp/bench.md   # the driver end to end on the city's entries alone (about a sixth of the store): checks the report, not the figures");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("`make bench` runs `scripts/bench.sh`, which does:");
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine("apt-get install -y wrk                                   # only when wrk is missing");
        md.AppendLine("export CATALOGHUB_DB=$(bash scripts/db.sh start cataloghub_bench)");
        md.AppendLine("dotnet build CatalogHub.sln -c Release");
        md.AppendLine("dotnet bench/CatalogHub.Bench/bin/Release/net10.0/CatalogHub.Bench.dll . docs/benchmarks.md");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("The driver drops and recreates the `cataloghub` schema of `cataloghub_bench` (it refuses a database whose name lacks `bench`), generates the dataset, " +
                      "starts `src/CatalogHub/bin/Release/net10.0/CatalogHub.dll` on http://127.0.0.1:5098 (`CATALOGHUB_BENCH_PORT`), measures, and stops it. Its log is `.local/bench-app.log`.");
        return md.ToString();
    }
}
