using System.Diagnostics.Metrics;
using System.Globalization;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CatalogHub.Platform;

/// <summary>
/// Reads from a streaming-replication hot standby (docs/scaling.md). With <c>CATALOGHUB_READ_DB</c> set to a multi-host
/// connection string (the standby first, the primary after it), the public catalogue and history reads — endpoints marked
/// <see cref="ReadsFromStandbyAttribute"/> — run on the standby, and fall back to the primary when no standby answers: Npgsql's
/// multi-host data source with <c>PreferStandby</c> does the choosing, so losing the standby costs no error. Writes, drafts
/// (a department reads its own writes) and the basis check's index stay on the primary. Every answer read this way says
/// where it was read and how far behind the primary that server was (<see cref="SourceHeader"/>, <see cref="LagHeader"/>).
/// Without the setting nothing changes.
/// </summary>
public sealed class StandbyReads : IAsyncDisposable
{
    public const string Setting = "CATALOGHUB_READ_DB";
    public const string SourceHeader = "X-Read-From";
    public const string LagHeader = "X-Read-Lag-Seconds";

    /// <summary>
    /// How far behind the primary the server is: 0 on the primary and on a standby that streams from the primary and has
    /// replayed all it received (an idle primary sends nothing, so such a standby is not "behind"); else the age of the last
    /// transaction it replayed. A standby cut off from its primary has also replayed all it received, so "streaming" is asked
    /// of its WAL receiver: without it the lag would read 0 however old the data. The receiver's status is visible to
    /// superusers and members of pg_read_all_stats (docs/scaling.md); for other roles it reads null and counts as streaming.
    /// </summary>
    private const string Freshness = """
        select pg_is_in_recovery(),
               case when not pg_is_in_recovery() then 0
                    when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
                         and exists (select from pg_stat_wal_receiver where coalesce(status, 'streaming') = 'streaming') then 0
                    else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0) end::float8
        """;

    private readonly NpgsqlMultiHostDataSource? _source;
    private double _lastLag;
    private int _lastOnStandby = -1;

    public StandbyReads(IConfiguration config, IMeterFactory meters)
    {
        if (config[Setting] is not { Length: > 0 } connection) return;
        _source = new NpgsqlDataSourceBuilder(Hosting.ForServing(connection)).BuildMultiHost();
        var meter = meters.Create(HubMetrics.MeterName);
        meter.CreateObservableGauge("cataloghub.standby.lag", () => Volatile.Read(ref _lastLag), "s",
            "How far the server the last standby read went to was behind the primary (0: caught up, or the primary answered).");
        meter.CreateObservableGauge("cataloghub.standby.serving", () => Volatile.Read(ref _lastOnStandby), null,
            "1 when the last standby read was answered by the standby, 0 when it fell back to the primary, -1 before any.");
    }

    public bool Configured => _source is not null;

    /// <summary>
    /// A connection for the current request's reads, on the standby when one answers; its freshness goes into the response's
    /// headers. The request disposes it. Synchronous because Marten asks its session factory for a session synchronously.
    /// </summary>
    public NpgsqlConnection Open(HttpContext http)
    {
        for (var attempt = 1; ; attempt++)
        {
            var connection = _source!.OpenConnection(TargetSessionAttributes.PreferStandby);
            try
            {
                var (onStandby, lag) = Measure(connection);
                http.Response.RegisterForDisposeAsync(connection);
                http.Response.Headers[SourceHeader] = onStandby ? "standby" : "primary";
                http.Response.Headers[LagHeader] = lag.ToString("0.000", CultureInfo.InvariantCulture);
                return connection;
            }
            // A pooled connection to a standby that has just gone away breaks on first use; Npgsql then drops that host's
            // pool, and the next attempt connects afresh: to the standby if it is back, else to the primary.
            catch (Exception e) when (attempt < 3 && StoreFailures.IsUnavailable(e))
            {
                connection.Dispose();
            }
        }
    }

