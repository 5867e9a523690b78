using System.Text.Json.Serialization;

namespace CatalogHub.Audit.Integrity;

[JsonConverter(typeof(JsonStringEnumConverter<Finding>))]
public enum Finding
{
    /// <summary>The event's content no longer matches its seal.</summary>
    [JsonStringEnumMemberName("modified")] Modified,
    /// <summary>A sealed event is gone from the store.</summary>
    [JsonStringEnumMemberName("deleted")] Deleted,
    /// <summary>An unsealed event sits inside the sealed part of its stream: it was inserted into the past.</summary>
    [JsonStringEnumMemberName("inserted")] Inserted,
}

public sealed record IntegrityFinding(long Sequence, Guid StreamId, long Version, Finding Problem);

/// <summary>
/// The result of recomputing every seal. <c>StoreDigest</c> summarises all stream heads: keep it, and a later
/// report with the same heads must show the same digest.
/// </summary>
public sealed record IntegrityReport(
    DateTimeOffset CheckedAt, long EventsChecked, long SealedEvents, long UnsealedEvents, bool Intact,
    IReadOnlyList<IntegrityFinding> Findings, string StoreDigest);

public static class Verification
{
    /// <summary>Recomputes each sealed event's digest from the stored digest of its predecessor, so one altered event is reported alone.</summary>
    public static async Task<IntegrityReport> Verify(IQuerySession session, SealKey key, Guid? streamId, DateTimeOffset now, CancellationToken ct)
    {
        var filter = streamId is null ? $" where {EventRow.Recorded}" : $" where {EventRow.Recorded} and e.stream_id = ?";
        object[] args = streamId is null ? [] : [streamId];
        var rows = (await session.AdvancedSql.QueryAsync<string>($"{EventRow.Select}{filter} order by e.stream_id, e.version", ct, args))
            .Select(EventRow.Parse).ToList();
        var seals = streamId is null
            ? await session.Query<EventSeal>().ToListAsync(ct)
            : await session.Query<EventSeal>().Where(s => s.StreamId == streamId).ToListAsync(ct);
        var heads = streamId is null
            ? await session.Query<SealedStream>().ToListAsync(ct)
            : await session.Query<SealedStream>().Where(h => h.Id == streamId).ToListAsync(ct);

        var sealBySequence = seals.ToDictionary(s => s.Id);
        var sealByPosition = seals.ToDictionary(s => (s.StreamId, s.Version));
        var headOf = heads.ToDictionary(h => h.Id);
        var findings = new List<IntegrityFinding>();
        long sealedCount = 0, unsealed = 0;

        foreach (var row in rows)
        {
            if (!sealBySequence.TryGetValue(row.Sequence, out var seal) || seal.StreamId != row.StreamId || seal.Version != row.Version)
            {
                unsealed++;
                if (headOf.TryGetValue(row.StreamId, out var head) && row.Version <= head.Version)
                    findings.Add(new IntegrityFinding(row.Sequence, row.StreamId, row.Version, Finding.Inserted));
                continue;
            }
            sealedCount++;
            var previous = row.Version == 1 ? "" : sealByPosition.GetValueOrDefault((row.StreamId, row.Version - 1))?.Mac;
            if (previous is null || key.Mac(previous, row) != seal.Mac)
                findings.Add(new IntegrityFinding(row.Sequence, row.StreamId, row.Version, Finding.Modified));
        }
        var present = rows.Select(r => r.Sequence).ToHashSet();
        findings.AddRange(seals.Where(s => !present.Contains(s.Id))
            .Select(s => new IntegrityFinding(s.Id, s.StreamId, s.Version, Finding.Deleted)));

        return new IntegrityReport(now, rows.Count, sealedCount, unsealed, findings.Count == 0,
            [.. findings.OrderBy(f => f.Sequence)], key.StoreDigest(heads));
    }
}
