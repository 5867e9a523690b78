using System.Globalization;
using System.Text;

namespace CatalogHub.Bench;

/// <summary>
/// Why each missed target is missed and what would reach it. The explanations rest on query plans and
/// experiments done by hand on this dataset on 2026-11-25 (quoted with their SQL); the figures they explain
/// come from the run.
/// </summary>
public static class Analysis
{
    private static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string EntryAsOf(AsOfComparison entry) => $"""
        **How (a) is answered now.** Every published version has a validity interval on both clocks (`cataloghub.publication_timeline`,
        kept by the inline `ValidityIntervalProjection` in the publishing transaction: in force from `effective_at` until `superseded_at`,
        known from `recorded_at` until `retracted_at`). `AsOfReads.Read` sends one statement: the latest interval known at K starting
        at or before T, through the primary key `(list, id, effective_at, recorded_by)` read backwards, tested for having closed by T,
        joined to its version document by primary key, with the repeal that closed it in the same statement (it explains a 404).
        Planning that statement took 1.4 ms and running it 0.2 ms, so the hub's connections prepare statements they send twice
        (`Hosting.ForServing`). What remains above the baseline is the statement's JSON (the version with its interval's start and
        recording change) and reading it into the answer's types.
        In-process p50 {F(entry.Domain.P50)} ms against the primary-key baseline's {F(entry.Baseline.P50)} ms ({F(entry.DomainRatio)}×, target ≤ {F(Targets.EntryDomainRatio, "F0")}×);
        through HTTP p99 {F(entry.Http.P99)} ms against `/health/live`'s {F(entry.Health.P99)} ms in alternation ({F(entry.HttpP99Ratio)}×, target ≤ {F(Targets.HttpP99Ratio, "F0")}×).
        """;

    public static string RegionAsOf(AsOfComparison region) => $"""
        **How (b) is answered now.** The intervals holding T as known at K are found by their forks, the relational interval tree of
        `Publication/IntervalForks.cs`: each interval is stored at the highest node of a binary tree over the seconds that it covers,
        so every interval holding T lies on T's path from the root (35 nodes) and, at each node, in one index range. Five index-only
        ranges per node (rows still known by the legal clock from either bound, rows since retracted by the record clock from either
        bound) return only the region's 1,450 intervals in force, where the count used to read all 100,342 intervals 许昌市's
        catalogue ever had. `RegionReads.Page` sends one statement, one round trip: the intervals found once (a materialized CTE),
        counted, the page cut from them by code (compared by code point, `collate "C"`: the clusters' C.UTF-8 order without its
        slower comparison) and joined to its 50 version documents by primary key, read as stored; each is given its interval's start
        and recording change in the application (building that JSON in the statement cost about 0.4 ms). The hub's connections
        prepare the statement, so PostgreSQL runs a generic plan (planning 0.1 ms instead of 1-3 ms); each branch's other bound is
        written so that no index takes it, or the generic plan put the last branch on the other record-clock index and filtered
        4,374 retracted rows. Measured by hand (psql, `explain analyze`, 2026-11-26, the machine shared): the count and the page
        before, two statements, ran 0.7 + 1.9-2.2 ms at best; the one statement 2.0 ms. The statements plan serially: parallel
        workers took 20-35 ms to start for 2 ms of scanning.{(region.Statements is var (replayed, trips) ? $" The page's {trips} round trip(s), replayed through raw Npgsql with every column read as text: p50 {F(replayed.P50)} ms of the in-process {F(region.Domain.P50)} ms; the rest is Marten's session and reading the documents into the answer's types." : "")}
        In-process p50 {F(region.Domain.P50)} ms against {F(region.Baseline.P50)} ms to read the page's 50 documents by primary key ({F(region.DomainRatio)}×,
        target ≤ {F(Targets.PageDomainRatio, "F0")}×); through HTTP p99 {F(region.Http.P99)} ms against `/health/live`'s {F(region.Health.P99)} ms in alternation
        ({F(region.HttpP99Ratio)}×, target ≤ {F(Targets.HttpP99Ratio, "F0")}×).
        """;