    /// <summary>The standby alone (no fallback): for the readiness report.</summary>
    public async Task<(bool OnStandby, double Lag)> ProbeStandby(CancellationToken ct)
    {
        await using var connection = await _source!.OpenConnectionAsync(TargetSessionAttributes.Standby, ct);
        await using var command = new NpgsqlCommand(Freshness, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return Record(reader.GetBoolean(0), reader.GetDouble(1));
    }

    private (bool, double) Measure(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand(Freshness, connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return Record(reader.GetBoolean(0), reader.GetDouble(1));
    }

    private (bool, double) Record(bool onStandby, double lag)
    {
        Volatile.Write(ref _lastLag, lag);
        Volatile.Write(ref _lastOnStandby, onStandby ? 1 : 0);
        return (onStandby, lag);
    }

    public async ValueTask DisposeAsync()
    {
        if (_source is not null) await _source.DisposeAsync();
    }
}

/// <summary>
/// A standby read whose server went away while it ran (its connection broke mid-statement, after <see cref="StandbyReads.Open"/>
/// chose it) runs once more, on a fresh connection: Npgsql then finds the standby gone and the primary answers. Without this
/// the reads in flight when a standby stops under load failed. Only reads (GET; HEAD arrives as one) that wrote nothing yet
/// are run again; a second failure is the store's (503).
/// </summary>
public sealed class StandbyFallback(RequestDelegate next, StandbyReads standby)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!standby.Configured || !HttpMethods.IsGet(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<ReadsFromStandbyAttribute>() is null)
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (StoreFailures.IsUnavailable(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // In a scope of its own: an endpoint given the request's query session would otherwise get the broken one again.
            await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var requestServices = context.RequestServices;
            context.RequestServices = scope.ServiceProvider;
            try
            {
                await next(context);
            }
            finally
            {
                context.RequestServices = requestServices;
            }
        }
    }
}

/// <summary>Endpoint metadata: this read may be answered by the standby (see <see cref="StandbyReads"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadsFromStandbyAttribute : Attribute;

/// <summary>
/// Marten's sessions for the application's services: a query session of an endpoint marked <see cref="ReadsFromStandbyAttribute"/>
/// runs on the standby's connection when one is configured; every other session is the store's own, on the primary.
/// </summary>
public sealed class HubSessions(IDocumentStore store, IHttpContextAccessor accessor, StandbyReads standby) : ISessionFactory
{
    public IQuerySession QuerySession() =>
        standby.Configured && accessor.HttpContext is { } http && http.GetEndpoint()?.Metadata.GetMetadata<ReadsFromStandbyAttribute>() is not null
            ? store.QuerySession(Marten.Services.SessionOptions.ForConnection(standby.Open(http)))
            : store.QuerySession();

    public IDocumentSession OpenSession() => store.LightweightSession();
}

/// <summary>
/// The standby in <c>/health/ready</c> (healthy when none is configured): degraded, never unhealthy, when it does not answer or lags beyond
/// <c>CATALOGHUB_STANDBY_MAX_LAG_SECONDS</c> (30 by default) — the node still serves every read from the primary.
/// </summary>
public sealed class StandbyHealthCheck(StandbyReads standby, IConfiguration config) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!standby.Configured) return HealthCheckResult.Healthy($"No standby is configured ({StandbyReads.Setting}): every read goes to the primary.");
        var bound = config.GetValue("CATALOGHUB_STANDBY_MAX_LAG_SECONDS", 30.0);
        try
        {
            var (_, lag) = await standby.ProbeStandby(cancellationToken);
            var data = new Dictionary<string, object> { ["lagSeconds"] = Math.Round(lag, 3) };
            return lag <= bound
                ? HealthCheckResult.Healthy($"The standby is {lag:0.###} s behind the primary.", data)
                : HealthCheckResult.Degraded($"The standby is {lag:0.###} s behind the primary (bound {bound} s): reads it answers are that old.", data: data);
        }
        // No standby at all is "no suitable host", not a transient failure of one.
        catch (Exception e) when (StoreFailures.IsUnavailable(e) || e is NpgsqlException)
        {
            return HealthCheckResult.Degraded("No standby answers: catalogue and history reads go to the primary.", e);
        }
    }
}
