using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CatalogHub.Platform;

public enum LoopCondition
{
    /// <summary>Started, no pass finished yet.</summary>
    Starting,
    /// <summary>Its last pass succeeded.</summary>
    Running,
    /// <summary>Its last pass failed; it is backing off and will try again.</summary>
    Degraded,
    /// <summary>Turned off by configuration.</summary>
    Disabled,
}

/// <summary>How one background loop is doing. <c>Reason</c> names the failure class, never its message (it may carry data).</summary>
public sealed record LoopState(string Name, LoopCondition Condition, string? Reason, DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt, int ConsecutiveFailures);

/// <summary>
/// What the metrics read of one loop: its passes and failed passes since the node started, and when its last successful
/// pass began (it had then seen everything committed before that instant; null before its first success).
/// </summary>
public sealed record LoopTally(long Runs, long Failures, DateTimeOffset? CaughtUpAt);

/// <summary>Which loop type runs under which health name; one per <see cref="SupervisionRegistration.AddSupervisedLoop{TLoop}"/>.</summary>
public sealed record SupervisedLoopRegistration(Type LoopType, string Name);

/// <summary>The state of every supervised loop of this node, read by <c>/health/ready</c>.</summary>
public sealed class Supervision(IEnumerable<SupervisedLoopRegistration> registrations, TimeProvider clock)
{
    private readonly Dictionary<Type, string> _names = registrations.ToDictionary(r => r.LoopType, r => r.Name);
    private readonly ConcurrentDictionary<string, LoopState> _states = new();
    private readonly ConcurrentDictionary<string, LoopTally> _tallies = new();

    /// <summary>When this node's supervision began: a loop that never succeeded is behind since then.</summary>
    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();

    public string NameOf(Type loopType) => _names.TryGetValue(loopType, out var name) ? name
        : throw new InvalidOperationException($"{loopType.Name} runs unsupervised: register it with AddSupervisedLoop.");

    public LoopState State(string name) => _states.GetValueOrDefault(name) ?? new(name, LoopCondition.Starting, null, null, null, 0);

    public IReadOnlyList<LoopState> States => [.. _names.Values.Select(State)];

    public LoopTally Tally(string name) => _tallies.GetValueOrDefault(name) ?? new(0, 0, null);

    internal void Succeeded(string name, DateTimeOffset startedAt)
    {
        _tallies.AddOrUpdate(name, _ => new(1, 0, startedAt), (_, t) => t with { Runs = t.Runs + 1, CaughtUpAt = startedAt });
        _states.AddOrUpdate(name, _ => new(name, LoopCondition.Running, null, clock.GetUtcNow(), null, 0),
            (_, s) => s with { Condition = LoopCondition.Running, Reason = null, LastSuccessAt = clock.GetUtcNow(), ConsecutiveFailures = 0 });
    }

    internal int Failed(string name, string reason)
    {
        _tallies.AddOrUpdate(name, _ => new(1, 1, null), (_, t) => t with { Runs = t.Runs + 1, Failures = t.Failures + 1 });
        return _states.AddOrUpdate(name, _ => new(name, LoopCondition.Degraded, reason, null, clock.GetUtcNow(), 1),
            (_, s) => s with { Condition = LoopCondition.Degraded, Reason = reason, LastFailureAt = clock.GetUtcNow(),
                ConsecutiveFailures = s.ConsecutiveFailures + 1 }).ConsecutiveFailures;
    }

    internal void Disabled(string name, string reason) => _states[name] = new(name, LoopCondition.Disabled, reason, null, null, 0);

    /// <summary>A random delay between half and all of 1 s × 2^(failures-1), at most <paramref name="max"/>: nodes that failed together do not retry together.</summary>
    public static TimeSpan Backoff(int failures, TimeSpan max)
    {
        var ceiling = Math.Min(max.TotalMilliseconds, 1000 * Math.Pow(2, Math.Min(failures - 1, 16)));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}

public static class SupervisionRegistration
{
    /// <summary>Runs <typeparamref name="TLoop"/> as a hosted service and reports it in <c>/health/ready</c> under <paramref name="name"/>.</summary>
    public static IServiceCollection AddSupervisedLoop<TLoop>(this IServiceCollection services, string name) where TLoop : SupervisedLoop
    {
        services.AddSingleton(new SupervisedLoopRegistration(typeof(TLoop), name));
        services.AddSingleton<TLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<TLoop>());
        services.AddHealthChecks().Add(new HealthCheckRegistration(name,
            sp => new LoopHealthCheck(sp.GetRequiredService<Supervision>(), name), HealthStatus.Degraded, ["ready"]));
        return services;
    }
}