    /// <summary>What one domain publish sends and where its time goes (<see cref="PublishAnatomy"/>).</summary>
    public static string Anatomy(PublishAnatomy anatomy)
    {
        var md = new StringBuilder();
        var trips = anatomy.Sample;
        md.AppendLine($"""
            **What one domain publish sends** (a Marten session logger on each of {anatomy.Measured:N0} publishes one after the other, after as many
            to warm up; medians): {trips.Trips.Count} round trips, {trips.Statements} statements, then the commit:
            """);
        md.AppendLine();
        md.AppendLine("| # | round trip | median |");
        md.AppendLine("|---|---|---:|");
        foreach (var (trip, i) in trips.Trips.Select((t, i) => (t, i))) md.AppendLine($"| {i + 1} | `{trip}` | {F(anatomy.TripMedians[i])} ms |");
        md.AppendLine($"| | SaveChanges beyond its round trips: the commit and Marten's own work | {F(anatomy.SaveBeyondTrips)} ms |");
        md.AppendLine($"| | the whole publish | {F(anatomy.Whole)} ms |");
        md.AppendLine();
        md.AppendLine($"""
            The round trips and the commit take {F(anatomy.TripMedians.Sum() + anatomy.SaveBeyondTrips)} ms of the {F(anatomy.Whole)} ms; the driver
            process used {F(anatomy.CpuPerPublish)} ms of CPU per publish on all its threads (the runtime's included). Why each trip is there:
            1 is `FetchForWriting` (the stream's version and the item's document, which the rules decide on); 2 is Rich append mode reserving
            the event's sequence number and reading the stream's state, so that inline projections know the sequence every citation names;
            3 is the validity intervals' projection reading the item's current rows (the rows a publish retracts and replaces); the last
            writes the stream's version, the event and four projected rows (the item, its version document, the change log, the interval).
            The raw baseline sends one statement in one round trip and commits it.
            """);
        return md.ToString();
    }

    public static string Publishing(IReadOnlyList<PublishComparison> publishes, PublishAnatomy anatomy)
    {
        var md = new StringBuilder();
        md.AppendLine(Anatomy(anatomy));
        if (publishes.All(p => Targets.DomainMet(p) && Targets.ApiMet(p)))
        {
            md.AppendLine($"The publish paths reach target 1 ({F(Targets.DomainPublishRatio, "F1")}× raw INSERT in the domain layer, {F(Targets.ApiPublishRatio)}× through the API) at every concurrency measured.");
            return md.ToString();
        }
        md.AppendLine($"""
            **Why target 1 is missed** ({string.Join("; ", publishes.Select(p => $"concurrency {p.Domain.Concurrency}: domain {F(p.DomainRatio)}×, API {F(p.ApiRatio)}×"))};
            targets {F(Targets.DomainPublishRatio, "F1")}× and {F(Targets.ApiPublishRatio)}×). The raw INSERT is almost nothing but its commit
            (p50 {F(publishes[0].RawInsert.Latency.P50)} ms at concurrency 1 in this run), so the ratio moves with the disk's fsync cost as much as
            with the application. What the domain publish does beyond a commit is the round trips and statements listed above: each round
            trip is a wait for PostgreSQL on top of the commit, each row an insert with its indexes. Calibrated by hand on this machine
            (issue 14), Marten's bare `FetchForWriting` + `Append` in Rich mode, without any projection, reached only 0.27-0.34×: the domain
            target is above Marten's own floor for a Rich-mode append, so it needs a different write path (fewer round trips and rows), not tuning.
            The API adds HTTP, Wolverine's pipeline and the change notice it stores in the outbox: p50 {string.Join(", ", publishes.Select(p => $"{F(p.Api.Latency.P50)} ms against the domain path's {F(p.Domain.Latency.P50)} ms at concurrency {p.Api.Concurrency}"))}.
            """);
        return md.ToString();
    }

