using System.Collections.Concurrent;
using System.Diagnostics;
using CatalogHub.Catalogue;
using CatalogHub.Catalogue.Drafting;
using CatalogHub.Departments.Keys;
using CatalogHub.Departments.Registering;
using CatalogHub.Platform;
using Npgsql;

namespace CatalogHub.Bench.Chaos;

/// <summary>Seconds from a disruption's end until a node answered <c>/health/ready</c> healthy, and a write 2xx; null: not before the run ended.</summary>
public sealed record Recovery(string After, string Node, double? Ready, double? Writes);

/// <summary>How a node ended the run: its process, <c>/health/ready</c>, <c>GET /audit/log/verify</c>, and its last critical log lines.</summary>
public sealed record NodeEnd(string Node, bool Alive, string Ready, string Integrity, string? LastCritical);

/// <summary>
/// make chaos: the load of <see cref="Workload"/> against two nodes through a fixed schedule of phases, with a
/// kill -9 of node a and an immediate stop of PostgreSQL, then the ledger checked against the database.
/// scripts/chaos.sh starts the cluster and the nodes and performs the disruptions when called back.
/// </summary>
public static class ChaosRun
{
    public const int Workers = 8;
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    /// <summary>How long a disruption waits, beyond its schedule, for the nodes to recover from the one before.</summary>
    public static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(60);

    /// <summary>The schedule. A disruption happens at the start of its phase and ends <see cref="Outage"/> later.</summary>
    public static readonly (string Phase, int Seconds)[] Schedule =
    [
        ("warm-up", 15), ("steady", 15), ("node a killed", 25), ("after the node restart", 10),
        ("PostgreSQL down", 30), ("after the outage", 15), (Workload.RacePhase, 15), ("after the concurrent edits", 25),
    ];

