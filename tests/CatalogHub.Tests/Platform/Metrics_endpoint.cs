using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Alba;
using CatalogHub.Lists.ProofItems;
using CatalogHub.Tests.Lists;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// <c>GET /metrics</c> in Prometheus' text format: requests, publishes, basis checks and the background loops, readable by
/// a scraper on the node itself or with a hub-admin or auditor key. The figures are the process's since it started (other
/// tests add to them too), so each assertion compares a scrape after an action with one before it.
/// </summary>
public sealed partial class Metrics_endpoint(AppFixture fixture) : ListContext(fixture)
{
    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$""")]
    private static partial Regex Sample();

    [GeneratedRegex("(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Label();

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static double Sum(string scrape, string name, params (string Key, string Value)[] labels) =>
        scrape.Split('\n').Select(l => Sample().Match(l.Trim())).Where(m => m.Success && m.Groups["name"].Value == name)
            .Where(m =>
            {
                var present = Label().Matches(m.Groups["labels"].Value).ToDictionary(x => x.Groups["key"].Value, x => x.Groups["value"].Value);
                return labels.All(l => present.GetValueOrDefault(l.Key) == l.Value);
            })
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    private async Task<string> Scrape() => (await Get("/metrics", Admin.Key)).ReadAsText();

    [Fact]
    public async Task a_publish_a_refused_publish_a_basis_check_and_the_loops_show_in_the_scrape()
    {
        var before = await Scrape();
        var entry = await Published();
        // Publishing the published version again is refused: nothing is pending.
        await Post($"/catalogue/entries/{entry.Id}/publish", new { note = "重复公布", reason = "经审核同意公布" }, Admin.Key, 422, $"\"{entry.Version}\"");
        // A registered list's publish is counted by the same convention, under its own route.
        await PublishedItem(ProofItemsList.Definition, ProofItemExamples.EmploymentTermination with { ServedEntries = [entry.Id] }, "ZM-0001");
        var consumer = await Register(TestDepartments.HumanResources);
        await Post("/basis-check", new { regionCode = "411000", itemCode = "000147011000", materials = new[] { new { name = "营业执照" } } },
            consumer.Key, 200);
        await Post("/basis-check", new { regionCode = "41100A", itemCode = "000147011000" }, consumer.Key, 400);
        // The exporter serves a scrape up to 300 ms old: scrape until one is newer than the last action.
        var after = before;
        double Grew(string name, params (string, string)[] labels) => Sum(after, name, labels) - Sum(before, name, labels);
        Assert.True(await ExtraNode.Eventually(async () =>
        {
            after = await Scrape();
            return Grew("cataloghub_basis_checks_total", ("outcome", "invalid")) > 0;
        }, TimeSpan.FromSeconds(5)));
        Assert.Equal(1, Grew("cataloghub_publishes_total", ("list", "catalogue/entries"), ("outcome", "published")));
        Assert.Equal(1, Grew("cataloghub_publishes_total", ("list", "catalogue/entries"), ("outcome", "refused")));
        Assert.Equal(1, Grew("cataloghub_publishes_total", ("list", "proof-items"), ("outcome", "published")));
        Assert.Equal(1, Grew("cataloghub_basis_checks_total", ("outcome", "invalid")));
        Assert.Equal(1, Grew("cataloghub_basis_checks_total", ("outcome", "allowed")) + Grew("cataloghub_basis_checks_total", ("outcome", "not-allowed")));
        Assert.Equal(2, Grew("cataloghub_basis_check_duration_seconds_count"));
        Assert.True(Grew("http_server_request_duration_seconds_count", ("http_route", "/catalogue/entries/{id}/publish")) >= 2);
        Assert.True(Sum(after, "cataloghub_loop_runs_total", ("loop", "published-index")) > 0);
        Assert.Contains(after.Split('\n'), l => l.StartsWith("cataloghub_loop_failures_total{", StringComparison.Ordinal) && l.Contains("loop=\"published-index\""));
        Assert.Contains(after.Split('\n'), l => l.StartsWith("cataloghub_loop_lag_seconds{", StringComparison.Ordinal) && l.Contains("loop=\"published-index\""));
        // The sealer is turned off in the tests: it has no lag to report.
        Assert.DoesNotContain(after.Split('\n'), l => l.StartsWith("cataloghub_loop_lag_seconds{", StringComparison.Ordinal) && l.Contains("loop=\"sealing\""));
        Assert.True(Sum(after, "db_client_operation_duration_seconds_count") > 0);
    }

    /// <summary>
    /// A subscriber that refuses twice (503) keeps its delivery waiting for a retry (1 s, then 5 s): meanwhile the failure is
    /// counted and the delivery shows as undelivered, the lag (the age of the oldest change not yet accepted) at least as old as its change; once accepted it is counted
    /// delivered. Other tests' subscribers, long gone, may be waiting for their retries too, so the figures are bounded from
    /// below by this delivery rather than compared for equality.
    /// </summary>
    [Fact]
    public async Task a_webhook_delivery_waiting_for_a_retry_shows_as_undelivered_with_its_lag_until_it_is_accepted()
    {
        await using var receiver = await Sharing.WebhookReceiver.Start(refuseFirst: 2);
        var consumer = await Register(TestDepartments.HumanResources);
        await Post("/sharing/subscriptions", new { url = receiver.Url, kinds = new[] { "item-published" }, reason = "订阅事项公布通知" }, consumer.Key, 201);
        var before = await Scrape();
        double Grew(string after, string name, params (string, string)[] labels) => Sum(after, name, labels) - Sum(before, name, labels);

        await Published();
        var pending = before;
        Assert.True(await ExtraNode.Eventually(async () =>
        {
            pending = await Scrape();
            return Grew(pending, "cataloghub_webhook_deliveries_total", ("outcome", "failed")) >= 1;
        }, TimeSpan.FromSeconds(5)));
        Assert.Equal(0, receiver.Received.Count(r => r.AnsweredWith == 200));
        Assert.True(Sum(pending, "cataloghub_webhook_undelivered") >= 1);
        // The hub's clock is the tests' (it stands still unless moved): two minutes on, the change waits two minutes at least.
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await ExtraNode.Eventually(async () => Sum(await Scrape(), "cataloghub_webhook_delivery_lag_seconds") >= 120,
            TimeSpan.FromSeconds(3)));

        await receiver.Accepted();
        Assert.True(await ExtraNode.Eventually(async () =>
            Grew(await Scrape(), "cataloghub_webhook_deliveries_total", ("outcome", "delivered")) >= 1, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task only_the_node_itself_or_a_hub_admin_or_auditor_key_may_scrape()
    {
        AssertProblem(await Get("/metrics", null, 401), "missing-api-key");
        AssertProblem(await Get("/metrics", Market.Key, 403), "missing-role");
        var auditor = await Register(TestDepartments.Audit);
        await Get("/metrics", auditor.Key, 200);

        await Host.Scenario(s =>
        {
            s.Get.Url("/metrics");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Loopback);
            s.StatusCodeShouldBe(200);
        });
        // Relayed by a proxy on the same machine: the client is not the node itself.
        await Host.Scenario(s =>
        {
            s.Get.Url("/metrics");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Loopback);
            s.WithRequestHeader("X-Forwarded-For", "203.0.113.7");
            s.StatusCodeShouldBe(401);
        });
    }
}
