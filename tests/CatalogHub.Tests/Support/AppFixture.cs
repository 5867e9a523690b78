using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace CatalogHub.Tests.Support;

/// <summary>A clock the tests move forward, to see scheduled publications take effect without any job running.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>One in-process host for all integration tests, against the real PostgreSQL that `make test` starts.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    /// <summary>The one browser origin allowed to call the API from a web page: the city's service portal.</summary>
    public const string PortalOrigin = "https://zwfw.xuchang.gov.cn";

    public IAlbaHost Host { get; private set; } = null!;
    public TestClock Clock { get; } = new();
    public CapturedLogs Logs { get; } = new();
    public CommitHooks Commits { get; } = new();

    public async Task InitializeAsync()
    {
        var db = Environment.GetEnvironmentVariable("CATALOGHUB_DB")
            ?? throw new InvalidOperationException("CATALOGHUB_DB is not set: run the tests with `make test`.");
        Environment.SetEnvironmentVariable("CATALOGHUB_DB", db);
        Environment.SetEnvironmentVariable("CATALOGHUB_SEED_DEMO", "false");
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        // Tests append to the transparency log and sign its checkpoints explicitly, so its loop stays off.
        Environment.SetEnvironmentVariable("CATALOGHUB_LOG_INTERVAL_SECONDS", "0");
        // The webhook receivers of the tests listen on loopback, which only the allow-list opens; by name only, so that
        // subscriptions to loopback addresses written as addresses are still refused.
        Environment.SetEnvironmentVariable("CATALOGHUB_WEBHOOK_ALLOW", "localhost");
        // In process every request comes from the same (unknown) client address: a limit above what the other tests'
        // refused keys add up to, and still far below the 300 guesses of the throttling test.
        Environment.SetEnvironmentVariable("CATALOGHUB_AUTH_FAILURE_LIMIT", "40");
        Environment.SetEnvironmentVariable("CATALOGHUB_CORS_ORIGINS", PortalOrigin);
        Host = await AlbaHost.For<Program>(x => x.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)
            .AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Information)).ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RunWolverineInSoloMode();
            services.ConfigureMarten(opts => opts.Listeners.Add(Commits));
        }));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "integration";
}
