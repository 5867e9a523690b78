using System.Net;
using CatalogHub.BasisCheck;
using CatalogHub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Wolverine;

namespace CatalogHub.Tests.Site;

/// <summary>
/// The app on a real loopback port (Kestrel: a browser cannot reach the in-process test server), on the tests' database and the
/// machine's clock, with Debian's Chromium driven by Playwright. Started after the data is seeded, so its published index
/// starts from it.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly WebApplicationFactory<Program> _app;
    private readonly IPlaywright _playwright;

    private SiteServer(WebApplicationFactory<Program> app, string address, IPlaywright playwright, IBrowser browser) =>
        (_app, Address, _playwright, Browser) = (app, address, playwright, browser);

    public string Address { get; }
    public IBrowser Browser { get; }

    /// <param name="indexed">
    /// What the node's published index must hold before a browser asks (the service guide is found through it, as the basis check
    /// finds it): the index reads the change log only up to the cluster's oldest open transaction, so it can lag a commit.
    /// </param>
    public static async Task<SiteServer> Start(Func<PublishedIndex, bool> indexed)
    {
        var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices(services => services.RunWolverineInSoloMode()));
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var index = app.Services.GetRequiredService<PublishedIndex>();
        Assert.True(await ExtraNode.Eventually(() => Task.FromResult(index.IsLoaded && indexed(index)), TimeSpan.FromSeconds(60)),
            "The published index never held the seeded data.");

        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: `make test` installs it (scripts/chromium.sh).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Playwright adds --no-sandbox (needed as root) and a fresh profile; the rest keeps Chromium off the network it may not reach.
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new SiteServer(app, address, playwright, browser);
    }

    /// <summary>A fresh browser context: no cookies from another test.</summary>
    public async Task<IPage> NewPage()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Address, Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }
}
