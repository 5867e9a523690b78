using System.Collections.Concurrent;
using System.Diagnostics;
using CatalogHub.Platform;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// The hub's own spans (source <c>CatalogHub</c>), heard as an OpenTelemetry exporter hears them: by an
/// <see cref="ActivityListener"/> on the source. The listener hears the whole process (other tests' hosts too), so each
/// assertion looks for the span its own action made, by its tags.
/// </summary>
public sealed class Hub_traces(AppFixture fixture) : CatalogueContext(fixture), IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private ActivityListener? _listener;

    private void Listen()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == HubTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener?.Dispose();

    private static object? Tag(Activity span, string key) => span.TagObjects.FirstOrDefault(t => t.Key == key).Value;

    [Fact]
    public async Task a_publish_and_a_basis_check_each_leave_a_span_with_what_they_did_and_nothing_personal()
    {
        Listen();
        await Published(itemCode: "000147023000");
        var answer = ReadJson(await Post("/basis-check", new { regionCode = "411000", itemCode = "000147023000", materials = new[] { new { name = "营业执照" } } },
            Market.Key, 200));

        var publish = Assert.Single(_spans, s => s.OperationName == HubTracing.PublishSpan && (string?)Tag(s, "cataloghub.item_code") == "000147023000");
        Assert.Equal(("catalogue/entries", "411000", 1, 200),
            ((string?)Tag(publish, "cataloghub.list"), (string?)Tag(publish, "cataloghub.region"), (int?)Tag(publish, "cataloghub.version"),
                (int?)Tag(publish, "http.response.status_code")));
        Assert.Equal(ActivityStatusCode.Unset, publish.Status);

        var check = Assert.Single(_spans, s => s.OperationName == HubTracing.BasisCheckSpan && (string?)Tag(s, "cataloghub.item_code") == "000147023000");
        Assert.Equal(answer.GetProperty("allowed").GetBoolean() ? "allowed" : "not-allowed", (string?)Tag(check, "cataloghub.outcome"));
        Assert.Equal(answer.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString()!).ToArray(), (string[]?)Tag(check, "cataloghub.reason_codes"));
        Assert.NotEmpty((string[])Tag(check, "cataloghub.reason_codes")!);
        Assert.Equal("411000", (string?)Tag(check, "cataloghub.region"));
        // Each span belongs to its request's trace (ASP.NET Core's span is its parent), so a trace shows the publish inside the request.
        Assert.NotEqual(default, publish.ParentSpanId);
    }

    [Fact]
    public async Task a_refused_basis_check_is_traced_as_invalid_and_a_refused_publish_with_its_status()
    {
        Listen();
        var entry = await Published(itemCode: "000124013000");
        await Post($"/catalogue/entries/{entry.Id}/publish", new { note = "重复公布", reason = "经审核同意公布" }, Admin.Key, 422, $"\"{entry.Version}\"");
        await Post("/basis-check", new { regionCode = "41100A", itemCode = "000124013000" }, Market.Key, 400);

        Assert.Contains(_spans, s => s.OperationName == HubTracing.PublishSpan && (int?)Tag(s, "http.response.status_code") == 422
                                     && Tag(s, "cataloghub.version") is null);
        Assert.Contains(_spans, s => s.OperationName == HubTracing.BasisCheckSpan && (string?)Tag(s, "cataloghub.region") == "41100A"
                                     && (string?)Tag(s, "cataloghub.outcome") == "invalid");
    }

    private sealed class FailsOnce(Supervision supervision) : SupervisedLoop(supervision, TimeProvider.System, NullLogger<FailsOnce>.Instance)
    {
        public int Passes;

        protected override TimeSpan? Interval => TimeSpan.FromMilliseconds(20);

        protected override Task RunOnce(CancellationToken ct) =>
            Interlocked.Increment(ref Passes) == 1 ? Task.FromException(new InvalidOperationException("许昌市 411000 的索引读取失败")) : Task.CompletedTask;
    }

    [Fact]
    public async Task a_failing_loop_pass_is_an_error_span_naming_the_failure_class_and_every_pass_carries_its_lag()
    {
        Listen();
        var supervision = new Supervision([new SupervisedLoopRegistration(typeof(FailsOnce), "traced-loop")], TimeProvider.System);
        var loop = new FailsOnce(supervision);
        await loop.StartAsync(CancellationToken.None);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (_spans.Count(s => (string?)Tag(s, "cataloghub.loop") == "traced-loop") < 2 && DateTime.UtcNow < until) await Task.Delay(20);
        await loop.StopAsync(CancellationToken.None);

        var passes = _spans.Where(s => s.OperationName == HubTracing.LoopPassSpan && (string?)Tag(s, "cataloghub.loop") == "traced-loop").ToList();
        Assert.True(passes.Count >= 2);
        Assert.Equal((ActivityStatusCode.Error, "failed: InvalidOperationException"), (passes[0].Status, passes[0].StatusDescription));
        // The message may quote data: it stays in the log, out of the trace.
        Assert.DoesNotContain(passes[0].TagObjects, t => t.Value?.ToString()?.Contains("411000", StringComparison.Ordinal) == true);
        Assert.Equal(ActivityStatusCode.Unset, passes[1].Status);
        Assert.All(passes, p => Assert.IsType<double>(Tag(p, "cataloghub.loop.lag_seconds")));
    }
}
