using CatalogHub.Catalogue;
using CatalogHub.Catalogue.Drafting;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;

namespace CatalogHub.Bench.Chaos;

/// <summary>A department of 许昌市 registered for the run, with its key and the items of its sector it drafts.</summary>
public sealed record Writer(string Code, string Name, string Key, ItemTemplate[] Items);

/// <summary>
/// What one department's case-management system does all day, against both nodes as a load balancer would send it:
/// draft an item (a fresh Idempotency-Key per logical write), read it back on the other node, revise it, submit it,
/// have the city's catalogue manager publish it (each change with If-Match), read the published entry. A write is
/// retried with the same key or the same If-Match, alternating nodes, until it is answered; every 2xx goes into the
/// ledger. In the "concurrent edits" phase the owner and the catalogue manager revise the same draft at once.
/// </summary>
public sealed class Workload(HubClient client, Node[] nodes, Ledger ledger, Timeline timeline, string managerKey)
{
    public const string City = "411000";
    public const string RacePhase = "concurrent edits";

    /// <summary>How long a client keeps retrying one write before it gives up and reports a failure to its user.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private sealed record Result(Answer Answer, Node Node, bool Ambiguous, string Why);

    public async Task Run(int worker, Writer writer, CancellationToken ct)
    {
        try
        {
            for (var cycle = 0; ; cycle++)
            {
                try
                {
                    await Cycle(worker + cycle, writer, writer.Items[cycle % writer.Items.Length], cycle, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // An answer this client cannot use (say, a 2xx whose body is not the resource) ends the cycle, not the run.
                    ledger.NotAcknowledged(new NotAcknowledged($"worker {worker} cycle {cycle}", "cycle", null, $"client failed: {e.GetType().Name}: {e.Message}", timeline.Phase));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private async Task Cycle(int first, Writer writer, ItemTemplate template, int cycle, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        // Each worker drafts the items of its own sector, so the code is unique to this logical write.
        var itemCode = $"{template.Code}-{cycle:D4}";
        var variants = Xuchang.Variants[template.Category];
        var content = new EntryContent($"{template.Name}（{variants[cycle % variants.Length]}）", template.Category, writer.Name, writer.Name,
            template.Bases, $"410000-{template.Code}");
        var key = Guid.NewGuid().ToString();
        var phase = timeline.Phase;
        Result created;
        try
        {
            created = await UntilAnswered(first, node => client.Send(node, HttpMethod.Post, "/catalogue/entries", writer.Key,
                new DraftEntry(itemCode, City, content, null, "依据《许昌市政务服务条例》编制基本目录"), idempotencyKey: key), ct);
        }
        catch (OperationCanceledException)
        {
            ledger.NotAcknowledged(new NotAcknowledged(key, "create", itemCode, "still being retried when the run ended", phase));
            throw;
        }
        if (!created.Answer.Ok)
        {
            ledger.NotAcknowledged(new NotAcknowledged(key, "create", itemCode, created.Why, phase));
            return;
        }
        long? version = created.Answer.Version ?? 1;
        if (created.Answer.Id is not { } id)
        {
            // Acknowledged, but the client cannot tell which entry it created: the ledger checks the item code instead.
            ledger.Acknowledged(new Ack(key, "create", created.Node.Name, Guid.Empty, version.Value, itemCode, phase, timeline.Now));
            Interlocked.Increment(ref ledger.AnswersWithoutId);
            return;
        }
        ledger.Acknowledged(new Ack(key, "create", created.Node.Name, id, version.Value, itemCode, phase, timeline.Now));
        await ReadBack(Other(created.Node), $"/catalogue/entries/{id}/draft", writer.Key, version.Value, ct);

        var revised = content with { Name = content.Name + "（修订）" };
        version = timeline.Phase == RacePhase
            ? await Race(id, version.Value, writer, revised, ct)
            : await Change("revise", id, version.Value, first + 1, writer.Key, revised.Name, (node, v) => client.Send(node, HttpMethod.Put,
                $"/catalogue/entries/{id}/draft", writer.Key, new ReviseItem<EntryContent>(revised, "补充设定依据"), v), ct);
        if (version is null) return;
        version = await Change("submit", id, version.Value, first, writer.Key, null, (node, v) => client.Send(node, HttpMethod.Post,
            $"/catalogue/entries/{id}/submit", writer.Key, new SubmitForReview("材料齐全，提交审核"), v), ct);
        if (version is null) return;
        version = await Change("publish", id, version.Value, first + 1, managerKey, null, (node, v) => client.Send(node, HttpMethod.Post,
            $"/catalogue/entries/{id}/publish", managerKey, new Publish(null, "首次公布", "经审核同意公布"), v), ct);
        if (version is null) return;
        await ReadBack(nodes[first % nodes.Length], $"/catalogue/entries/{id}", null, null, ct);
        if (cycle % 5 == 0 && !ct.IsCancellationRequested)
            await client.Send(nodes[(first + 1) % nodes.Length], HttpMethod.Get, $"/regions/{City}/catalogue?pageSize=20", null);
    }

    /// <summary>
    /// One change sent with If-Match until answered. A 412 after an attempt that got no answer means that attempt
    /// may have committed: the client reads the entry to learn whether it did, and carries on from there.
    /// </summary>
    private async Task<long?> Change(string operation, Guid id, long version, int first, string apiKey, string? fingerprint,
        Func<Node, long, Task<Answer>> send, CancellationToken ct)
    {
        var logical = $"{id}@{version}";
        var phase = timeline.Phase;
        var result = await UntilAnswered(first, node => send(node, version), ct);
        if (result.Answer.Ok)
        {
            var next = result.Answer.Version ?? version + 1;
            ledger.Acknowledged(new Ack(logical, operation, result.Node.Name, id, next, fingerprint, phase, timeline.Now));
            return next;
        }
        if (result.Answer.Status == 412 && result.Ambiguous && await CurrentVersion(id, apiKey, first, ct) == version + 1)
        {
            ledger.NotAcknowledged(new NotAcknowledged(logical, operation, null, "applied by an attempt that got no answer (learnt by reading)", phase));
            return version + 1;
        }
        ledger.NotAcknowledged(new NotAcknowledged(logical, operation, null, result.Why, phase));
        return null;
    }

    /// <summary>Two departments edit the same draft at once, each with the version it read, one on each node: one may win.</summary>
    private async Task<long?> Race(Guid id, long version, Writer owner, EntryContent revised, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var phase = timeline.Phase;
        var byManager = revised with { Name = revised.Name.Replace("（修订）", "（管理部门修订）") };
        var edits = new[] { (Node: nodes[0], Key: owner.Key, Content: revised), (Node: nodes[1], Key: managerKey, Content: byManager) };
        var answers = await Task.WhenAll(edits.Select(e => client.Send(e.Node, HttpMethod.Put, $"/catalogue/entries/{id}/draft", e.Key,
            new ReviseItem<EntryContent>(e.Content, "同时修订"), version)));
        for (var i = 0; i < edits.Length; i++)
        {
            var logical = $"{id}@{version}:{edits[i].Node.Name}";
            if (answers[i].Ok)
                ledger.Acknowledged(new Ack(logical, "revise", edits[i].Node.Name, id, answers[i].Version ?? version + 1, edits[i].Content.Name, phase, timeline.Now));
            else if (answers[i].Status != 412)
                ledger.NotAcknowledged(new NotAcknowledged(logical, "revise", null, answers[i].Outcome, phase));
        }
        return await CurrentVersion(id, owner.Key, 0, ct);
    }

    private async Task<long?> CurrentVersion(Guid id, string apiKey, int first, CancellationToken ct)
    {
        var read = await UntilAnswered(first, node => client.Send(node, HttpMethod.Get, $"/catalogue/entries/{id}/draft", apiKey), ct);
        return read.Answer.Ok ? read.Answer.Version : null;
    }

    /// <summary>Reads an acknowledged write on the other node once: a 404 or an older version there is a stale read.</summary>
    private async Task ReadBack(Node node, string path, string? apiKey, long? version, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var read = await client.Send(node, HttpMethod.Get, path, apiKey);
        if (read.Status == 404 || (read.Ok && version is { } v && read.Version < v))
            Interlocked.Increment(ref ledger.StaleReads);
    }

    /// <summary>
    /// The end of the run stops new attempts and retries, never an attempt in flight: its answer is still recorded, so
    /// a write the client cut off does not pass for one the hub left unanswered.
    /// </summary>
    private async Task<Result> UntilAnswered(int first, Func<Node, Task<Answer>> attempt, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var started = timeline.Now;
        var delay = TimeSpan.FromMilliseconds(100);
        var ambiguous = false;
        for (var n = 0; ; n++)
        {
            var node = nodes[(first + n) % nodes.Length];
            var answer = await attempt(node);
            if (!answer.Retryable) return new Result(answer, node, ambiguous, answer.Outcome);
            ambiguous |= answer.Ambiguous;
            if (timeline.Now - started > GiveUpAfter.TotalSeconds)
                return new Result(answer, node, ambiguous, $"gave up after {GiveUpAfter.TotalSeconds:F0} s of retries, the last {answer.Outcome}");
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2_000));
        }
    }

    private Node Other(Node node) => nodes[(Array.IndexOf(nodes, node) + 1) % nodes.Length];
}
