using System.Globalization;
using System.Text.RegularExpressions;
using CatalogHub.Site;
using CatalogHub.Tests.Support;
using Microsoft.Playwright;

namespace CatalogHub.Tests.Site;

/// <summary>
/// A citizen and a department in Debian's Chromium, driven by Playwright, against the app on a loopback port. The data's dates
/// are the machine's clock's, as the server's.
/// </summary>
public sealed class Site_in_the_browser(AppFixture fixture) : IntegrationContext(fixture), IAsyncLifetime
{
    private SiteData Data = null!;
    private SiteServer Server = null!;
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Data = await SiteData.Seed(Store, Clock, Admin, _now);
        Server = await SiteServer.Start(Data.IsIn);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }

    private string DaysAgo(int days) => _now.AddDays(-days).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ILocator Citation(IPage page, string list) => page.Locator($"section.citation[aria-label='引用：{SiteText.ListNames[list]}']");

    [Fact]
    public async Task A_citizen_finds_an_item_by_name_and_reads_its_service_guide_as_of_last_month()
    {
        var page = await Server.NewPage();
        await page.GotoAsync("/site");
        await page.GetByRole(AriaRole.Link, new() { Name = "许昌市（411000）" }).ClickAsync();
        await page.GetByLabel("查询日期（北京时间）").FillAsync(DaysAgo(30));
        await page.GetByLabel("事项名称或编码").FillAsync("食品经营");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        Assert.Contains($"date={DaysAgo(30)}", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "共 1 项" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "食品经营许可" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "食品经营许可", Level = 1 })).ToBeVisibleAsync();
        Assert.Contains($"date={DaysAgo(30)}", page.Url);
        // Last month's versions, not today's: the entry's first version and the guide's.
        await Assertions.Expect(page.Locator("dl.fields").First).ToContainTextAsync(SiteData.FirstAuthority);
        await Assertions.Expect(Citation(page, "base-catalogue").GetByTestId("version")).ToHaveTextAsync("第 1 版");
        await Assertions.Expect(Citation(page, "base-catalogue").GetByTestId("effective-at")).ToHaveTextAsync(SiteText.Time(Data.FirstEffective));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "办事指南" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("time-limits")).ToContainTextAsync($"承诺办结时限 {SiteData.FirstPromisedDays} 个工作日");
        await Assertions.Expect(page.GetByTestId("materials")).ToContainTextAsync("营业执照");
        await Assertions.Expect(page.GetByTestId("materials")).ToContainTextAsync("电子证照");
        await Assertions.Expect(page.GetByTestId("materials")).Not.ToContainTextAsync("食品安全管理人员培训考核合格证明");
        await Assertions.Expect(Citation(page, "implementation-list").GetByTestId("version")).ToHaveTextAsync("第 1 版");

        // The same page today shows today's versions.
        await page.GetByLabel("查询日期（北京时间）").FillAsync(SiteText.Today(_now));
        await page.GetByRole(AriaRole.Button, new() { Name = "查看该日施行的版本" }).ClickAsync();
        await Assertions.Expect(Citation(page, "implementation-list").GetByTestId("version")).ToHaveTextAsync("第 2 版");
        await Assertions.Expect(page.GetByTestId("time-limits")).ToContainTextAsync($"承诺办结时限 {SiteData.SecondPromisedDays} 个工作日");
        await Assertions.Expect(page.GetByTestId("materials")).ToContainTextAsync("食品安全管理人员培训考核合格证明");
    }

    [Fact]
    public async Task The_item_s_history_shows_what_changed_between_two_versions()
    {
        var page = await Server.NewPage();
        await page.GotoAsync($"/site/411000/catalogue/{Data.FoodLicence}?date={SiteText.Today(_now)}");
        await page.GetByRole(AriaRole.Link, new() { Name = "该事项的历次版本与变更对比" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("versions").Locator("tbody tr")).ToHaveCountAsync(2);
        var diff = page.GetByTestId("diff");
        var authority = diff.Locator("tr", new() { HasText = "实施主体" });
        await Assertions.Expect(authority).ToContainTextAsync(SiteData.FirstAuthority);
        await Assertions.Expect(authority).ToContainTextAsync(SiteData.SecondAuthority);
        await Assertions.Expect(diff.Locator("tr", new() { HasText = "设定和实施依据 › 第2项" })).ToContainTextAsync("食品经营许可和备案管理办法");
        await Assertions.Expect(diff.Locator("tr", new() { HasText = "设定和实施依据 › 第2项" })).ToContainTextAsync("新增");
        // Comparing a version with itself shows no difference.
        await page.GetByLabel("原版本").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "对比" }).ClickAsync();
        await Assertions.Expect(page.GetByText("第 2 版与第 2 版内容相同。")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Another_list_shows_as_of_a_date()
    {
        var page = await Server.NewPage();
        await page.GotoAsync($"/site/411000/lists?date={SiteText.Today(_now)}");
        await page.GetByRole(AriaRole.Link, new() { Name = "证明事项清单" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "终止或者解除劳动关系证明" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "终止或者解除劳动关系证明", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("原用人单位");
        await Assertions.Expect(Citation(page, "proof-items").GetByTestId("effective-at")).ToHaveTextAsync(SiteText.Time(Data.SecondEffective));
        // The entry it serves is a link to that entry's page.
        await page.GetByRole(AriaRole.Link, new() { Name = Data.FoodLicence.ToString() }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "食品经营许可", Level = 1 })).ToBeVisibleAsync();

        // Last month the proof item was not yet published: the list was empty then.
        await page.GotoAsync($"/site/411000/lists/proof-items?date={DaysAgo(30)}");
        await Assertions.Expect(page.GetByText("该日没有施行中的项目。")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_key_less_visitor_cannot_reach_the_console()
    {
        var page = await Server.NewPage();
        await page.GotoAsync("/console");
        Assert.Equal("/console/sign-in", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "部门工作台登录" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(SiteData.DraftOnlyName);
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("待办草稿");

        // Every console page, not only the desk.
        foreach (var path in new[] { "/console/review", $"/console/lists/base-catalogue/{Data.DraftOnly}", "/console/lists/base-catalogue/new",
                     $"/console/audit/base-catalogue/{Data.DraftOnly}", "/console/access-log", "/console/filings", "/console/needs-revision" })
        {
            await page.GotoAsync(path);
            Assert.Equal("/console/sign-in", new Uri(page.Url).AbsolutePath);
        }
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(SiteData.DraftOnlyName);

        await page.GetByLabel("部门 API 密钥").FillAsync("chk_0000000000000000_guessed");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("密钥无效");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(SiteData.DraftOnlyName);
    }

    [Fact]
    public async Task A_signed_in_department_sees_its_drafts_and_no_other_department_s()
    {
        var page = await Server.NewPage();
        await page.GotoAsync("/console");
        await page.GetByLabel("部门 API 密钥").FillAsync(Data.Market.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        Assert.Equal("/console", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByTestId("department")).ToHaveTextAsync("许昌市市场监督管理局");
        await Assertions.Expect(page.GetByTestId("drafts")).ToContainTextAsync(SiteData.DraftOnlyName);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(SiteData.OtherDraftName);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(SiteData.PendingRevisionName);

        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == SiteSetup.ConsoleCookie);
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.Equal("/console", session.Path);
        // Script on any page cannot read the session.
        await page.GotoAsync("/console");
        Assert.DoesNotContain(SiteSetup.ConsoleCookie, await page.EvaluateAsync<string>("document.cookie"));

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.GotoAsync("/console");
        Assert.Equal("/console/sign-in", new Uri(page.Url).AbsolutePath);
    }

    /// <summary>A department's own browser, signed in at the console's door.</summary>
    private async Task<IPage> SignedIn(string key)
    {
        var page = await Server.NewPage();
        await page.GotoAsync("/console/sign-in");
        await page.GetByLabel("部门 API 密钥").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "部门工作台", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task A_department_drafts_a_manager_reviews_the_diff_and_publishes_and_the_public_page_shows_it_from_its_effective_time()
    {
        const string newAuthority = "许昌市行政审批和政务信息管理局";
        var owner = await SignedIn(Data.NaturalResources.Key);
        await owner.GetByTestId("drafts").GetByRole(AriaRole.Link, new() { Name = SiteData.PendingRevisionName }).ClickAsync();
        var edit = owner.GetByTestId("edit");
        await edit.GetByLabel("实施主体", new() { Exact = true }).FillAsync(newAuthority);
        await edit.GetByLabel("修改原因").FillAsync("机构改革后实施主体调整");
        await edit.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(owner.GetByTestId("done")).ToHaveTextAsync("草稿已保存。");
        await owner.GetByLabel("提交说明").FillAsync("修订完成，提请审核");
        await owner.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(owner.GetByTestId("stage")).ToHaveTextAsync("待审核");

        var manager = await SignedIn(Admin.Key);
        await manager.GetByRole(AriaRole.Link, new() { Name = "待审核" }).ClickAsync();
        await manager.GetByTestId("review-queue").GetByRole(AriaRole.Link, new() { Name = SiteData.PendingRevisionName }).ClickAsync();
        var diff = manager.GetByTestId("diff");
        await Assertions.Expect(diff.Locator("tr", new() { HasText = "实施主体" })).ToContainTextAsync("许昌市自然资源和规划局");
        await Assertions.Expect(diff.Locator("tr", new() { HasText = "实施主体" })).ToContainTextAsync(newAuthority);
        await Assertions.Expect(diff.Locator("tr", new() { HasText = "名称" })).ToContainTextAsync(SiteData.PendingRevisionName);

        // Effective tomorrow at nine, Beijing time, as typed.
        var tomorrow = _now.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(1);
        var effective = new DateTimeOffset(tomorrow.AddHours(9), TimeSpan.FromHours(8));
        var publish = manager.GetByTestId("publish");
        await publish.GetByLabel("施行时间（北京时间，Asia/Shanghai）").FillAsync(tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00");
        await publish.GetByLabel("审核意见").FillAsync("审核通过");
        await publish.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("done")).ToHaveTextAsync("已发布。");
        await Assertions.Expect(manager.GetByTestId("scheduled")).ToContainTextAsync(SiteText.Time(effective));

        // The public page: today the version in force, from tomorrow the new one, citing its effective time.
        var citizen = await Server.NewPage();
        await citizen.GotoAsync($"/site/411000/catalogue/{Data.PlanningPermit}?date={SiteText.Today(_now)}");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("建设工程规划许可证核发");
        await citizen.GotoAsync($"/site/411000/catalogue/{Data.PlanningPermit}?date={tomorrow:yyyy-MM-dd}");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(SiteData.PendingRevisionName);
        await Assertions.Expect(Citation(citizen, "base-catalogue").GetByTestId("version")).ToHaveTextAsync("第 2 版");
        await Assertions.Expect(Citation(citizen, "base-catalogue").GetByTestId("effective-at")).ToHaveTextAsync(SiteText.Time(effective));
        await Assertions.Expect(citizen.Locator("dl.fields").First).ToContainTextAsync(newAuthority);
    }

    [Fact]
    public async Task An_invalid_material_is_refused_with_the_message_beside_the_field()
    {
        var market = await SignedIn(Data.Market.Key);
        await market.GotoAsync($"/console/lists/implementation-list/{Data.FoodGuide}");
        var edit = market.GetByTestId("edit");
        await edit.GetByLabel("申请材料 › 第1项 › 名称", new() { Exact = true }).FillAsync("其他材料");
        await edit.GetByLabel("修改原因").FillAsync("补充申请材料");
        await edit.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        var field = market.Locator(".field", new() { Has = market.GetByLabel("申请材料 › 第1项 › 名称", new() { Exact = true }) });
        // Saved as a draft (the API's draft rules allow it), flagged beside the field as what publication will refuse.
        await Assertions.Expect(field.Locator(".field-error.warning")).ToContainTextAsync("vague-material");
        await market.GetByLabel("提交说明").FillAsync("提请审核");
        await market.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();

        var manager = await SignedIn(Admin.Key);
        await manager.GotoAsync($"/console/lists/implementation-list/{Data.FoodGuide}");
        await manager.GetByTestId("publish").GetByLabel("审核意见").FillAsync("审核");
        await manager.GetByTestId("publish").GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("refusal")).ToContainTextAsync("vague-material");
        var refused = manager.Locator(".field", new() { Has = manager.GetByLabel("申请材料 › 第1项 › 名称", new() { Exact = true }) });
        await Assertions.Expect(refused.Locator(".field-error:not(.warning)")).ToContainTextAsync("'其他材料' is a catch-all");
        await Assertions.Expect(manager.GetByLabel("申请材料 › 第1项 › 名称", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        // Nothing was published: the public guide still lists the named materials only.
        await manager.GotoAsync($"/site/411000/catalogue/{Data.FoodLicence}?date={SiteText.Today(_now)}");
        await Assertions.Expect(manager.GetByTestId("materials")).Not.ToContainTextAsync("其他材料");
    }

    [Fact]
    public async Task The_keyboard_reaches_the_content_first_and_every_page_is_in_chinese()
    {
        var page = await Server.NewPage();
        await page.GotoAsync($"/site/411000?date={SiteText.Today(_now)}");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到正文", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        // The focused element is outlined (focus-visible), not left to the browser's default.
        Assert.Matches(new Regex("^(?!none).+"), await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        Assert.Equal(1, await page.GetByRole(AriaRole.Main).CountAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Search).CountAsync());
    }
}