    public static string BasisChecks(LoadResults loads)
    {
        if (Targets.CheckP99Met(loads) && Targets.CapacityMet(loads)) return "Target 3 is met: both its p99 bound and its capacity.";
        var (health, check) = (loads.AtTarget.Health, loads.AtTarget.BasisCheck);
        return $"""
            **Why target 3 is missed** (p99 at {LoadTests.Rate:N0}/s {F(check.Run.Latency.P99 / health.Run.Latency.P99)}× `/health/live`'s, target
            ≤ {F(Targets.CheckP99Ratio, "F1")}×; highest rate held {(loads.HealthHighest == 0 ? "no ratio: `/health/live` held no rate" : $"{F(Targets.CapacityRatio(loads))}× `/health/live`'s")}, target ≥ {F(Targets.CheckCapacityRatio, "F1")}×).
            Once warm the check makes no database round trip (the index is in memory, the key's department cached), so what remains is the
            application's own work per request, which the table's runtime counters show: at {LoadTests.Rate:N0}/s the basis check costs
            {F(check.Use.CpuMsPerRequest, "F3")} ms of CPU and {F(check.Use.CollectionsPerThousand, "F1")} GC collections per 1,000 requests, `/health/live`
            {F(health.Use.CpuMsPerRequest, "F3")} ms and {F(health.Use.CollectionsPerThousand, "F1")}. Each collection follows a budget's worth of
            allocation, and each holds every thread: {F(check.Use.CollectionsPerSecond, "F1")} collections a second, {F(check.Use.PauseMsPerSecond, "F0")} ms
            of pause per second (`/health/live`: {F(health.Use.CollectionsPerSecond, "F1")}, {F(health.Use.PauseMsPerSecond, "F0")} ms), and a pause holds every request in
            flight: that is the tail. The CPU per request is what bounds the rate on a machine whose {Environment.ProcessorCount} cores
            the application shares with wrk and PostgreSQL. Where it goes, by `dotnet-trace` on a copy of this store (issue 14, 2026-11-26,
            after cutting a 16 KB read buffer, string decoding of clean body text, eager field paths and a lock per request, which halved the
            allocation): the body deserialized twice (the request check's shape test, then Wolverine's binding), the key's claims built per
            request, and the answer's serialisation. The first two are cut since (the body is bound once, `RequestHygiene.BindCheckedBodies`;
            the caller's principal is cached with its department, `ApiKeyCache`). A profile after them (2026-11-26, the sample profiler on
            the application under this load; shares of the request threads' CPU samples): authentication about 20%, nearly all of it the
            dependency-injection resolution of the authentication services spinning on a monitor (the lock's owner not identified: a heap
            dump under load held no such lock); reading and checking the body 16%; writing the answer 12%; the check itself about 5%; and 40%
            threads waiting out collections at a GC poll (the profiler counts that wait as the thread's time, wherever it falls). The instant's format parser (5%) and the answer's LINQ chains
            are cut since: CPU per check 0.205 → 0.187 ms and 0.184 → 0.178 ms in two A/B pairs. A 64 MB gen-0 budget
            (`DOTNET_GCgen0size`) cut the collections from 1.0 to 0.3 per 1,000 checks and the pause from 7 to 2 ms per second, but not
            the p99 (2.84 ms), for 60 MB more resident memory: not shipped. (i) shows what other GC settings do to the memory.
            """;
    }

    public static string LogCost(IReadOnlyList<PublishComparison> publishes) => $"""
        **What the transparency log costs a publish.** Nothing on the publish's own path: a publish writes no leaf; the log's loop
        appends committed events afterwards, every `CATALOGHUB_LOG_INTERVAL_SECONDS` (10 by default), then signs one checkpoint if the
        log grew (one per pass, not one per batch). What it costs is that loop's work competing for the same database and the same two cores. Each run above starts with
        the log caught up (the drafts prepared for it included); the "log running" runs have the loop appending the run's own publishes:
        {string.Join("; ", publishes.Select(p => $"concurrency {p.Domain.Concurrency}: domain {F(p.DomainWithLog.PerSecond, "F0")}/s against {F(p.Domain.PerSecond, "F0")}/s ({F(p.DomainLogRatio)}×), API {F(p.ApiWithLog.PerSecond, "F0")}/s against {F(p.Api.PerSecond, "F0")}/s ({F(p.ApiLogRatio)}×)"))}.
        The loop runs every {LogBench.IntervalSeconds} s in these runs instead of every 10 s, so that a {Scenarios.PublishLimit.TotalSeconds:F0} s run
        holds about ten passes: the same appending work as at the default interval, spread over the run rather than falling at its
        end, and ten checkpoints signed instead of one; if anything, more than the log costs at its default.
        {(publishes.Any(p => p.DomainLogRatio > 1 || p.ApiLogRatio > 1) ? "The log cannot make a publish faster, so the ratios above 1 show how far two runs of the same path fall apart on this machine in this run: read every ratio with that noise in mind." : "")}
        """;

