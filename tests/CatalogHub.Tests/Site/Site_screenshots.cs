using CatalogHub.Site;
using CatalogHub.Tests.Support;
using Microsoft.Playwright;

namespace CatalogHub.Tests.Site;

/// <summary>
/// The screenshots in docs/screenshots, taken by <c>scripts/screenshots.sh</c> (which sets CATALOGHUB_SCREENSHOTS to the folder);
/// skipped in a plain <c>make test</c>. They show the same data the browser tests read.
/// </summary>
public sealed class Site_screenshots(AppFixture fixture) : IntegrationContext(fixture), IAsyncLifetime
{
    private static readonly string? Folder = Environment.GetEnvironmentVariable("CATALOGHUB_SCREENSHOTS");
    private SiteData Data = null!;
    private SiteServer Server = null!;
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override async Task InitializeAsync()
    {
        if (Folder is null) return;
        await base.InitializeAsync();
        Data = await SiteData.Seed(Store, Clock, Admin, _now);
        Server = await SiteServer.Start(Data.IsIn);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }

    [SkippableFact]
    public async Task Main_pages()
    {
        Skip.If(Folder is null, "Set CATALOGHUB_SCREENSHOTS to a folder (scripts/screenshots.sh) to take the screenshots.");
        Directory.CreateDirectory(Folder!);
        var today = SiteText.Today(_now);
        var page = await Server.NewPage();
        await page.SetViewportSizeAsync(1280, 800);

        async Task Shot(string url, string name, bool print = false)
        {
            if (url.Length > 0) await page.GotoAsync(url);
            await page.EmulateMediaAsync(new() { Media = print ? Media.Print : Media.Screen });
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder!, name), FullPage = true });
        }

        await Shot("/site", "site-home.png");
        await Shot($"/site/411000?date={today}", "site-catalogue.png");
        await Shot($"/site/411000/catalogue/{Data.FoodLicence}?date={today}", "site-item-guide.png");
        await Shot("", "site-item-guide-print.png", print: true);
        await Shot($"/site/411000/lists/base-catalogue/{Data.FoodLicence}/history?date={today}", "site-history-diff.png");
        await Shot($"/site/411000/lists?date={today}", "site-lists.png");
        await Shot($"/site/411000/lists/proof-items/{Data.ProofItem}?date={today}", "site-proof-item.png");
        await Shot("/console", "console-sign-in.png");
        await page.GetByLabel("部门 API 密钥").FillAsync(Data.Market.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Shot("", "console-drafts.png");
        await Shot($"/console/lists/implementation-list/{Data.FoodGuide}", "console-edit-draft.png");
        await Shot($"/console/audit/base-catalogue/{Data.FoodLicence}?from=1&to=2", "console-audit-timeline.png");
        // The catalogue manager's review: the queue, and a submitted revision's diff against the version in force with the publish form.
        var manager = await Server.NewPage();
        await manager.SetViewportSizeAsync(1280, 800);
        await manager.GotoAsync("/console/sign-in");
        await manager.GetByLabel("部门 API 密钥").FillAsync(Admin.Key);
        await manager.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GotoAsync("/console/sign-in");
        await page.GetByLabel("部门 API 密钥").FillAsync(Data.NaturalResources.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GotoAsync($"/console/lists/base-catalogue/{Data.PlanningPermit}");
        await page.GetByLabel("提交说明").FillAsync("修订完成，提请审核");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        page = manager;
        await Shot("/console/review", "console-review-queue.png");
        await Shot($"/console/lists/base-catalogue/{Data.PlanningPermit}", "console-review-diff-publish.png");
    }
}
