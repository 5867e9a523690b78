using System.Globalization;
using System.Text;

namespace CatalogHub.Bench;

/// <summary>
/// Issue 14's six targets: each figure of the run against its baseline from the same run, the ratio, the verdict, and for each
/// missed target what limits it, from figures of the same run (the sections below the summary hold the details).
/// </summary>
public static class Targets
{
    public const double DomainPublishRatio = 0.5;
    public const double ApiPublishRatio = 0.35;
    public const double CheckP99Ratio = 1.3;
    public const double CheckCapacityRatio = 0.8;
    public const double EntryDomainRatio = 2;
    public const double PageDomainRatio = 5;
    public const double HttpP99Ratio = 2;
    public const double RebuildPerSecond = 20_000;

    private static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);
    private static string Verdict(bool met) => met ? "**met**" : "**missed**";
    private static string Mb(double bytes) => $"{F(bytes / 1024 / 1024, "F0")} MB";

    public static bool DomainMet(PublishComparison p) => p.DomainRatio >= DomainPublishRatio;
    public static bool ApiMet(PublishComparison p) => p.ApiRatio >= ApiPublishRatio;
    /// <summary>The p99 within its bound, every answer a 2xx, and the rate held (a stalled server shows as fewer requests sent).</summary>
    public static bool CheckP99Met(LoadResults l) => l.AtTarget.BasisCheck.Run is var c && c.Errors + c.Non2xx == 0 && c.Achieved >= 0.95 * c.TargetRate
                                                   && c.Latency.P99 <= CheckP99Ratio * l.AtTarget.Health.Run.Latency.P99;
    public static double CapacityRatio(LoadResults l) => l.HealthHighest == 0 ? double.NaN : (double)l.CheckHighest / l.HealthHighest;
    /// <summary>Met only against a baseline that held a rate: when `/health/live` held none (a run's noise at the first rate), there is no verdict.</summary>
    public static bool CapacityMet(LoadResults l) => l.HealthHighest > 0 && l.CheckHighest >= CheckCapacityRatio * l.HealthHighest;
    public static bool EntryDomainMet(AsOfComparison e) => e.DomainRatio <= EntryDomainRatio;
    public static bool PageDomainMet(AsOfComparison r) => r.DomainRatio <= PageDomainRatio;
    public static bool HttpP99Met(AsOfComparison c) => c.HttpP99Ratio <= HttpP99Ratio;
    public static bool MemoryMet(MemoryRun m) => m.PeakMb <= MemoryBench.TargetMb;
    public static bool RebuildMet(Rebuild r) => r.EventsPerSecond >= RebuildPerSecond;

    public static void Summary(StringBuilder md, AsOfComparison entry, AsOfComparison region, IReadOnlyList<PublishComparison> publishes, PublishAnatomy anatomy,
        LoadResults loads, BulkComparison bulk, IReadOnlyList<MemoryRun> memory, Rebuild rebuild)
    {
        md.AppendLine("## Summary: issue 14's targets");
        md.AppendLine();
        md.AppendLine("Each figure beside its baseline measured in the same run; the ratio is the figure over the baseline (for capacities, the " +
                      "basis check's over `/health/live`'s). The section named in the first column has the method and the details.");
        md.AppendLine();
        md.AppendLine("| target | figure | target | measured | baseline (same run) | ratio | verdict |");
        md.AppendLine("|---|---|---|---|---|---:|---|");
        foreach (var p in publishes)
            md.AppendLine($"| 1. publish (c) | domain path, concurrency {p.Domain.Concurrency} | ≥ {F(DomainPublishRatio, "F1")}× raw INSERT | {F(p.Domain.PerSecond, "F0")}/s | raw single-row INSERT: {F(p.RawInsert.PerSecond, "F0")}/s | {F(p.DomainRatio)}× | {Verdict(DomainMet(p))} |");
        foreach (var p in publishes)
            md.AppendLine($"| 1. publish (c) | API path, concurrency {p.Api.Concurrency} | ≥ {F(ApiPublishRatio)}× raw INSERT | {F(p.Api.PerSecond, "F0")}/s | raw single-row INSERT: {F(p.RawInsert.PerSecond, "F0")}/s | {F(p.ApiRatio)}× | {Verdict(ApiMet(p))} |");
        foreach (var (what, seconds, perSecond) in new[] { ("migrating (许昌市)", bulk.Migration, bulk.MigrationPerSecond), ("adopting (禹州市, derived)", bulk.Adoption, bulk.AdoptionPerSecond) })
            md.AppendLine($"| 2. bulk (h) | {bulk.Entries:N0} entries in one `POST /catalogue/entries/bulk`, {what} | < {F(BulkBench.TargetSeconds, "F0")} s | {string.Join(", ", seconds.Select(s => F(s)))} s; {F(perSecond, "F0")} entries/s (median round) | {bulk.Entries:N0} raw single-row INSERTs: {F(bulk.RawPerSecond, "F0")}/s | {F(perSecond / bulk.RawPerSecond)}× | {Verdict(seconds.Max() < BulkBench.TargetSeconds)} |");
        var (check, health) = (loads.AtTarget.BasisCheck.Run, loads.AtTarget.Health.Run);
        md.AppendLine($"| 3. basis check (d) | p99 at {LoadTests.Rate:N0}/s, `POST /basis-check` | ≤ {F(CheckP99Ratio, "F1")}× `/health/live`'s | {F(check.Latency.P99)} ms ({F(check.Achieved, "F0")}/s sent, {check.Errors + check.Non2xx} failed) | `GET /health/live` at {LoadTests.Rate:N0}/s: {F(health.Latency.P99)} ms | {F(check.Latency.P99 / health.Latency.P99)}× | {Verdict(CheckP99Met(loads))} |");
        md.AppendLine($"| 3. basis check (d) | highest rate with p99 < {F(LoadTests.SweepP99Ms, "F0")} ms | ≥ {F(CheckCapacityRatio, "F1")}× `/health/live`'s | {loads.CheckHighest:N0}/s | `GET /health/live`: {(loads.HealthNeverFailed ? "≥ " : "")}{loads.HealthHighest:N0}/s | {(loads.HealthHighest == 0 ? "" : $"{F(CapacityRatio(loads))}×")}{(loads.HealthNeverFailed ? " (at most)" : "")} | {(loads.HealthHighest == 0 ? "**no verdict**: the baseline held no rate in this run" : Verdict(CapacityMet(loads)))} |");
        md.AppendLine($"| 4. as of (a) | 5,000-version entry, in-process p50 | ≤ {F(EntryDomainRatio, "F0")}× a primary-key read | {F(entry.Domain.P50)} ms (HTTP: {F(entry.Http.P50)} ms) | raw primary-key read of the version: {F(entry.Baseline.P50)} ms | {F(entry.DomainRatio)}× | {Verdict(EntryDomainMet(entry))} |");
        md.AppendLine($"| 4. as of (b) | 许昌市 catalogue page (50 entries), in-process p50 | ≤ {F(PageDomainRatio, "F0")}× reading its documents by key | {F(region.Domain.P50)} ms (HTTP: {F(region.Http.P50)} ms) | raw read of the 50 documents by primary key: {F(region.Baseline.P50)} ms | {F(region.DomainRatio)}× | {Verdict(PageDomainMet(region))} |");
        foreach (var (c, what) in new[] { (entry, "entry"), (region, "catalogue page") })
            md.AppendLine($"| 4. as of ({(c == entry ? "a" : "b")}) | {what} through HTTP, p99 | ≤ {F(HttpP99Ratio, "F0")}× `/health/live`'s, same pattern | {F(c.Http.P99)} ms | `GET /health/live` in alternation, same client and count: {F(c.Health.P99)} ms | {F(c.HttpP99Ratio)}× | {Verdict(HttpP99Met(c))} |");
        foreach (var m in memory)
            md.AppendLine($"| 5. memory (i) | resident memory under the read load, {m.Setting.Name} | ≤ {F(MemoryBench.TargetMb, "F0")} MB | peak {F(m.PeakMb, "F0")} MB | (none: an absolute bound) | | {Verdict(MemoryMet(m))} |");
        md.AppendLine($"| 6. rebuild (f) | every read model rebuilt from the events | ≥ {F(RebuildPerSecond, "N0")} events/s | {F(rebuild.EventsPerSecond, "N0")} events/s ({rebuild.Events:N0} in {F(rebuild.Seconds, "F0")} s) | (none: an absolute rate) | | {Verdict(RebuildMet(rebuild))} |");
        md.AppendLine();
        Limits(md, entry, region, publishes, anatomy, loads, bulk, memory, rebuild);
    }

    /// <summary>One paragraph per missed target: what limits it, in figures of this run.</summary>
    private static void Limits(StringBuilder md, AsOfComparison entry, AsOfComparison region, IReadOnlyList<PublishComparison> publishes, PublishAnatomy anatomy,
        LoadResults loads, BulkComparison bulk, IReadOnlyList<MemoryRun> memory, Rebuild rebuild)
    {
        var why = new List<string>();
        if (!publishes.All(p => DomainMet(p) && ApiMet(p)))
        {
            var trips = anatomy.Sample;
            why.Add($"**1. Publish.** {string.Join(" ", publishes.Select(p =>
                        $"At concurrency {p.Domain.Concurrency} a domain publish takes p50 {F(p.Domain.Latency.P50)} ms, an API publish {F(p.Api.Latency.P50)} ms, " +
                        $"the raw INSERT {F(p.RawInsert.Latency.P50)} ms."))} The domain publish sends {trips.Trips.Count} round trips and {trips.Statements} " +
                    $"statements (listed in (c), each with its time) where the raw INSERT sends one statement in one round trip; both commit once. " +
                    $"Taken apart (one publish after another), the round trips and the commit take {F(anatomy.TripMedians.Sum() + anatomy.SaveBeyondTrips)} ms " +
                    $"of a {F(anatomy.Whole)} ms publish: what the domain path adds is its extra round trips and rows. What the API path adds over the domain path (HTTP, Wolverine's pipeline, " +
                    "authentication, the change notice stored in the outbox) is the difference of their latencies above.");
        }
        if (bulk.Slowest >= BulkBench.TargetSeconds)
        {
            var cold = bulk.Migration.Skip(1).Concat(bulk.Adoption.Skip(1)).All(s => s < BulkBench.TargetSeconds);
            why.Add($"**2. Bulk.** The slowest request took {F(bulk.Slowest)} s. " +
                    (cold ? "Only the first round misses: the application's first full-size bulk requests after its start, with cold code paths and pages; every later round is under the bound. "
                          : "") +
                    $"Per entry, the median round spends {F(1000 / bulk.MigrationPerSecond)} ms migrating and {F(1000 / bulk.AdoptionPerSecond)} ms adopting, " +
                    $"against {F(1000 / bulk.RawPerSecond)} ms for a raw single-row INSERT with its own commit: the request commits once, so its time " +
                    "is the rules, the events and documents it writes per entry, not commits.");
        }
        if (!CheckP99Met(loads) || !CapacityMet(loads))
        {
            var (h, c) = (loads.AtTarget.Health.Use, loads.AtTarget.BasisCheck.Use);
            why.Add($"**3. Basis check.** No database round trip once warm: the application's own work per request limits it (the runtime's counters in (d), " +
                    $"at {LoadTests.Rate:N0}/s). CPU: {F(c.CpuMsPerRequest, "F3")} ms per basis check against {F(h.CpuMsPerRequest, "F3")} ms per `/health/live`, " +
                    $"so {F(h.CpuMsPerRequest / c.CpuMsPerRequest)}× its rate by CPU alone ({(loads.HealthHighest == 0 ? "the sweep gave no ratio: `/health/live` held no rate in this run" : $"{F(CapacityRatio(loads))}× measured by the sweep")}). GC: " +
                    $"{F(c.CollectionsPerThousand, "F1")} collections per 1,000 requests against {F(h.CollectionsPerThousand, "F1")}, holding every thread " +
                    $"{F(c.PauseMsPerSecond, "F0")} ms per second against {F(h.PauseMsPerSecond, "F0")} ms: every request in flight waits out a pause, which is the tail.");
        }
        var asOfMissed = new List<string>();
        if (!EntryDomainMet(entry) || !PageDomainMet(region))
            asOfMissed.Add($"In process, the entry takes p50 {F(entry.Domain.P50)} ms against {F(entry.Baseline.P50)} ms for one raw primary-key read, and the page " +
                           $"{F(region.Domain.P50)} ms against {F(region.Baseline.P50)} ms to read its 50 documents by key: what the query does beyond those reads " +
                           "(finding the versions in force at T, the page's count) and a Marten session against a bare Npgsql command.");
        foreach (var c in new[] { entry, region }.Where(c => !HttpP99Met(c)))
            asOfMissed.Add($"Through HTTP, the {c.Name} has p99 {F(c.Http.P99)} ms against {F(c.Health.P99)} ms for `/health/live` in alternation; its in-process p99 " +
                           $"is {F(c.Domain.P99)} ms, so {(c.Domain.P99 > HttpP99Ratio * c.Health.P99 ? "the query's own tail already exceeds the bound" : "the tail comes from the HTTP side (the endpoint's serialisation, the application's GC), not the query")}.");
        if (asOfMissed.Count > 0) why.Add("**4. As of.** " + string.Join(" ", asOfMissed));
        if (!memory.Any(MemoryMet))
            why.Add("**5. Memory.** Each setting's peak, and how much of it the GC's heaps held: " + string.Join("; ", memory.Select(m =>
                        $"{m.Setting.Name}: peak {F(m.PeakMb, "F0")} MB, of which the GC's heaps committed {Mb(m.Use.After.CommittedBytes)} at the end and " +
                        $"{F(m.OutsideGcHeapMb, "F0")} MB lay outside them")) +
                    ". What lies outside the GC's heaps (code compiled by the JIT and by Marten's and Wolverine's code generation, the runtime, native libraries, " +
                    "thread stacks) is untouched by the GC settings. Taken apart on this store (issue 14, 2026-11-26, `dotnet-gcdump` and `/proc/PID/smaps` " +
                    "after the start, before any load): the GC's heaps held 172 MB of live objects, most of them the published index (about 150,000 " +
                    "timelines and 268,000 versions: the versions 32 MB, the timelines 16 MB, their two maps 22 MB, the implementation lists' content about 30 MB); " +
                    "it held 245 MB before the index read its content with pooled strings, kept its citations' members flat, its points as values and a key's first " +
                    "holder inline. Outside the heaps: 109 MB of mapped files (the assemblies and native libraries) and 51 MB of compiled code (the JIT's double " +
                    "mapping). Turning off tiered PGO, W^X or tiered compilation saved 10-22 MB of the peak. Reaching 300 MB would take the index at about a third " +
                    "of its size: versions held as values in their timelines instead of objects, which is not done.");
        else if (!memory.All(MemoryMet))
            why.Add($"**5. Memory.** Met with {string.Join(", ", memory.Where(MemoryMet).Select(m => $"{m.Setting.Name} ({m.Setting.Variables})"))}, missed with " +
                    $"{string.Join(", ", memory.Where(m => !MemoryMet(m)).Select(m => $"{m.Setting.Name} ({F(m.PeakMb, "F0")} MB: the GC's heaps {Mb(m.Use.After.CommittedBytes)})"))}; " +
                    "(i) shows what each setting costs the basis checks.");
        if (!RebuildMet(rebuild))
        {
            var chain = rebuild.LongestChain;
            why.Add($"**6. Rebuild.** {F(chain.Sum(p => p.Seconds) / rebuild.Seconds * 100, "F0")}% of the {F(rebuild.Seconds, "F0")} s is one chain of steps that " +
                    $"running side by side does not shorten: {string.Join(", then ", chain.Select(p => $"`{p.Projection}` {F(p.Seconds, "F0")} s"))}; see (f).");
        }
        if (why.Count == 0) return;
        md.AppendLine("### What limits each missed target");
        md.AppendLine();
        foreach (var paragraph in why)
        {
            md.AppendLine(paragraph);
            md.AppendLine();
        }
    }
}
