using System.Collections.Concurrent;
using System.Diagnostics;
using Alba;
using CatalogHub.Platform;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Platform;

/// <summary>X-Correlation-Id: kept when sane, replaced when not, echoed on every answer, in the logs and on the trace.</summary>
public sealed class Correlation_ids(AppFixture fixture) : CatalogueContext(fixture)
{
    private async Task<string> EchoOf(string url, string? sent, int status, string? key = null)
    {
        var result = await Send(HttpMethod.Get, url, null, key, status,
            more: s => { if (sent is not null) s.WithRequestHeader(CorrelationMiddleware.Header, sent); });
        var echoed = result.Context.Response.Headers[CorrelationMiddleware.Header].ToString();
        Assert.True(CorrelationMiddleware.IsSane(echoed), $"'{echoed}' is not a sane correlation id");
        return echoed;
    }

    [Fact]
    public async Task a_sane_id_is_echoed_on_answers_and_refusals_alike()
    {
        const string ticket = "12345-ticket-2026.1125_007";
        var entry = await Published();
        Assert.Equal(ticket, await EchoOf($"/catalogue/entries/{entry.Id}/versions/1", ticket, 200));
        Assert.Equal(ticket, await EchoOf($"/catalogue/entries/{entry.Id}/versions/9", ticket, 404));
        Assert.Equal(ticket, await EchoOf("/catalogue/drafts", ticket, 401));
        Assert.Equal(ticket, await EchoOf("/health/live", ticket, 200));
    }

    [Fact]
    public async Task an_unexpected_failure_answers_with_the_id_and_logs_it_under_the_id()
    {
        const string ticket = "12345-ticket-2026-1125-052";
        Commits.BeforeNextCommit(() => throw new InvalidOperationException("a defect met while committing the draft"));
        var failed = await Send(HttpMethod.Post, "/catalogue/entries", DraftOf(FoodLicence()), Market.Key, 500,
            more: s => s.WithRequestHeader(CorrelationMiddleware.Header, ticket));

        Assert.Equal(ticket, failed.Context.Response.Headers[CorrelationMiddleware.Header].ToString());
        var logged = Assert.Single(Logs.Entries, e => e.Line.Contains("a defect met while committing the draft", StringComparison.Ordinal));
        Assert.Equal(ticket, logged.Scope.GetValueOrDefault("CorrelationId"));
    }

    [Fact]
    public async Task a_missing_hostile_or_oversized_id_is_replaced_by_a_fresh_one_and_the_request_still_answers()
    {
        var fresh = new[]
        {
            await EchoOf("/health/live", null, 200),
            await EchoOf("/health/live", "12345\"><script>alert(1)</script>", 200),
            await EchoOf("/health/live", "工单-2026-001", 200),
            await EchoOf("/health/live", new string('7', 101), 200),
        };
        Assert.Equal(fresh.Length, fresh.Distinct().Count());
        Assert.DoesNotContain(new string('7', 101), fresh);
    }

    [Fact]
    public async Task the_id_is_in_the_scope_of_the_lines_logged_while_the_request_runs()
    {
        const string ticket = "12345-ticket-2026-1125-031";
        await EchoOf("/departments", ticket, 401, key: "chk_0f1e2d3c4b5a6978_notthesecretofanykey");

        var line = Assert.Single(Logs.Entries, e => e.Line.Contains("Rejected unknown API key 0f1e2d3c4b5a6978", StringComparison.Ordinal));
        Assert.Equal(ticket, line.Scope.GetValueOrDefault("CorrelationId"));
    }

    [Fact]
    public async Task the_id_is_a_tag_of_the_request_trace()
    {
        const string ticket = "12345-ticket-2026-1125-044";
        var started = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            // Kept from its start: the request's activity may stop only after the test has its answer.
            ActivityStarted = started.Add,
        };
        ActivitySource.AddActivityListener(listener);

        await EchoOf("/regions/411000/catalogue", ticket, 200);

        Assert.Contains(started, a => a.GetTagItem(CorrelationMiddleware.TagName) as string == ticket);
    }
}
