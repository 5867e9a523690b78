using System.Collections.Concurrent;
using System.Text.Json;
using Npgsql;

namespace CatalogHub.Bench.Chaos;

/// <summary>
/// A write the client was told succeeded (2xx). <paramref name="Key"/> names the logical write: the Idempotency-Key
/// of a create, <c>{entry}@{version}</c> of a change sent with If-Match. <paramref name="Fingerprint"/> is what the
/// stored event must carry: the item code of a create, the new name of a revision.
/// </summary>
public sealed record Ack(string Key, string Operation, string Node, Guid EntryId, long Version, string? Fingerprint, string Phase, double At);

/// <summary>A logical write that never got a 2xx: refused, given up, or whose effect the client learnt only by reading.</summary>
public sealed record NotAcknowledged(string Key, string Operation, string? ItemCode, string Why, string Phase);

/// <summary>What the database holds of the acknowledged writes, checked after the run.</summary>
public sealed record Verdict(
    int Acknowledged, int Present, IReadOnlyList<string> Lost, IReadOnlyList<string> Duplicated,
    IReadOnlyList<string> CommittedWithoutAnswer, long Tombstones, long Events)
{
    public bool Holds => Lost.Count == 0 && Duplicated.Count == 0;
}

/// <summary>Every acknowledged write of the run, and the check of each against the store.</summary>
public sealed class Ledger
{
    private readonly ConcurrentQueue<Ack> _acks = new();
    private readonly ConcurrentQueue<NotAcknowledged> _others = new();

    public IReadOnlyCollection<Ack> Acks => _acks;
    public IReadOnlyCollection<NotAcknowledged> Others => _others;

    /// <summary>Reads on the other node that did not show an acknowledged write (404, or an older version).</summary>
    public int StaleReads;

    /// <summary>Creates answered 2xx with no entry id in the body (a replay of an empty answer, for one).</summary>
    public int AnswersWithoutId;

    public void Acknowledged(Ack ack) => _acks.Enqueue(ack);

    public void NotAcknowledged(NotAcknowledged write) => _others.Enqueue(write);

    public async Task Save(string file)
    {
        await using var writer = new StreamWriter(file);
        foreach (var ack in _acks) await writer.WriteLineAsync(JsonSerializer.Serialize(ack, Platform.ApiJson.Options));
        foreach (var other in _others) await writer.WriteLineAsync(JsonSerializer.Serialize(other, Platform.ApiJson.Options));
    }

    private static readonly Dictionary<string, string> EventTypes = new()
    {
        ["create"] = "entry_drafted", ["probe"] = "entry_drafted", ["revise"] = "entry_draft_revised",
        ["submit"] = "entry_submitted_for_review", ["publish"] = "entry_published",
    };

    /// <summary>
    /// Lost: acknowledged, but the event at that stream version is missing, of another type, or carries other
    /// content (a publish also needs its version document). Duplicated: one logical write stored twice (an item
    /// code drafted in two streams, one key answered with two ids, a step recorded twice in one entry).
    /// </summary>
    public async Task<Verdict> Verify(NpgsqlDataSource db)
    {
        var stored = new Dictionary<(Guid, long), (string? Type, string? ItemCode, string? Name)>();
        var drafted = new Dictionary<string, List<Guid>>();
        await using (var events = db.CreateCommand(
            "select stream_id, version, type, data->>'itemCode', data->'content'->>'name' from cataloghub.mt_events where type like 'entry_%'"))
        await using (var reader = await events.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var (stream, version, type) = (reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2));
                var itemCode = reader.IsDBNull(3) ? null : reader.GetString(3);
                stored[(stream, version)] = (type, itemCode, reader.IsDBNull(4) ? null : reader.GetString(4));
                if (type == "entry_drafted" && itemCode is not null)
                    (drafted.TryGetValue(itemCode, out var ids) ? ids : drafted[itemCode] = []).Add(stream);
            }
        }
        var versioned = new HashSet<Guid>();
        await using (var versions = db.CreateCommand("select entry_id from cataloghub.mt_doc_entry_version"))
        await using (var reader = await versions.ExecuteReaderAsync())
            while (await reader.ReadAsync()) versioned.Add(reader.GetGuid(0));

        var lost = new List<string>();
        foreach (var ack in _acks)
        {
            (string? Type, string? ItemCode, string? Name) e = default;
            // An acknowledged create without an id is present if its item code was drafted.
            var present = ack.EntryId == Guid.Empty ? ack.Fingerprint is not null && drafted.ContainsKey(ack.Fingerprint)
                : stored.TryGetValue((ack.EntryId, ack.Version), out e) && e.Type == EventTypes[ack.Operation]
                && ack.Operation switch
                {
                    "create" or "probe" => e.ItemCode == ack.Fingerprint,
                    "revise" => e.Name == ack.Fingerprint,
                    "publish" => versioned.Contains(ack.EntryId),
                    _ => true,
                };
            if (!present)
                lost.Add($"{ack.Operation} {ack.EntryId} v{ack.Version} acknowledged by node {ack.Node} in '{ack.Phase}' at {ack.At:F1} s: " +
                         (e.Type is null ? "no event at that version" : $"found {e.Type} ({e.ItemCode ?? e.Name})"));
        }

        var duplicated = new List<string>();
        duplicated.AddRange(drafted.Where(d => d.Value.Count > 1).Select(d => $"item code {d.Key} drafted in {d.Value.Count} entries"));
        duplicated.AddRange(_acks.Where(a => a.Operation is "create" or "probe").GroupBy(a => a.Key)
            .Where(g => g.Select(a => a.EntryId).Where(id => id != Guid.Empty).Distinct().Count() > 1)
            .Select(g => $"Idempotency-Key {g.Key} answered with {g.Select(a => a.EntryId).Distinct().Count()} different entries"));
        // The workload takes each entry through each step once; a step stored twice is a write applied twice.
        duplicated.AddRange(stored.Where(s => s.Value.Type != "entry_drafted").GroupBy(s => (s.Key.Item1, s.Value.Type))
            .Where(g => g.Count() > 1).Select(g => $"{g.Key.Type} stored {g.Count()} times in entry {g.Key.Item1}"));

        var committedWithoutAnswer = _others.Where(o => o.ItemCode is not null && drafted.ContainsKey(o.ItemCode))
            .Select(o => $"{o.Operation} of {o.ItemCode} in '{o.Phase}': {o.Why}").ToList();
        return new Verdict(_acks.Count, _acks.Count - lost.Count, lost, duplicated, committedWithoutAnswer,
            await Scalar(db, "select count(*) from cataloghub.mt_events where type = 'tombstone'"),
            await Scalar(db, "select count(*) from cataloghub.mt_events"));
    }

    private static async Task<long> Scalar(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