    public static string LogCatchUp(LogCatchUp catchUp) => $"""
        **What a batch does.** One transaction holding the appender's advisory lock: it reads the appender's position (`log_scan`: the
        sequence number read up to, and the log's size then) and the sequence numbers it passed before they committed (`log_pending`);
        reads those pending numbers by key, and the next numbers above the mark (at most {Audit.Log.LogAppender.BatchSize:N0} in all) through
        `mt_events`' primary key with each event's leaf text; hashes them in the application; reads the O(log n) nodes of the tree's
        right edge; writes the leaves and the completed nodes with one `insert ... select from unnest(...)` each; and moves the mark,
        dropping the pending numbers it found and adding those it passed that are not committed yet. Nothing in it grows with the
        store: a batch near the end of the store costs what one near the start costs (p50 {F(catchUp.Batches.P50, "F0")} ms, p99
        {F(catchUp.Batches.P99, "F0")} ms here). Only a sequence number that never commits (a process killed between taking it and
        committing; Marten writes tombstones for transactions that fail) stays pending, read by key on every pass. No request waits
        for the appender: a batch locks no row outside the log's own tables and no transaction lasts longer than one batch. What a
        catch-up still takes is one PostgreSQL backend and the hashing thread, about one of this machine's two cores, for as long as
        it runs, since batches follow each other without a pause: reading every event's data once (`mt_events` is about 1.2 GB here)
        and hashing it.

        **Before (commit `e4c0b49`), measured by hand on a copy of this dataset (1,220,737 events after a `make bench`), with this machine
        shared with two other sessions (load average 8-13 on 2 cores).** The appender kept its position in memory, from 0 after every
        start, and every batch of 2,000 ran `select max(seq_id) from (select seq_id, seq_id - row_number() over (order by seq_id) ...
        where seq_id > $floor) ...` to find the committed run above it: a window over every event above the position, 1.29 s on the
        whole store (`explain analyze`), so the catch-up was quadratic in the store; then an anti-join of `mt_events` against
        `log_leaves`, and one `insert` statement per leaf and per node (about 4,000 per batch). The catch-up of the 1,220,737 events
        took 777 s (1,571 leaves/s), during which the window query was running in 378 of 555 samples of `pg_stat_activity`.
        On the same copy and under the same load the present appender took 115 s (10,588 leaves/s; batches p50 178 ms, p99 446 ms,
        max 804 ms, the first), and reading the events was what it ran in most samples. A position that does not match the log (a log
        written before the position was stored, a wiped position table, a truncated log) is rebuilt once from the leaves: 4.0 s on
        that copy; an idle pass takes a few milliseconds.
        """;

    public static string Rebuild(Rebuild rebuild)
    {
        var chain = rebuild.LongestChain;
        var verdict = Targets.RebuildMet(rebuild) ? "**Target 6 is met.**" : "**Why target 6 is missed.**";
        return $"""
            {verdict} The steps run three at a time, and each reads from `mt_events` only the event types it declares (a test holds every
            registered projection to declaring them, since commit `832dbe4`), through the index on (type, seq_id); their seconds above overlap.
            {F(chain.Sum(p => p.Seconds) / rebuild.Seconds * 100, "F0")}% of the {F(rebuild.Seconds, "F0")} s is one chain that no running side by side shortens:
            {string.Join(", then ", chain.Select(p => $"`{p.Projection}` {F(p.Seconds, "F0")} s"))} (the base catalogue's snapshots: Marten's daemon
            loading, deserializing and applying its 1.3M events in one pass, then writing each item's latest state). The steps' own seconds
            add up to {F(rebuild.Projections.Sum(p => p.Seconds), "F0")} s within the {F(rebuild.Seconds, "F0")} s, {F(rebuild.Projections.Sum(p => p.Seconds) / rebuild.Seconds, "F1")} at once on average, on two cores that
            PostgreSQL shares: each step of the chain runs slower for what runs beside it (`entry_item` alone took 36 s on this store).

            How the rebuild got here (issue 14, 2026-11-26, this store, measured with `CatalogHub.Bench rebuild`, the process's and
            PostgreSQL's CPU read from `/proc` and `pg_stat_statements`): 115-124 s, 186 s of CPU of which PostgreSQL's 111 s, before.
            (1) The daemon's lookup of the snapshots it had evicted (`id = any(...)`) was prepared while the table was empty after its
            truncation and kept that plan, a scan of the whole table, for every page: 40 s of PostgreSQL's time; the rebuild's
            connections plan each statement for its values now. (2) The twenty-odd projections of rare events (departments, keys,
            grants) each scanned the whole event table for their few events: the index on (type, seq_id). 100 s. (3) The version
            documents, the change log and the intervals were three daemon passes over the same publications, 110 s of CPU together:
            one pass now, 78 s. (4) Its documents stored one by one through a session took 13 s to queue and most of 50 s to save: COPY,
            71 s. (5) The indexes of the tables a step fills are created when it ends, off the chain: 69-71 s, 127 s of CPU. The same
            rebuild under workstation GC took 85 s (the benchmark's driver runs server GC, as `cataloghub-audit` does).
            """;
    }
}
