using Alba;
using CatalogHub.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Marten;
using Wolverine;

namespace CatalogHub.Tests.Support;

/// <summary>
/// A second API node beside the shared fixture's, on the same database (or a proxy of it), with its own settings: for
/// tests that run the background loops or take the database away from one node without disturbing the shared host.
/// Its logs go to <see cref="Logs"/>, not to the console.
/// </summary>
public sealed class ExtraNode : IAsyncDisposable
{
    private ExtraNode(IAlbaHost host, CapturedLogs logs) => (Host, Logs) = (host, logs);

    public IAlbaHost Host { get; }
    public CapturedLogs Logs { get; }
    public Supervision Supervision => Host.Services.GetRequiredService<Supervision>();

    /// <summary>
    /// False once anything asked the host to stop, or a background service faulted: the host logs "BackgroundService
    /// failed" for each, even where it is told to carry on without it.
    /// </summary>
    public bool IsRunning => !Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested
        && !Logs.Lines.Any(l => l.Contains("BackgroundService failed", StringComparison.Ordinal));

    public static async Task<ExtraNode> Start(string connectionString, IDictionary<string, string?> settings)
    {
        var logs = new CapturedLogs();
        var host = await AlbaHost.For<Program>(x => x
            .ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(settings))
            .ConfigureLogging(l => l.ClearProviders().SetMinimumLevel(LogLevel.Information).AddProvider(logs))
            .ConfigureServices(services =>
            {
                // Wolverine's message store is Marten's database, so it follows.
                services.ConfigureMarten(o => o.Connection(connectionString));
                services.RunWolverineInSoloMode();
            }));
        return new ExtraNode(host, logs);
    }

    /// <summary>Waits (bounded) until <paramref name="done"/> holds; false if it never did.</summary>
    public static async Task<bool> Eventually(Func<Task<bool>> done, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (await done()) return true;
            await Task.Delay(100);
        }
        return await done();
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
