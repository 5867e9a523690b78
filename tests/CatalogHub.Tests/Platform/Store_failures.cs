using System.Net.Sockets;
using CatalogHub.Platform;
using Marten.Exceptions;
using Npgsql;

namespace CatalogHub.Tests.Platform;

/// <summary>What counts as "the store is unavailable", however Marten and Wolverine wrap it.</summary>
public sealed class Store_failures
{
    private static MartenCommandException Wrapped(Exception e) => new(new NpgsqlCommand("select 1"), e);

    private static PostgresException Postgres(string sqlState) => new("the server says so", "FATAL", "FATAL", sqlState);

    public static TheoryData<string> UnavailableStates => ["08006", "08001", "57P01", "57P02", "57P03", "53300"];

    [Theory]
    [MemberData(nameof(UnavailableStates))]
    public void a_connection_or_shutdown_sqlstate_inside_marten_s_wrapper_is_unavailability(string sqlState) =>
        Assert.True(StoreFailures.IsUnavailable(Wrapped(Postgres(sqlState))));

    [Fact]
    public void a_broken_socket_or_timeout_is_unavailability_at_any_depth()
    {
        Assert.True(StoreFailures.IsUnavailable(Wrapped(new NpgsqlException("Exception while reading from stream", new EndOfStreamException()))));
        Assert.True(StoreFailures.IsUnavailable(new AggregateException(new InvalidOperationException("handler failed",
            Wrapped(new NpgsqlException("Failed to connect to 127.0.0.1:55432", new SocketException((int)SocketError.ConnectionRefused)))))));
        Assert.True(StoreFailures.IsUnavailable(new TimeoutException()));
    }

    [Fact]
    public void statement_errors_cancellations_and_webhook_failures_are_not_unavailability()
    {
        Assert.False(StoreFailures.IsUnavailable(Wrapped(Postgres(PostgresErrorCodes.UniqueViolation))));
        Assert.False(StoreFailures.IsUnavailable(Wrapped(Postgres(PostgresErrorCodes.UndefinedColumn))));
        Assert.False(StoreFailures.IsUnavailable(new JasperFx.ConcurrencyException("stale", typeof(object), Guid.NewGuid())));
        Assert.False(StoreFailures.IsUnavailable(new TaskCanceledException("timed out", new TimeoutException())));
        Assert.False(StoreFailures.IsUnavailable(new HttpRequestException("subscriber unreachable", new SocketException((int)SocketError.ConnectionRefused))));
    }

    [Fact]
    public void an_unavailable_store_maps_to_503_and_a_stale_write_stays_412()
    {
        Assert.Equal(503, ExceptionProblems.Map(Wrapped(Postgres("57P01"))).Status);
        Assert.Equal(412, ExceptionProblems.Map(new JasperFx.ConcurrencyException("stale", typeof(object), Guid.NewGuid())).Status);
        Assert.Equal(500, ExceptionProblems.Map(new InvalidOperationException("a bug")).Status);
    }
}
