using System.Net.Sockets;
using Npgsql;

namespace CatalogHub.Platform;

/// <summary>
/// The one classification of what the store throws, used by the problem mapping, the health check, the API-key
/// path and every background loop. Marten and JasperFx wrap Npgsql's errors (<c>MartenCommandException</c> and
/// friends) and Wolverine may aggregate them, so the whole InnerException/AggregateException chain is walked.
/// </summary>
public static class StoreFailures
{
    /// <summary>What a client should wait before retrying a request the store could not serve.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// True when PostgreSQL could not be reached or is going away: connection failures, resets and timeouts,
    /// SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, crash, cannot connect now) and 53300
    /// (too many connections), a session whose connection broke. Errors in a statement (constraints, syntax) are not unavailability.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => Chain(exception).Any(Unavailable);

    private static bool Unavailable(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        // A session on a connection given to it (a standby read's) whose server went away mid-request: Npgsql reports the
        // broken connection as an InvalidOperationException, which Marten wraps here; an aborted transaction's cause is
        // its inner exception, classified on its own.
        Marten.Exceptions.SessionTransactionUnusableException { InnerException: InvalidOperationException } => true,
        TimeoutException or SocketException => true,
        _ => false,
    };

    /// <summary>
    /// The exception and everything it wraps. A cancellation is not descended into (an HTTP client's timeout wraps a
    /// TimeoutException that says nothing about the store), nor is an HTTP failure towards a webhook subscriber.
    /// </summary>
    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        for (var seen = 0; pending.Count > 0 && seen < 64; seen++)
        {
            var e = pending.Pop();
            yield return e;
            if (e is OperationCanceledException or HttpRequestException) continue;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (e.InnerException is { } inner) pending.Push(inner);
        }
    }
}
