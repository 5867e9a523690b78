using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CatalogHub.Platform;

/// <summary>
/// The hub's own meter, <c>CatalogHub</c>, beside ASP.NET Core's, Npgsql's and the runtime's (<see cref="Telemetry"/>).
/// In Prometheus the names read with underscores, a unit suffix and <c>_total</c> on counters
/// (<c>cataloghub_publishes_total</c>, <c>cataloghub_basis_check_duration_seconds</c>, <c>cataloghub_loop_lag_seconds</c>).
/// </summary>
public sealed class HubMetrics
{
    public const string MeterName = "CatalogHub";

    private readonly Counter<long> _publishes;
    private readonly Counter<long> _basisChecks;
    private readonly Histogram<double> _basisCheckDuration;
    private readonly Counter<long> _webhookDeliveries;

    /// <summary>Deliveries this node attempted that did not get through yet, each with when its change was recorded.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTimeOffset> _undelivered = new();

    public HubMetrics(IMeterFactory meters, Supervision supervision, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        _publishes = meter.CreateCounter<long>("cataloghub.publishes", "{request}",
            "Publish requests answered, by list (its route, e.g. catalogue/entries) and outcome: published, refused (4xx), failed (5xx), replayed (an Idempotency-Key's stored answer).");
        _basisChecks = meter.CreateCounter<long>("cataloghub.basis_checks", "{check}",
            "Basis checks answered, by outcome: allowed, not-allowed, invalid (the question was refused), index-not-loaded, failed.");
        _basisCheckDuration = meter.CreateHistogram<double>("cataloghub.basis_check.duration", "s",
            "How long a basis check took to decide, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });

        _webhookDeliveries = meter.CreateCounter<long>("cataloghub.webhook.deliveries", "{attempt}",
            "Webhook delivery attempts, by outcome: delivered (2xx), failed (another answer or no answer: retried) and dropped (the " +
            "subscription was cancelled or its target is refused: never retried).");
        meter.CreateObservableGauge("cataloghub.webhook.undelivered", () => (long)_undelivered.Count, "{delivery}",
            "Deliveries whose last attempt on this node failed and that are waiting for a retry.");
        meter.CreateObservableGauge("cataloghub.webhook.delivery_lag", () => _undelivered.IsEmpty ? 0
                : Math.Max(0, (clock.GetUtcNow() - _undelivered.Values.Min()).TotalSeconds), "s",
            "Age of the oldest change whose notice a subscriber has not accepted yet (since the change was recorded), among the " +
            "deliveries this node attempted; 0 when every attempted delivery got through.");

        // The loops' figures are read from Supervision when a scrape asks, so the loops themselves know nothing of metrics.
        meter.CreateObservableCounter("cataloghub.loop.runs", () => PerLoop<long>(supervision, (_, t) => t.Runs), "{pass}",
            "Passes of each supervised background loop since the node started, failed ones included.");
        meter.CreateObservableCounter("cataloghub.loop.failures", () => PerLoop<long>(supervision, (_, t) => t.Failures), "{pass}",
            "Failed passes of each supervised background loop since the node started.");
        meter.CreateObservableGauge("cataloghub.loop.lag", () => PerLoop(supervision, (s, t) =>
                s.Condition == LoopCondition.Disabled ? (double?)null
                    : Math.Max(0, (clock.GetUtcNow() - (t.CaughtUpAt ?? supervision.StartedAt)).TotalSeconds)), "s",
            "How far behind each running loop may be: it has seen everything committed up to this many seconds ago (the start of its " +
            "last successful pass). It grows between passes up to the loop's interval, and without bound while the loop fails.");
    }

    public void Published(string list, string outcome) =>
        _publishes.Add(1, new KeyValuePair<string, object?>("list", list), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>One webhook delivery attempt's outcome; a failed one counts as undelivered until an attempt delivers or drops it.</summary>
    public void WebhookDelivery(Guid deliveryId, DateTimeOffset changeRecordedAt, WebhookOutcome outcome)
    {
        if (outcome == WebhookOutcome.Failed) _undelivered[deliveryId] = changeRecordedAt;
        else _undelivered.TryRemove(deliveryId, out _);
        _webhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
        {
            WebhookOutcome.Delivered => "delivered",
            WebhookOutcome.Failed => "failed",
            _ => "dropped",
        }));
    }

    /// <summary>
    /// Times one basis check; its outcome is <c>failed</c> unless the check says otherwise before the timing ends. The check's
    /// span (<see cref="HubTracing.StartBasisCheck"/>) ends with it, tagged with the same outcome.
    /// </summary>
    public BasisCheckTiming TimeBasisCheck(Activity? span = null) => new(this, Stopwatch.GetTimestamp(), span);

    private void BasisChecked(string outcome, TimeSpan took)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _basisChecks.Add(1, tag);
        _basisCheckDuration.Record(took.TotalSeconds, tag);
    }

    private static IEnumerable<Measurement<T>> PerLoop<T>(Supervision supervision, Func<LoopState, LoopTally, T?> value) where T : struct
    {
        foreach (var state in supervision.States)
            if (value(state, supervision.Tally(state.Name)) is { } v)
                yield return new Measurement<T>(v, new KeyValuePair<string, object?>("loop", state.Name));
    }

    public sealed class BasisCheckTiming(HubMetrics metrics, long started, Activity? span) : IDisposable
    {
        public string Outcome { get; set; } = "failed";

        /// <summary>The answer's reason codes (traced, not counted: they would multiply the metric's series).</summary>
        public IReadOnlyList<string>? ReasonCodes { get; set; }

        public void Dispose()
        {
            metrics.BasisChecked(Outcome, Stopwatch.GetElapsedTime(started));
            HubTracing.BasisChecked(span, Outcome, ReasonCodes);
            span?.Dispose();
        }
    }
}

public enum WebhookOutcome { Delivered, Failed, Dropped }
