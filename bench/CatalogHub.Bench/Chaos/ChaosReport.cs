using System.Globalization;
using System.Text;

namespace CatalogHub.Bench.Chaos;

/// <summary>
/// The generated section of docs/reliability.md: everything between the two markers is rewritten by each run,
/// the hand-written text around it is kept.
/// </summary>
public sealed class ChaosReport(Machine machine, Timeline timeline, Tally tally, Ledger ledger, Verdict verdict,
    IReadOnlyList<Recovery> recoveries, IReadOnlyList<NodeEnd> ends)
{
    public const string Begin = "<!-- make chaos: generated from here to the end marker; edit the text outside it -->";
    public const string End = "<!-- make chaos: end of the generated section -->";

    private int Count(Func<string, bool> outcome, string? phase = null, string? node = null) => tally.Counts
        .Where(c => (phase is null || c.Key.Phase == phase) && (node is null || c.Key.Node == node) && outcome(c.Key.Outcome)).Sum(c => c.Value);

    private static bool Is5xx(string o) => o.Length == 3 && o[0] == '5';
    private int Errors500 => Count(o => o == "500");
    private int Other5xx => Count(o => Is5xx(o) && o is not "500" and not "503");
    private IReadOnlyList<string> SelfExits => [.. timeline.Events.Where(e => e.What.EndsWith("exited on its own")).Select(e => e.What)];
    private bool AllRecovered => recoveries.All(r => r.Ready is not null && r.Writes is not null);

    /// <summary>The rule `make chaos` exits by (stated in docs/reliability.md).</summary>
    public bool Passed => verdict.Holds && Errors500 == 0 && Other5xx == 0 && SelfExits.Count == 0 && AllRecovered;

    public string Summary => $"make chaos: {(Passed ? "PASSED" : "FAILED")}: {Counts}";

    private string Counts =>
        $"{verdict.Acknowledged} acknowledged, {verdict.Present} present, {verdict.Lost.Count} lost, " +
        $"{verdict.Duplicated.Count} duplicated, {Errors500} × 500, {Other5xx} other 5xx, {Count(o => o == "503")} × 503, " +
        $"{SelfExits.Count} node exit(s) on their own, {recoveries.Count(r => r.Writes is null)} recover(y/ies) not seen.";

    public string Into(string? existing)
    {
        var section = Write();
        if (existing is not null && existing.IndexOf(Begin, StringComparison.Ordinal) is var b and >= 0
            && existing.IndexOf(End, b, StringComparison.Ordinal) is var e and >= 0)
            return existing[..b] + section + existing[(e + End.Length)..];
        return (existing ?? "# Reliability\n\n") + section + "\n";
    }

    private static string F(double? v, string format = "F1") =>
        v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";

    private string Write()
    {
        var md = new StringBuilder();
        md.AppendLine(Begin);
        md.AppendLine();
        md.AppendLine("## The last run");
        md.AppendLine();
        md.AppendLine($"Written by `make chaos` on {machine.Date:yyyy-MM-dd HH:mm} UTC at commit `{machine.Commit}`, {ChaosRun.Workers} workers, " +
                      $"{F(timeline.Now, "F0")} s of load. **{(Passed ? "Passed" : "Failed")}**: {Counts}");
        md.AppendLine();

        md.AppendLine("### Acknowledged writes");
        md.AppendLine();
        md.AppendLine("| acknowledged | present | lost | duplicated | committed without an answer | applied, learnt only by reading | not acknowledged (refused, given up, cut off) | stale reads on the other node | 2xx without the entry's id | tombstone events |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var learnt = ledger.Others.Count(o => o.Why.StartsWith("applied", StringComparison.Ordinal));
        var unanswered = ledger.Others.Count(o => o.Operation != "probe") - learnt;
        md.AppendLine($"| {verdict.Acknowledged} | {verdict.Present} | {verdict.Lost.Count} | {verdict.Duplicated.Count} | {verdict.CommittedWithoutAnswer.Count} | " +
                      $"{learnt} | {unanswered} | {ledger.StaleReads} | {ledger.AnswersWithoutId} | {verdict.Tombstones} |");
        md.AppendLine();
        md.AppendLine("Acknowledged by operation: " + string.Join(", ", ledger.Acks.GroupBy(a => a.Operation).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")) +
                      $"; {verdict.Events:N0} events in the store at the end.");
        var refused = ledger.Others.Where(o => !o.Why.StartsWith("applied", StringComparison.Ordinal) && o.Operation != "probe")
            .GroupBy(o => $"{o.Operation}: {o.Why}").OrderByDescending(g => g.Count()).Take(12).ToList();
        if (refused.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("Writes of the workers that got no 2xx, by what they got last:");
            md.AppendLine();
            foreach (var g in refused) md.AppendLine($"- {g.Key} × {g.Count()}");
        }
        Details(md, "Committed without an answer (the client never learnt the id it created)", verdict.CommittedWithoutAnswer);
        Details(md, "Lost", verdict.Lost);
        Details(md, "Duplicated", verdict.Duplicated);
        md.AppendLine();

        md.AppendLine("### Timeline");
        md.AppendLine();
        md.AppendLine("| at (s) | phase or event |");
        md.AppendLine("|---:|---|");
        foreach (var (at, what) in timeline.Phases.Skip(1).Select(p => (p.Start, $"**{p.Name}**")).Concat(timeline.Events).OrderBy(x => x.Item1))
            md.AppendLine($"| {F(at)} | {what} |");
        md.AppendLine();

        md.AppendLine("### Requests by phase");
        md.AppendLine();
        md.AppendLine("Every attempt of the workers, counted in the phase it started in (recovery probes not included).");
        md.AppendLine();
        md.AppendLine("| phase | requests | 2xx | 4xx | 503 | 500 | other 5xx | connection errors | timeouts |");
        md.AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---:|");
        var phases = timeline.Phases.Select(p => p.Name).Where(p => tally.Counts.Keys.Any(k => k.Phase == p)).ToList();
        foreach (var phase in phases.Append(null))
        {
            var name = phase ?? "**all**";
            var fours = tally.Counts.Where(c => (phase is null || c.Key.Phase == phase) && c.Key.Outcome[0] == '4')
                .GroupBy(c => c.Key.Outcome).OrderByDescending(g => g.Sum(c => c.Value)).Select(g => $"{g.Key} × {g.Sum(c => c.Value)}");
            md.AppendLine($"| {name} | {Count(_ => true, phase)} | {Count(o => o == "2xx", phase)} | {string.Join("; ", fours)} | " +
                          $"{Count(o => o == "503", phase)} | {Count(o => o == "500", phase)} | {Count(o => Is5xx(o) && o is not "500" and not "503", phase)} | " +
                          $"{Count(o => o == "connection error", phase)} | {Count(o => o == "timeout", phase)} |");
        }
        md.AppendLine();
        md.AppendLine("By node:");
        md.AppendLine();
        md.AppendLine("| phase | node | requests | 2xx | 4xx | 5xx | connection errors | timeouts |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in phases)
            foreach (var node in ends.Select(e => e.Node))
                md.AppendLine($"| {phase} | {node} | {Count(_ => true, phase, node)} | {Count(o => o == "2xx", phase, node)} | {Count(o => o[0] == '4', phase, node)} | " +
                              $"{Count(Is5xx, phase, node)} | {Count(o => o == "connection error", phase, node)} | {Count(o => o == "timeout", phase, node)} |");
        md.AppendLine();

        if (tally.Failures.Count > 0)
        {
            md.AppendLine("Server errors by request, and requests without an answer by node, with the first answer or message of each kind:");
            md.AppendLine();
            md.AppendLine("| what | count | first answer |");
            md.AppendLine("|---|---:|---|");
            foreach (var (request, (count, first)) in tally.Failures.OrderByDescending(e => e.Value.Count))
                md.AppendLine($"| `{request}` | {count} | {Cell(first)} |");
            md.AppendLine();
        }

        md.AppendLine("### Seconds to recover");
        md.AppendLine();
        md.AppendLine("From the node's restart, or from PostgreSQL accepting connections again, until the node's `/health/ready` " +
                      "answered 200 and until it acknowledged a write (a probe draft, polled every 250 ms); — means not before the run ended.");
        md.AppendLine();
        md.AppendLine("| after | node | ready after (s) | a write 2xx after (s) |");
        md.AppendLine("|---|---|---:|---:|");
        foreach (var r in recoveries) md.AppendLine($"| {r.After} | {r.Node} | {F(r.Ready)} | {F(r.Writes)} |");
        md.AppendLine();

        md.AppendLine("### The nodes at the end");
        md.AppendLine();
        md.AppendLine("| node | process | `/health/ready` | `GET /audit/log/verify` | last critical log entry |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var e in ends)
            md.AppendLine($"| {e.Node} | {(e.Alive ? "running" : "gone")} | {e.Ready} | {e.Integrity} | {Cell(e.LastCritical ?? "")} |");
        md.AppendLine();

        md.AppendLine("### Machine");
        md.AppendLine();
        md.AppendLine($"{machine.Cores} cores ({machine.Cpu}), {machine.Memory}, {machine.Os}, {machine.Dotnet}; " +
                      $"{machine.PostgreSql.Split(" on ")[0]} ({string.Join(", ", machine.Settings.Select(s => $"{s.Name} {s.Value}"))}); " +
                      $"load average {machine.LoadAverage} at the end (the machine is shared: other work shows up here).");
        md.AppendLine();
        md.AppendLine(End);
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");

    private static void Details(StringBuilder md, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        md.AppendLine();
        md.AppendLine($"{title} ({items.Count}{(items.Count > 20 ? ", the first 20" : "")}):");
        md.AppendLine();
        foreach (var item in items.Take(20)) md.AppendLine($"- {item}");
    }
}
