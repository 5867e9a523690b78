using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JasperFx.Events;

namespace CatalogHub.Audit.Integrity;

/// <summary>The keyed digest of one event, chained to the digest of the previous event of its stream. Id: the event's sequence.</summary>
public sealed record EventSeal(long Id, Guid StreamId, long Version, string Mac);

/// <summary>How far a stream is sealed: its last sealed version and that event's digest.</summary>
public sealed record SealedStream(Guid Id, long Version, string Mac);

/// <summary>An event as read for sealing, in the database's own text forms so the digest never depends on a serializer.</summary>
public sealed record EventRow(long Sequence, Guid StreamId, long Version, string Text)
{
    /// <summary>
    /// Reads <c>mt_events</c> rows as JSON arrays: everything that says what happened and who recorded it.
    /// jsonb's text form is canonical (keys sorted, whitespace normalised), the timestamp is taken in microseconds.
    /// </summary>
    public const string Select =
        "select json_build_array(e.seq_id, e.stream_id, e.version, e.type, (extract(epoch from e.timestamp) * 1000000)::bigint, " +
        "e.data::text, coalesce(e.headers::text, ''), coalesce(e.user_name, ''), coalesce(e.correlation_id, ''))::text " +
        "from cataloghub.mt_events e";

    /// <summary>
    /// The rows that record something that happened. Marten fills the sequence numbers of a failed transaction (a write
    /// that lost its version check) with <c>tombstone</c> rows in a stream of their own, timestamped <c>-infinity</c>:
    /// bookkeeping of the store, not events, so they are neither sealed, verified nor shown to auditors.
    /// </summary>
    public static readonly string Recorded = $"e.type <> '{Tombstone.Name}'";

    public static EventRow Parse(string json)
    {
        var a = JsonNode.Parse(json)!.AsArray();
        var text = string.Join('\u001f', a.Select(n => n!.ToString()));
        return new EventRow(a[0]!.GetValue<long>(), Guid.Parse(a[1]!.GetValue<string>()), a[2]!.GetValue<long>(), text);
    }
}

/// <summary>
/// HMAC-SHA256 over each event chained per stream: <c>mac(v) = HMAC(key, mac(v-1) ‖ event v)</c>. Someone who can
/// write to the database but does not hold the key cannot alter, remove or insert an event without the
/// verification noticing. Chains are per stream because a stream's versions commit strictly in order (Marten
/// refuses a concurrent append), whereas global sequence numbers can commit out of order.
/// </summary>
public sealed class SealKey(byte[] key)
{
    public string Mac(string previousMac, EventRow row) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(previousMac + "\u001e" + row.Text)));

    /// <summary>A digest of every stream head: an auditor who keeps it can later tell whether sealed history changed.</summary>
    public string StoreDigest(IEnumerable<SealedStream> heads) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(
            string.Join('\n', heads.OrderBy(h => h.Id).Select(h => $"{h.Id}:{h.Version}:{h.Mac}")))));

    public const string Setting = "CATALOGHUB_AUDIT_KEY";
    private const string DevelopmentKey = "cataloghub-development-audit-key-not-for-production";

    /// <summary>The configured key; the public development key only in the Development environment, refused elsewhere.</summary>
    public static SealKey From(IConfiguration config, IHostEnvironment environment, ILogger logger)
    {
        if (config[Setting] is { Length: >= 32 } secret && secret != DevelopmentKey) return new SealKey(Encoding.UTF8.GetBytes(secret));
        if (!environment.IsDevelopment())
            throw new InvalidOperationException($"{Setting} is unset, shorter than 32 characters or the public development key, which is " +
                                                $"refused in the '{environment.EnvironmentName}' environment: set it to a secret of at least 32 characters.");
        logger.LogWarning("{Setting} is not set (or shorter than 32 characters): sealing with the development key, which gives no protection", Setting);
        return new SealKey(Encoding.UTF8.GetBytes(DevelopmentKey));
    }
}
