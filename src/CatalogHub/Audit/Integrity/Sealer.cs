using JasperFx;

namespace CatalogHub.Audit.Integrity;

/// <summary>
/// Seals every event not sealed yet, stream by stream, in batches. Runs in the background and on demand;
/// two sealers racing on the same events cannot both commit, because seals are inserted, never overwritten.
/// </summary>
public sealed class Sealer(IDocumentStore store, SealKey key)
{
    public const int BatchSize = 5000;

    public async Task<long> SealAll(CancellationToken ct)
    {
        long sealedCount = 0;
        while (true)
        {
            var batch = await SealBatch(ct);
            sealedCount += batch;
            if (batch < BatchSize) return sealedCount;
        }
    }

    private async Task<int> SealBatch(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var rows = (await session.AdvancedSql.QueryAsync<string>(
                $"{EventRow.Select} left join cataloghub.mt_doc_sealed_stream s on s.id = e.stream_id " +
                $"where {EventRow.Recorded} and e.version > coalesce(s.version, 0) order by e.stream_id, e.version limit ?", ct, BatchSize))
            .Select(EventRow.Parse).ToList();
        if (rows.Count == 0) return 0;

        foreach (var stream in rows.GroupBy(r => r.StreamId))
        {
            var head = await session.LoadAsync<SealedStream>(stream.Key, ct);
            var mac = head?.Mac ?? "";
            var version = head?.Version ?? 0;
            foreach (var row in stream)
            {
                // A gap would mean an event vanished before it was ever sealed: stop, the verification reports it.
                if (row.Version != version + 1) break;
                mac = key.Mac(mac, row);
                version = row.Version;
                session.Insert(new EventSeal(row.Sequence, row.StreamId, row.Version, mac));
            }
            session.Store(new SealedStream(stream.Key, version, mac));
        }
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            return 0; // another sealer got there first; its seals stand
        }
        return rows.Count;
    }
}

/// <summary>Seals new events every <c>CATALOGHUB_SEAL_INTERVAL_SECONDS</c> (default 30; 0 turns it off), supervised.</summary>
public sealed class SealingService(Sealer sealer, IConfiguration config, Supervision supervision, TimeProvider clock, ILogger<SealingService> logger)
    : SupervisedLoop(supervision, clock, logger)
{
    public const string HealthName = "sealing";

    protected override TimeSpan? Interval =>
        config.GetValue("CATALOGHUB_SEAL_INTERVAL_SECONDS", 30) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null;

    protected override Task RunOnce(CancellationToken ct) => sealer.SealAll(ct);
}
