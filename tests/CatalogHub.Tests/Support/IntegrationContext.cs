using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using CatalogHub.BasisCheck;
using CatalogHub.Departments;
using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Tests.Documents;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogHub.Tests.Support;

/// <summary>
/// Base of the integration tests: wipes the store before each test class and gives each class its own
/// departments, so no test depends on rows another test left behind.
/// </summary>
[Collection(IntegrationCollection.Name)]
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    protected IAlbaHost Host => fixture.Host;
    protected TestClock Clock => fixture.Clock;
    protected CapturedLogs Logs => fixture.Logs;
    protected CommitHooks Commits => fixture.Commits;
    protected IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    protected DateTimeOffset Now => Clock.GetUtcNow();

    protected TestDepartment Admin { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await WipeStore();
        Admin = await Register(TestDepartments.HubAdmin);
    }

    /// <summary>Empties the store and what this node keeps of it in memory.</summary>
    protected async Task WipeStore()
    {
        await Store.Advanced.ResetAllData();
        // The change log, the validity intervals and the transparency log are tables of their own and the basis check's index lives in memory:
        // wipe them all with the store.
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand($"truncate {ChangeLogProjection.Table}, {ValidityIntervalProjection.Table}, {string.Join(", ", CatalogHub.Audit.Log.LogStore.Tables)}");
            await session.SaveChangesAsync();
        }
        Host.Services.GetRequiredService<PublishedIndex>().Clear();
        Host.Services.GetRequiredService<ApiKeyCache>().Clear();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected Task<TestDepartment> Register((string Code, string Name, string Region, Role[] Roles) d) =>
        TestDepartments.Register(Store, Clock, d);

    /// <summary>Sends a request and asserts its status; returns the response.</summary>
    protected async Task<IScenarioResult> Send(HttpMethod method, string url, object? body, string? key, int status,
        string? ifMatch = null, Action<Scenario>? more = null)
    {
        var result = await Host.Scenario(s =>
        {
            if (method == HttpMethod.Get) s.Get.Url(url);
            else if (method == HttpMethod.Put) s.Put.Json(body!).ToUrl(url);
            else s.Post.Json(body ?? new { }).ToUrl(url);
            if (key is not null) s.WithRequestHeader("Authorization", "ApiKey " + key);
            if (ifMatch is not null) s.WithRequestHeader("If-Match", ifMatch);
            more?.Invoke(s);
            s.StatusCodeShouldBe(status);
        });
        // Every refusal a test provokes is held to the API document: listed for the operation, as a problem with a listed code.
        var response = result.Context.Response;
        if (status >= 400 && response.Headers.ContentEncoding.Count == 0
            && (await ServedDocument.Of(Host)).Disagreement(method.Method, url.Split('?')[0], status, response.ContentType, result.ReadAsText()) is { } disagreement)
            Assert.Fail($"The API document does not say what the server answered: {disagreement}");
        return result;
    }

    protected Task<IScenarioResult> Get(string url, string? key = null, int status = 200) => Send(HttpMethod.Get, url, null, key, status);
    protected Task<IScenarioResult> Post(string url, object? body, string? key, int status, string? ifMatch = null) =>
        Send(HttpMethod.Post, url, body, key, status, ifMatch);
    protected Task<IScenarioResult> Put(string url, object body, string? key, int status, string? ifMatch = null) =>
        Send(HttpMethod.Put, url, body, key, status, ifMatch);

    /// <summary>The transparency log caught up on the store and a checkpoint signed over it (its loop is off in the tests).</summary>
    protected async Task<CatalogHub.Audit.Log.Checkpoint> Signed()
    {
        await Host.Services.GetRequiredService<CatalogHub.Audit.Log.LogAppender>().CatchUp(CancellationToken.None);
        return (await Host.Services.GetRequiredService<CatalogHub.Audit.Log.CheckpointSigner>().Sign(CancellationToken.None))!;
    }

    /// <summary>The hub's published log keys as <c>cataloghub-audit</c> options: <c>--key K</c> each.</summary>
    protected async Task<string[]> KeyOptions() =>
        [.. (await Get("/log/keys")).ReadAsText().Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(k => new[] { "--key", k })];

    /// <summary>A citation without the instants an "as of" answer adds (both clocks and the recording event): the version alone.</summary>
    protected static Citation Bare(Citation c) => c with { AsOf = null, KnownAt = null, RecordedBy = null };

    /// <summary>An instant for a query string, with its offset.</summary>
    protected static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O"));

    protected static T Read<T>(IScenarioResult result) =>
        JsonSerializer.Deserialize<T>(result.ReadAsText(), ApiJson.Options)!;

    /// <summary>Compares whole records through their JSON, which also compares the lists inside them element by element.</summary>
    protected static void AssertSameJson<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, ApiJson.Options), JsonSerializer.Serialize(actual, ApiJson.Options));

    protected static JsonElement ReadJson(IScenarioResult result) => JsonDocument.Parse(result.ReadAsText()).RootElement;

    /// <summary>Asserts an RFC 9457 problem response with this stable code (and field, when given).</summary>
    protected static JsonElement AssertProblem(IScenarioResult result, string code, string? field = null)
    {
        var problem = ReadJson(result);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(Problems.TypePrefix + code, problem.GetProperty("type").GetString());
        if (field is not null) Assert.Equal(field, problem.GetProperty("field").GetString());
        return problem;
    }

    protected async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
