using System.Net;
using System.Threading.RateLimiting;

namespace CatalogHub.Departments;

/// <summary>
/// Slows down key guessing: failed authentications are counted per client address and per key id in fixed windows
/// (<c>CATALOGHUB_AUTH_FAILURE_LIMIT</c> failures, default 10, per <c>CATALOGHUB_AUTH_FAILURE_WINDOW_SECONDS</c>, default 60).
/// Successful requests are never counted.
/// <list type="bullet">
/// <item>A client address over its limit is refused (429) before its key is even looked at, so its guesses teach it nothing.</item>
/// <item>A key id over its limit is refused to every client that has itself failed in the window, so guesses spread over many
/// addresses get one try each; a client with no failures is still heard, so the key's own department keeps working.</item>
/// </list>
/// Built on the framework's rate limiters (System.Threading.RateLimiting, what ASP.NET Core's rate-limiting middleware
/// runs on) rather than on that middleware, because the middleware counts every request before authentication has
/// decided, and counting must happen only once a key has failed. Counts live in this node's memory: each node limits on its own.
/// </summary>
public sealed class AuthenticationThrottle : IDisposable
{
    public const string LimitSetting = "CATALOGHUB_AUTH_FAILURE_LIMIT";
    public const string WindowSetting = "CATALOGHUB_AUTH_FAILURE_WINDOW_SECONDS";

    private readonly PartitionedRateLimiter<string> _failures;
    private readonly int _limit;
    private readonly TimeSpan _quiet;
    // When the latest failure was counted (a Stopwatch timestamp; 0 before the first).
    private long _lastFailure;

    public AuthenticationThrottle(IConfiguration config)
    {
        _limit = config.GetValue(LimitSetting, 10);
        var window = TimeSpan.FromSeconds(config.GetValue(WindowSetting, 60));
        // A fixed window ends at most a window after a failure in it, and the limiter's timer turns it within a tenth of a second.
        _quiet = window + TimeSpan.FromSeconds(1);
        _failures = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(partition,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = _limit, Window = window, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>When this attempt must be refused unheard: how long until the client may try again; null to hear it.</summary>
    public TimeSpan? Refusal(IPAddress? client, string? keyId)
    {
        // No failure counted within a window: every partition is full, so nothing is refused, and no limiter (whose partitions
        // sit behind one lock, taken by every authenticated request before this) is asked.
        if (_limit > 0 && Volatile.Read(ref _lastFailure) is var last && (last == 0 || System.Diagnostics.Stopwatch.GetElapsedTime(last) > _quiet))
            return null;
        var byClient = Client(client);
        var clientPermits = Available(byClient);
        if (clientPermits == 0) return RetryAfter(byClient);
        return keyId is not null && Available(Key(keyId)) == 0 && clientPermits < _limit ? RetryAfter(Key(keyId)) : null;
    }

    /// <param name="keyId">Null for a key too malformed to name one: it counts against the client only.</param>
    public void Failed(IPAddress? client, string? keyId)
    {
        Volatile.Write(ref _lastFailure, System.Diagnostics.Stopwatch.GetTimestamp());
        _failures.AttemptAcquire(Client(client)).Dispose();
        if (keyId is not null) _failures.AttemptAcquire(Key(keyId)).Dispose();
    }

    private static string Client(IPAddress? address) => "client:" + (address?.ToString() ?? "unknown");
    private static string Key(string keyId) => "key:" + keyId;

    private long Available(string partition) => _failures.GetStatistics(partition)?.CurrentAvailablePermits ?? long.MaxValue;

    private TimeSpan RetryAfter(string partition)
    {
        // The partition is exhausted, so this acquisition fails and consumes nothing; its lease says when the window turns.
        using var lease = _failures.AttemptAcquire(partition);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _failures.Dispose();
}