/// <summary>
/// A background loop that cannot stop the host: every pass runs under a catch of everything but shutdown, a failure is
/// logged and reported to <see cref="Supervision"/>, and the next pass comes after an exponential back-off with jitter
/// (up to <see cref="MaxBackoff"/>), for ever. A success resets the back-off and the loop waits its <see cref="Interval"/>.
/// </summary>
public abstract class SupervisedLoop : BackgroundService
{
    private readonly Supervision _supervision;
    private readonly TimeProvider _clock;

    protected SupervisedLoop(Supervision supervision, TimeProvider clock, ILogger logger)
    {
        _supervision = supervision;
        _clock = clock;
        Logger = logger;
        Name = supervision.NameOf(GetType());
    }

    public string Name { get; }
    public LoopState State => _supervision.State(Name);
    protected ILogger Logger { get; }
    protected TimeProvider Clock => _clock;

    /// <summary>The pause after a successful pass; null turns the loop off.</summary>
    protected abstract TimeSpan? Interval { get; }

    protected virtual TimeSpan MaxBackoff => TimeSpan.FromSeconds(30);

    /// <summary>One pass of the loop's work.</summary>
    protected abstract Task RunOnce(CancellationToken ct);

    /// <summary>Runs one pass under supervision; true when it succeeded. Also for a loop's own start-up attempt.</summary>
    protected async Task<bool> Attempt(CancellationToken ct)
    {
        var startedAt = _clock.GetUtcNow();
        using var span = HubTracing.StartLoopPass(Name, startedAt - (_supervision.Tally(Name).CaughtUpAt ?? _supervision.StartedAt));
        try
        {
            await RunOnce(ct);
            _supervision.Succeeded(Name, startedAt);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var unavailable = StoreFailures.IsUnavailable(e);
            var reason = unavailable ? "database-unavailable" : $"failed: {e.GetType().Name}";
            HubTracing.LoopFailed(span, reason);
            var failures = _supervision.Failed(Name, reason);
            if (unavailable) Logger.LogWarning("{Loop}: the store is unavailable ({Failures} in a row); retrying with back-off: {Error}", Name, failures, e.GetBaseException().Message);
            else Logger.LogError(e, "{Loop} failed ({Failures} in a row); retrying with back-off", Name, failures);
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval is not { } interval)
        {
            _supervision.Disabled(Name, "turned off by configuration");
            return;
        }
        // Off the host's start-up path: a first pass that blocks or throws must not hold or fail the start.
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var delay = await Attempt(stoppingToken) ? interval : Supervision.Backoff(State.ConsecutiveFailures, MaxBackoff);
                await Task.Delay(delay, _clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}

/// <summary>Degraded, with the failure class, while a loop is backing off; healthy while it runs, starts, or is turned off.</summary>
public sealed class LoopHealthCheck(Supervision supervision, string name) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = supervision.State(name);
        var data = new Dictionary<string, object>
        {
            ["condition"] = state.Condition.ToString().ToLowerInvariant(),
            ["consecutiveFailures"] = state.ConsecutiveFailures,
        };
        if (state.LastSuccessAt is { } ok) data["lastSuccessAt"] = ok;
        if (state.LastFailureAt is { } failed) data["lastFailureAt"] = failed;
        return Task.FromResult(state.Condition == LoopCondition.Degraded
            ? HealthCheckResult.Degraded($"{name} is backing off: {state.Reason}", data: data)
            : HealthCheckResult.Healthy(state.Reason ?? state.Condition.ToString().ToLowerInvariant(), data));
    }
}

/// <summary>The body of <c>/health/ready</c>: the overall status and, per check (the database, each loop), its status, description and data.</summary>
public static class HealthReportJson
{
    public static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        }, ApiJson.Options));
    }
}
