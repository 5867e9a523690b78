using CatalogHub.Publication.Lists;
using System.Text.Json;
using Alba;
using CatalogHub.BasisCheck;
using CatalogHub.Catalogue;
using CatalogHub.Platform;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// A node whose connections to PostgreSQL go through a proxy the test cuts. On 6cc120d an outage of a second stopped
/// the node for good (the index refresher's fault stopped the host) and requests answered 500.
/// </summary>
public sealed class Database_outage(AppFixture fixture) : CatalogueContext(fixture)
{
    private static readonly string Database = Environment.GetEnvironmentVariable("CATALOGHUB_DB")!;

    private static Task<IScenarioResult> Send(IAlbaHost node, HttpMethod method, string url, object? body, string key, string? ifMatch = null) =>
        node.Scenario(s =>
        {
            if (method == HttpMethod.Get) s.Get.Url(url);
            else s.Post.Json(body!).ToUrl(url);
            s.WithRequestHeader("Authorization", "ApiKey " + key);
            if (ifMatch is not null) s.WithRequestHeader("If-Match", ifMatch);
            s.IgnoreStatusCode();
        });

    private static int Status(IScenarioResult r) => r.Context.Response.StatusCode;

    private static void AssertUnavailable(IScenarioResult r)
    {
        Assert.Equal(503, Status(r));
        Assert.Equal("application/problem+json", r.Context.Response.ContentType);
        Assert.Equal(StoreFailures.RetryAfterSeconds.ToString(), r.Context.Response.Headers.RetryAfter.ToString());
        AssertProblem(r, "database-unavailable");
    }

    private static async Task<(int Status, JsonElement Body)> Ready(IAlbaHost node)
    {
        var r = await node.Scenario(s => { s.Get.Url("/health/ready"); s.IgnoreStatusCode(); });
        return (Status(r), JsonDocument.Parse(r.ReadAsText()).RootElement);
    }

    private object BasisQuestion => new { regionCode = "411000", itemCode = "000147011000", asOf = Now.AddMinutes(1), materials = new[] { new { name = "营业执照" } } };