    public static async Task<int> Run(string[] args)
    {
        if (args.Length != 4)
        {
            Console.Error.WriteLine("usage: CatalogHub.Bench chaos <repository root> <output.md> <node a url> <node b url>   (run it through `make chaos`)");
            return 2;
        }
        var (root, outFile) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]));
        var state = Path.Combine(root, ".local/chaos");
        var connection = Environment.GetEnvironmentVariable("CATALOGHUB_DB") ?? throw new InvalidOperationException("Set CATALOGHUB_DB; `make chaos` does.");
        // The run fills the database with its own departments and entries: never let it near one that is not its own.
        var database = new NpgsqlConnectionStringBuilder(connection).Database;
        if (database is null || !database.Contains("chaos"))
            throw new InvalidOperationException($"Refusing to run against database '{database}': its name must contain 'chaos'.");
        Node[] nodes = [new("a", new Uri(args[2]), Path.Combine(state, "node-a.pid")), new("b", new Uri(args[3]), Path.Combine(state, "node-b.pid"))];
        var adminKey = (await File.ReadAllTextAsync(Path.Combine(state, "admin-key"))).Trim();

        var timeline = new Timeline();
        var tally = new Tally();
        var ledger = new Ledger();
        using var http = HubClient.CreateHttp();
        var client = new HubClient(http, timeline, tally);
        // Recovery probes are measurement, not traffic: they are not counted in the phase tables.
        var probe = new HubClient(http, timeline, null);

        Console.WriteLine("Registering the departments ...");
        var (writers, auditorKey) = await Setup(client, nodes[0], adminKey);

        using var end = new CancellationTokenSource();
        var expectedDown = new ConcurrentDictionary<string, bool>();
        var monitor = Monitor(nodes, expectedDown, timeline, end.Token);
        var recoveries = new List<Task<Recovery>>();
        var probes = 0;
        Task<Recovery> Watch(string after, Node node, double since) =>
            WatchRecovery(probe, ledger, timeline, after, node, since, adminKey, () => Interlocked.Increment(ref probes), end.Token);

        var workload = new Workload(client, nodes, ledger, timeline, adminKey);
        Task[] workers = [];
        foreach (var (phase, seconds) in Schedule)
        {
            // Each disruption meets nodes that have recovered from the one before (or had their chance), so its effects are its own.
            if (phase == "PostgreSQL down")
            {
                await Task.WhenAny(Task.WhenAll(recoveries), Task.Delay(SettleLimit));
                if (!recoveries.All(r => r.IsCompleted)) timeline.Note($"node a had not recovered {SettleLimit.TotalSeconds:F0} s later; going on");
            }
            timeline.Begin(phase);
            var phaseEnd = timeline.Now + seconds;
            switch (phase)
            {
                case "warm-up":
                    workers = [.. writers.Select((w, i) => Task.Run(() => workload.Run(i, w, end.Token)))];
                    break;
                case "node a killed":
                    expectedDown["a"] = true;
                    await Control(root, timeline, "node", "kill", "a");
                    timeline.Note("kill -9 of node a");
                    await Task.Delay(Outage);
                    await Control(root, timeline, "node", "start", "a");
                    expectedDown.TryRemove("a", out _);
                    timeline.Note("node a started again");
                    recoveries.Add(Watch("node a restarted", nodes[0], timeline.Now));
                    break;
                case "PostgreSQL down":
                    await Control(root, timeline, "pg", "stop");
                    timeline.Note("PostgreSQL stopped (pg_ctl -m immediate)");
                    await Task.Delay(Outage);
                    await Control(root, timeline, "pg", "start");
                    timeline.Note("PostgreSQL started again");
                    var back = timeline.Now;
                    recoveries.AddRange(nodes.Select(n => Watch("PostgreSQL back", n, back)));
                    break;
            }
            var left = phaseEnd - timeline.Now;
            if (left > 0) await Task.Delay(TimeSpan.FromSeconds(left));
        }
        timeline.Begin("end");
        await end.CancelAsync();
        await Task.WhenAll(workers);
        var measured = await Task.WhenAll(recoveries);
        await monitor;

        Console.WriteLine("Checking the ledger against the database ...");
        var ends = await Task.WhenAll(nodes.Select(n => NodeAtEnd(probe, n, auditorKey, Path.Combine(state, $"node-{n.Name}.log"))));
        await ledger.Save(Path.Combine(state, "ledger.jsonl"));
        await using var db = NpgsqlDataSource.Create(connection);
        var verdict = await ledger.Verify(db);
        var machine = await Machine.Describe(db);

        var report = new ChaosReport(machine, timeline, tally, ledger, verdict, measured, ends);
        var existing = File.Exists(outFile) ? await File.ReadAllTextAsync(outFile) : null;
        await File.WriteAllTextAsync(outFile, report.Into(existing));
        Console.WriteLine(report.Summary);
        return report.Passed ? 0 : 1;
    }

    /// <summary>One service department per worker (许昌市 bureaus with valid codes) and an auditor, each with a key.</summary>
    private static async Task<(Writer[] Writers, string AuditorKey)> Setup(HubClient client, Node node, string adminKey)
    {
        async Task<string> Register(string code, string name, Role role)
        {
            var registered = await client.Send(node, HttpMethod.Post, "/departments", adminKey,
                new RegisterDepartment(code, name, Workload.City, [role], "接入政务服务事项管理"), idempotencyKey: Guid.NewGuid().ToString());
            if (!registered.Ok) throw new InvalidOperationException($"Registering {name}: {registered.Outcome} {registered.Body}");
            var id = registered.Json.GetProperty("id").GetGuid();
            var issued = await client.Send(node, HttpMethod.Post, $"/departments/{id}/keys", adminKey, new IssueApiKey("事项管理系统", null, "系统对接"));
            if (!issued.Ok) throw new InvalidOperationException($"Issuing a key to {name}: {issued.Outcome} {issued.Body}");
            return issued.Json.GetProperty("key").GetString()!;
        }

        var writers = new List<Writer>();
        foreach (var d in Xuchang.DepartmentsOf(0).Skip(1).Take(Workers))
        {
            var sector = Xuchang.Sectors[writers.Count];
            writers.Add(new Writer(d.Code, d.Name, await Register(d.Code, d.Name, Role.ServiceDepartment),
                [.. Xuchang.Items.Where(i => i.Sector == sector)]));
        }
        return ([.. writers], await Register("114110000053295500", "许昌市审计局", Role.Auditor));
    }

    /// <summary>Notes every node process that goes away without the run having killed it.</summary>
    private static async Task Monitor(Node[] nodes, ConcurrentDictionary<string, bool> expectedDown, Timeline timeline, CancellationToken end)
    {
        var alive = nodes.ToDictionary(n => n.Name, _ => true);
        while (!end.IsCancellationRequested)
        {
            foreach (var node in nodes)
            {
                var now = node.Alive;
                if (alive[node.Name] && !now && !expectedDown.ContainsKey(node.Name)) timeline.Note($"node {node.Name} exited on its own");
                alive[node.Name] = now;
            }
            try { await Task.Delay(250, end); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>
    /// Polls a node every 250 ms from <paramref name="since"/> until it reports ready and takes a write (a draft of the
    /// city's catalogue manager, in the ledger like any other acknowledged write), or the run ends.
    /// </summary>
    private static async Task<Recovery> WatchRecovery(HubClient probe, Ledger ledger, Timeline timeline, string after, Node node, double since,
        string managerKey, Func<int> nextProbe, CancellationToken end)
    {
        double? ready = null, writes = null;
        var template = Xuchang.Items[^1];
        try
        {
            while (ready is null || writes is null)
            {
                if (ready is null && (await probe.Send(node, HttpMethod.Get, "/health/ready", null, ct: end)).Status == 200)
                    ready = timeline.Now - since;
                if (writes is null)
                {
                    var (key, itemCode, phase) = (Guid.NewGuid().ToString(), $"{template.Code}-P{nextProbe():D4}", timeline.Phase);
                    var content = new EntryContent($"{template.Name}（办理）", template.Category, "许昌市残疾人联合会", "许昌市残疾人联合会", template.Bases,
                        $"410000-{template.Code}");
                    var answer = await probe.Send(node, HttpMethod.Post, "/catalogue/entries", managerKey,
                        new DraftEntry(itemCode, Workload.City, content, null, "恢复探测"), idempotencyKey: key, ct: end);
                    if (answer.Ok)
                    {
                        writes = timeline.Now - since;
                        ledger.Acknowledged(new Ack(key, "probe", node.Name, answer.Id ?? Guid.Empty, answer.Version ?? 1, itemCode, phase, timeline.Now));
                    }
                    else ledger.NotAcknowledged(new NotAcknowledged(key, "probe", itemCode, answer.Outcome, phase));
                }
                if (ready is null || writes is null) await Task.Delay(250, end);
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended first: what was not seen is reported as not recovered.
        }
        return new Recovery(after, node.Name, ready, writes);
    }

    private static async Task<NodeEnd> NodeAtEnd(HubClient probe, Node node, string auditorKey, string log)
    {
        var alive = node.Alive;
        var ready = await probe.Send(node, HttpMethod.Get, "/health/ready", null);
        var integrity = await probe.Send(node, HttpMethod.Get, "/audit/log/verify", auditorKey);
        var verdict = !integrity.Ok ? integrity.Outcome
            : integrity.Json.TryGetProperty("intact", out var intact) && intact.ValueKind == System.Text.Json.JsonValueKind.True ? "200, intact"
            : $"200, not intact: {integrity.Body[..Math.Min(200, integrity.Body.Length)]}";
        return new NodeEnd(node.Name, alive, ready.Status is { } s ? $"{s}" : ready.Outcome, verdict, alive ? null : LastCritical(log));
    }

    /// <summary>Why the host stopped: the exception of the last <c>crit:</c> entry in a node's console log, and the frame of ours it came through.</summary>
    private static string? LastCritical(string log)
    {
        if (!File.Exists(log)) return null;
        var lines = File.ReadAllLines(log);
        var at = Array.FindLastIndex(lines, l => l.StartsWith("crit:", StringComparison.Ordinal));
        if (at < 0) return null;
        // The console logger indents an entry's lines; Marten ends its message lines with '$'.
        var entry = lines.Skip(at + 1).TakeWhile(l => l.Length == 0 || l[0] == ' ').Select(l => l.Trim().TrimEnd('$').Trim()).Where(l => l.Length > 0).ToList();
        var exception = entry.FindIndex(l => l.Contains("Exception", StringComparison.Ordinal) && !l.StartsWith("The HostOptions", StringComparison.Ordinal));
        if (exception < 0) return entry.FirstOrDefault();
        var message = entry.Skip(exception + 1).FirstOrDefault(l => !l.StartsWith("at ", StringComparison.Ordinal) && !l.StartsWith("--", StringComparison.Ordinal));
        var frame = entry.FirstOrDefault(l => l.StartsWith("at CatalogHub.", StringComparison.Ordinal))?.Split(" in ")[0];
        return $"{entry[exception]} {message}{(frame is null ? "" : $" ({frame})")}";
    }

    private static async Task Control(string root, Timeline timeline, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(root, "scripts/chaos.sh"), .. args]))!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) timeline.Note($"scripts/chaos.sh {string.Join(' ', args)} failed with exit code {process.ExitCode}");
    }
}
