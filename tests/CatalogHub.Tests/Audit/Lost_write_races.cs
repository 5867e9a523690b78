using CatalogHub.Audit.Events;
using CatalogHub.Audit.Log;
using CatalogHub.Platform;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CatalogHub.Tests.Audit;

/// <summary>
/// A write that loses its version check at commit leaves Marten's tombstones in mt_events (type <c>tombstone</c>,
/// timestamp <c>-infinity</c>). On 6cc120d they failed the (since retired) sealer's query, the sealing loop's fault
/// stopped the host, and auditors saw them as anonymous events. The transparency log must skip them the same way.
/// </summary>
public sealed class Lost_write_races(AppFixture fixture) : CatalogueContext(fixture)
{
    private async Task<long> Tombstones()
    {
        await using var session = Store.QuerySession();
        return (await session.AdvancedSql.QueryAsync<long>("select count(*) from cataloghub.mt_events where type = 'tombstone'", CancellationToken.None)).Single();
    }

    /// <summary>Parallel revisions of one draft with the same If-Match, until one of them loses at commit.</summary>
    private async Task LoseARaceAtCommit(Guid entryId)
    {
        var version = 1;
        for (var round = 0; round < 20; round++)
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Host.Scenario(s =>
            {
                s.Put.Json(new { content = FoodLicence($"食品经营许可（第{round}轮并发修改{i}）"), reason = "并发修改" }).ToUrl($"/catalogue/entries/{entryId}/draft");
                s.WithRequestHeader("Authorization", "ApiKey " + Market.Key);
                s.WithRequestHeader("If-Match", $"\"{version}\"");
                s.IgnoreStatusCode();
            })).Select(async t => (await t).Context.Response.StatusCode));
            Assert.Equal(1, statuses.Count(s => s == 200));
            Assert.All(statuses.Where(s => s != 200), s => Assert.Equal(412, s));
            version++;
            // Marten writes the tombstones off the failed request's path.
            if (await ExtraNode.Eventually(async () => await Tombstones() > 0, TimeSpan.FromSeconds(1))) return;
        }
        Assert.Fail("No revision lost its race at commit in 20 rounds.");
    }

    [Fact]
    public async Task after_a_lost_race_every_loop_keeps_running_the_log_verifies_and_auditors_see_no_anonymous_event()
    {
        var auditor = await Register(TestDepartments.Audit);
        var entry = await Draft();
        await LoseARaceAtCommit(entry.Id);

        // A second node whose loops run at once: the transparency log every second, the index refresher as configured.
        // Before the node starts: a loop with a long interval (the hourly idempotency purge) runs once at start.
        var started = DateTimeOffset.UtcNow;
        await using (var node = await ExtraNode.Start(Environment.GetEnvironmentVariable("CATALOGHUB_DB")!,
            new Dictionary<string, string?> { ["CATALOGHUB_LOG_INTERVAL_SECONDS"] = "1", ["CATALOGHUB_INDEX_POLL_MS"] = "200" }))
        {
            Assert.True(await ExtraNode.Eventually(() => Task.FromResult(node.Supervision.States.All(s => s.LastSuccessAt > started)),
                TimeSpan.FromSeconds(20)), string.Join("; ", node.Supervision.States));
            Assert.All(node.Supervision.States, s => Assert.Equal((LoopCondition.Running, 0), (s.Condition, s.ConsecutiveFailures)));
            Assert.True(node.IsRunning);
        }
        Assert.False(Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);

        // The other node's log loop appended every event but the tombstones, and signed a checkpoint that verifies.
        var log = Read<LogVerification>(await Get("/audit/log/verify", auditor.Key));
        Assert.Equal((await EventCount() - await Tombstones(), true, 1L), (log.TreeSize, log.Intact, log.CheckpointsChecked));

        var page = Read<EventPage>(await Get("/audit/events?limit=500", auditor.Key));
        Assert.Equal(log.TreeSize, page.Events.Count);
        Assert.All(page.Events, e =>
        {
            Assert.NotEqual("tombstone", e.Type);
            Assert.False(string.IsNullOrEmpty(e.Department));
            Assert.True(e.RecordedAt > Now.AddDays(-1));
        });
    }
}