    [Fact]
    public async Task while_the_database_is_away_requests_get_503_the_basis_check_answers_from_memory_and_the_node_recovers_by_itself()
    {
        var published = await Published();
        var auditor = await Register(TestDepartments.Audit);
        await using var proxy = new LoopbackProxy(Database);
        await using var node = await ExtraNode.Start(proxy.ConnectionString,
            new Dictionary<string, string?> { ["CATALOGHUB_LOG_INTERVAL_SECONDS"] = "1", ["CATALOGHUB_INDEX_POLL_MS"] = "200" });

        var acknowledged = new List<Guid>();
        var itemCodes = new[] { "000147023000", "000147034000", "000147045000", "000147056000" };
        async Task<IScenarioResult> DraftOn(string itemCode) => await Send(node.Host, HttpMethod.Post, "/catalogue/entries", DraftOf(FoodLicence(), itemCode), Market.Key);
        var first = await DraftOn(itemCodes[0]);
        Assert.Equal(201, Status(first));
        acknowledged.Add(Read<EntryDraftView>(first).Id);
        Assert.Equal(200, (await Ready(node.Host)).Status);

        proxy.Cut();

        // Served from memory: the basis check still answers, with the index position it answers from.
        var basis = await Send(node.Host, HttpMethod.Post, "/basis-check", BasisQuestion, Market.Key);
        Assert.Equal(200, Status(basis));
        var answer = Read<BasisAnswer>(basis);
        Assert.Equal(published.Id, answer.Citations.Single().Id);
        Assert.NotNull(answer.Index.RefreshedAt);

        // Everything that needs the store: 503 with Retry-After, for a key this node knows and for one it never saw.
        AssertUnavailable(await DraftOn(itemCodes[1]));
        AssertUnavailable(await Send(node.Host, HttpMethod.Get, $"/catalogue/entries/{acknowledged[0]}/draft", null, Market.Key));
        AssertUnavailable(await Send(node.Host, HttpMethod.Get, "/audit/log/verify", null, auditor.Key));
        AssertUnavailable(await Send(node.Host, HttpMethod.Get, "/log/checkpoint", null, auditor.Key));
        var live = await node.Host.Scenario(s => { s.Get.Url("/health/live"); s.IgnoreStatusCode(); });
        Assert.Equal(200, Status(live));
        var (readyStatus, readyBody) = await Ready(node.Host);
        Assert.Equal(503, readyStatus);
        Assert.Equal("Unhealthy", readyBody.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        // The loops that touch the store within seconds notice, say so, and keep trying (the hourly purge does not run meanwhile).
        string[] polling = ["transparency-log", "published-index"];
        Assert.True(await ExtraNode.Eventually(() => Task.FromResult(polling.All(n => node.Supervision.State(n).Condition == LoopCondition.Degraded)),
            TimeSpan.FromSeconds(15)), string.Join("; ", node.Supervision.States));
        var loops = (await Ready(node.Host)).Body.GetProperty("checks");
        foreach (var name in polling)
        {
            Assert.Equal("Degraded", loops.GetProperty(name).GetProperty("status").GetString());
            Assert.Contains("database-unavailable", loops.GetProperty(name).GetProperty("description").GetString());
        }

        proxy.Restore();

        // Back by itself: no restart, no pool cleared by hand.
        Assert.True(await ExtraNode.Eventually(async () => (await Ready(node.Host)).Status == 200
            && node.Supervision.States.All(s => s.Condition == LoopCondition.Running), TimeSpan.FromSeconds(30)),
            string.Join("; ", node.Supervision.States));
        foreach (var itemCode in itemCodes[2..])
        {
            var after = await DraftOn(itemCode);
            Assert.Equal(201, Status(after));
            acknowledged.Add(Read<EntryDraftView>(after).Id);
        }
        Assert.True(node.IsRunning);

        // Every acknowledged write is there once; the refused one is not there at all.
        await using var session = Store.QuerySession();
        var entries = await session.Query<ListItem<EntryContent>>().Where(e => e.Code != published.ItemCode).ToListAsync();
        Assert.Equal(acknowledged.Order(), entries.Select(e => e.Id).Order());
        Assert.DoesNotContain(entries, e => e.Code == itemCodes[1]);
    }

    [Fact]
    public async Task a_node_that_starts_while_the_database_is_away_refuses_basis_checks_until_its_index_is_loaded()
    {
        await Published();
        await using var proxy = new LoopbackProxy(Database);
        proxy.Cut();
        await using var store = DocumentStore.For(o => Hosting.ConfigureStore(o, proxy.ConnectionString));
        var index = new PublishedIndex(TimeProvider.System);
        var supervision = new Supervision([new SupervisedLoopRegistration(typeof(PublishedIndexRefresher), PublishedIndexRefresher.HealthName)], TimeProvider.System);
        var settings = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var refresher = new PublishedIndexRefresher(index, store, settings, supervision, TimeProvider.System, NullLogger<PublishedIndexRefresher>.Instance);

        await refresher.StartAsync(CancellationToken.None);
        Assert.False(index.IsLoaded);
        Assert.Equal(LoopCondition.Degraded, supervision.State(PublishedIndexRefresher.HealthName).Condition);
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        var refused = CheckBasisEndpoint.Post(new CheckBasis("411000", "000147011000", null, null, null, null), null, null, index, TimeProvider.System, http,
            Host.Services.GetRequiredService<HubMetrics>());
        Assert.Equal(503, ((Microsoft.AspNetCore.Http.IStatusCodeHttpResult)refused).StatusCode);
        Assert.Equal(StoreFailures.RetryAfterSeconds.ToString(), http.Response.Headers.RetryAfter.ToString());

        proxy.Restore();
        Assert.True(await ExtraNode.Eventually(() => Task.FromResult(index.IsLoaded), TimeSpan.FromSeconds(20)));
        await refresher.StopAsync(CancellationToken.None);
        Assert.NotNull(index.Find(CatalogueList.Name, "411000", "000147011000"));
        Assert.Equal(LoopCondition.Running, supervision.State(PublishedIndexRefresher.HealthName).Condition);
    }

    [Fact]
    public async Task a_webhook_whose_delivery_meets_the_outage_waits_for_the_database_and_is_delivered_once()
    {
        var consumer = await Register(TestDepartments.HumanResources);
        await using var receiver = await CatalogHub.Tests.Sharing.WebhookReceiver.Start(refuseFirst: 1);
        await Post("/sharing/subscriptions", new { url = receiver.Url, kinds = new[] { "item-published" }, reason = "订阅事项变更" }, consumer.Key, 201);
        await using var proxy = new LoopbackProxy(Database);
        await using var node = await ExtraNode.Start(proxy.ConnectionString, new Dictionary<string, string?>());

        // Published through the node, so its outbox delivers the notice.
        var draft = Read<EntryDraftView>(await Send(node.Host, HttpMethod.Post, "/catalogue/entries", DraftOf(FoodLicence()), Market.Key));
        var submitted = Read<EntryDraftView>(await Send(node.Host, HttpMethod.Post, $"/catalogue/entries/{draft.Id}/submit", new { reason = "提交审核" },
            Market.Key, $"\"{draft.Version}\""));
        var published = await Send(node.Host, HttpMethod.Post, $"/catalogue/entries/{draft.Id}/publish",
            new { note = "按条例公布", reason = "经审核同意公布" }, Admin.Key, $"\"{submitted.Version}\"");
        Assert.Equal(200, Status(published));

        // The subscriber refuses the first attempt; the database goes away before the retry reads the subscription.
        Assert.True(await ExtraNode.Eventually(() => Task.FromResult(receiver.Received.Count == 1), TimeSpan.FromSeconds(20)));
        proxy.Cut();
        Assert.True(await ExtraNode.Eventually(() => Task.FromResult(node.Logs.Lines.Any(l => l.Contains("WebhookDelivery") && l.Contains("Npgsql"))),
            TimeSpan.FromSeconds(20)));
        proxy.Restore();

        var accepted = await receiver.Accepted();
        Assert.Equal(draft.Id, JsonSerializer.Deserialize<CatalogHub.Sharing.Notifications.ChangeNotice>(accepted.Body, ApiJson.Options)!.SubjectId);
        Assert.Single(receiver.Received.Select(r => r.Delivery).Distinct());
        Assert.True(node.IsRunning);
    }
}
