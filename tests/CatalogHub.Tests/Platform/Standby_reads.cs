using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Alba;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// A primary with a streaming-replication hot standby of its own (scripts/cluster.sh, as `make cluster` starts them) and a
/// node reading the public catalogue from the standby: each answer says where it was read and how far behind that was,
/// the standby's lag is in /health/ready and /metrics, and losing the standby under concurrent reads sends them to the primary
/// without one error.
/// </summary>
public sealed class Standby_reads : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"cataloghub-standby-{Guid.NewGuid():N}");
    private int _primaryPort, _standbyPort;
    private ExtraNode _node = null!;

    public async Task InitializeAsync()
    {
        var (primaryPort, standbyPort) = (FreePort(), FreePort());
        (_primaryPort, _standbyPort) = (primaryPort, standbyPort);
        var lines = (await Cluster("db-up", _dir, $"{primaryPort}", $"{standbyPort}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        _node = await ExtraNode.Start(lines[0], new Dictionary<string, string?>
        {
            ["CATALOGHUB_READ_DB"] = lines[1],
            ["CATALOGHUB_SEED_DEMO"] = "true",   // 许昌市's published catalogue, written on the primary
            ["CATALOGHUB_ADMIN_KEY_FILE"] = AdminKeyFile,
        });
    }

    private string AdminKeyFile => Path.Combine(_dir, "admin-key");

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
        await Cluster("db-down", _dir);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task the_catalogue_is_read_from_the_standby_and_from_the_primary_while_the_standby_is_away()
    {
        // The demo data replays onto the standby: its catalogue fills up there.
        Assert.True(await ExtraNode.Eventually(async () => (await Catalogue()).Total > 0, TimeSpan.FromSeconds(30)));
        var fromStandby = await Catalogue();
        Assert.Equal("standby", fromStandby.From);
        Assert.InRange(fromStandby.Lag, 0, 30);
        var entry = fromStandby.FirstId;
        Assert.Equal("standby", (await Get($"/catalogue/entries/{entry}")).Context.Response.Headers["X-Read-From"]);

        var ready = await Ready();
        Assert.Equal(200, ready.Status);
        Assert.Equal("Healthy", ready.Standby.GetProperty("status").GetString());
        Assert.True(ready.Standby.GetProperty("data").GetProperty("lagSeconds").GetDouble() >= 0);
        var key = (await File.ReadAllTextAsync(AdminKeyFile)).Trim();
        var metrics = await (await _node.Host.Scenario(s => { s.Get.Url("/metrics"); s.WithRequestHeader("Authorization", $"ApiKey {key}"); })).ReadAsTextAsync();
        Assert.Contains("cataloghub_standby_lag_seconds", metrics);

        // Readers keep reading, four at a time, while the standby goes away under them: every answer is a 200, the
        // standby's until it stops and the primary's after, none lost to a connection that broke with it.
        var answers = new ConcurrentQueue<(int Status, string? From, string? Problem)>();
        using var reading = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(reader => Task.Run(async () =>
        {
            for (var i = 0; !reading.IsCancellationRequested; i++)
            {
                var answer = await Get((reader + i) % 2 == 0 ? "/regions/411000/catalogue?pageSize=20" : $"/catalogue/entries/{entry}");
                var status = answer.Context.Response.StatusCode;
                answers.Enqueue((status, answer.Context.Response.Headers["X-Read-From"], status == 200 ? null : await answer.ReadAsTextAsync()));
            }
        })).ToArray();
        Assert.True(await ExtraNode.Eventually(() => Task.FromResult(answers.Count >= 20), TimeSpan.FromSeconds(30)));
        await Cluster("standby", "stop", _dir, $"{_standbyPort}");
        var afterStop = answers.Count;
        Assert.True(await ExtraNode.Eventually(() => Task.FromResult(answers.Skip(afterStop).Count(a => a.From == "primary") >= 40), TimeSpan.FromSeconds(60)),
            "the reads did not go on from the primary once the standby stopped");
        await reading.CancelAsync();
        await Task.WhenAll(readers);
        Assert.All(answers, a => Assert.True(a.Status == 200, $"{a.Status}: {a.Problem}"));
        Assert.Contains(answers, a => a.From == "standby");
        Assert.Equal("primary", answers.Last().From);

        for (var i = 0; i < 5; i++)
        {
            var fromPrimary = await Catalogue();
            Assert.Equal("primary", fromPrimary.From);
            Assert.Equal(fromStandby.Total, fromPrimary.Total);
            var one = await Get($"/catalogue/entries/{entry}");
            Assert.Equal(200, one.Context.Response.StatusCode);
            Assert.Equal("primary", one.Context.Response.Headers["X-Read-From"]);
        }
        var degraded = await Ready();
        Assert.Equal(200, degraded.Status);
        Assert.Equal("Degraded", degraded.Standby.GetProperty("status").GetString());

        await Cluster("standby", "start", _dir, $"{_standbyPort}");
        Assert.True(await ExtraNode.Eventually(async () => (await Catalogue()).From == "standby", TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task a_standby_cut_off_from_its_primary_says_how_old_its_data_is()
    {
        Assert.True(await ExtraNode.Eventually(async () => (await Catalogue()).Total > 0, TimeSpan.FromSeconds(30)));
        // It has replayed all it received, like a caught-up standby: only its WAL receiver knows it no longer receives.
        await Cluster("primary", "stop", _dir, $"{_primaryPort}");
        Assert.True(await ExtraNode.Eventually(async () => await Catalogue() is { From: "standby", Lag: >= 1 }, TimeSpan.FromSeconds(30)),
            "a standby without its primary kept reporting itself 0 s behind");
        await Cluster("primary", "start", _dir, $"{_primaryPort}");
        Assert.True(await ExtraNode.Eventually(async () => await Catalogue() is { From: "standby", Lag: < 1 }, TimeSpan.FromSeconds(60)));
    }

    private Task<IScenarioResult> Get(string url) => _node.Host.Scenario(s => { s.Get.Url(url); s.IgnoreStatusCode(); });

    private async Task<(long Total, string? From, double Lag, string? FirstId)> Catalogue()
    {
        var result = await Get("/regions/411000/catalogue?pageSize=1");
        Assert.Equal(200, result.Context.Response.StatusCode);
        var page = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
        var items = page.GetProperty("items");
        return (page.GetProperty("total").GetInt64(), result.Context.Response.Headers["X-Read-From"],
            double.Parse(result.Context.Response.Headers["X-Read-Lag-Seconds"].ToString(), CultureInfo.InvariantCulture),
            items.GetArrayLength() > 0 ? items[0].GetProperty("id").GetString() : null);
    }

    private async Task<(int Status, JsonElement Standby)> Ready()
    {
        var result = await Get("/health/ready");
        var body = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
        return (result.Context.Response.StatusCode, body.GetProperty("checks").GetProperty("standby").Clone());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs scripts/cluster.sh with these arguments; its standard output, or the test fails with its error.</summary>
    private static async Task<string> Cluster(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFolder.Root };
        start.ArgumentList.Add("scripts/cluster.sh");
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"scripts/cluster.sh {string.Join(' ', args)}: {await error}");
        return await output;
    }
}
