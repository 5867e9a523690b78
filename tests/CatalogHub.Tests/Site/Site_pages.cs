using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Alba;
using CatalogHub.Site;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Site;

/// <summary>The public pages and the console's door over plain HTTP, where no browser is needed.</summary>
public sealed partial class Site_pages(AppFixture fixture) : IntegrationContext(fixture)
{
    private SiteData Data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Data = await SiteData.Seed(Store, Clock, Admin, Now);
    }

    private string Today => SiteText.Today(Now);
    private string DaysAgo(int days) => Now.AddDays(-days).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<string> Page(string url, int status = 200)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });
        Assert.StartsWith("text/html", result.Context.Response.ContentType);
        return result.ReadAsText();
    }

    [Fact]
    public async Task A_draft_never_appears_on_a_public_page()
    {
        var catalogue = await Page($"/site/411000?date={Today}");
        Assert.Contains("食品经营许可", catalogue);
        Assert.Contains("建设工程规划许可证核发", catalogue);
        Assert.DoesNotContain(SiteData.DraftOnlyName, catalogue);
        Assert.DoesNotContain(SiteData.OtherDraftName, catalogue);
        Assert.DoesNotContain(SiteData.PendingRevisionName, catalogue);

        Assert.Contains("共 0 项", await Page($"/site/411000?date={Today}&q={Uri.EscapeDataString("小餐饮")}"));
        var draft = await Page($"/site/411000/catalogue/{Data.DraftOnly}?date={Today}", 404);
        Assert.DoesNotContain(SiteData.DraftOnlyName, draft);
        await Page($"/site/411000/lists/base-catalogue/{Data.DraftOnly}/history?date={Today}", 404);

        // A published item with a revision in drafting: its page and its history show the published versions only.
        Assert.DoesNotContain(SiteData.PendingRevisionName, await Page($"/site/411000/catalogue/{Data.PlanningPermit}?date={Today}"));
        var history = await Page($"/site/411000/lists/base-catalogue/{Data.PlanningPermit}/history?date={Today}");
        Assert.DoesNotContain(SiteData.PendingRevisionName, history);
        Assert.Contains("只公布过一个版本", history);
    }

    [Fact]
    public async Task An_item_page_shows_the_version_in_force_on_the_date_asked_with_its_citation()
    {
        var lastMonth = await Page($"/site/411000/catalogue/{Data.FoodLicence}?date={DaysAgo(30)}");
        Assert.Contains(SiteData.FirstAuthority, lastMonth);
        Assert.DoesNotContain(SiteData.SecondAuthority, lastMonth);
        Assert.Contains($"承诺办结时限 {SiteData.FirstPromisedDays} 个工作日", lastMonth);
        Assert.Contains(SiteText.Time(Data.FirstEffective), lastMonth);

        var today = await Page($"/site/411000/catalogue/{Data.FoodLicence}?date={Today}");
        Assert.Contains(SiteData.SecondAuthority, today);
        Assert.Contains($"承诺办结时限 {SiteData.SecondPromisedDays} 个工作日", today);
        Assert.Contains("食品安全管理人员培训考核合格证明", today);
        Assert.Contains(SiteText.Time(Data.SecondEffective), today);

        // Before its first version took effect the item was not in force: a 404 page, not an older version or a draft.
        await Page($"/site/411000/catalogue/{Data.FoodLicence}?date={DaysAgo(90)}", 404);
        // An item of another region is not this region's.
        await Page($"/site/411002/catalogue/{Data.FoodLicence}?date={Today}", 404);
        Assert.Contains("许昌市魏都区行政审批和政务信息管理局", await Page($"/site/411002/catalogue/{Data.WeiduFoodLicence}?date={Today}"));
    }

    [Fact]
    public async Task The_catalogue_is_browsed_by_category_and_department()
    {
        var permits = await Page($"/site/411000?date={Today}&category={Uri.EscapeDataString("行政许可")}");
        Assert.Contains("共 2 项", permits);
        var byDepartment = await Page($"/site/411000?date={Today}&department={Uri.EscapeDataString("许昌市自然资源和规划局")}");
        Assert.Contains("共 1 项", byDepartment);
        Assert.Contains("建设工程规划许可证核发", byDepartment);
        Assert.DoesNotContain(">食品经营许可<", byDepartment);
    }

    [Fact]
    public async Task Bad_input_gets_a_400_page_and_what_does_not_exist_a_404_page_never_a_500()
    {
        Assert.Contains("日期有误", await Page("/site/411000?date=2026-02-30", 400));
        await Page("/site/411000?date=yesterday", 400);
        await Page($"/site/411000/catalogue/{Data.FoodLicence}?date=2026-13-01", 400);
        Assert.Contains("地区代码有误", await Page($"/site/41100A?date={Today}", 400));
        Assert.Contains("没有行政区划代码为 419999 的地区", await Page($"/site/419999?date={Today}", 404));
        await Page($"/site/419999/lists/proof-items?date={Today}", 404);
        await Page($"/site/411000/lists/no-such-list?date={Today}", 404);
        await Page($"/site/411000?date={Today}&category={Uri.EscapeDataString("行政征收")}", 400);
        await Page($"/site/411000?date={Today}&page=0", 400);
        await Page($"/site/411000/lists/base-catalogue/{Data.FoodLicence}/history?date={Today}&from=1&to=7", 404);
        await Page($"/site/411000/lists/base-catalogue/{Data.FoodLicence}/history?date={Today}&from=x&to=2", 400);
    }

    [Fact]
    public async Task A_page_without_a_date_is_sent_to_today_s_so_its_address_is_stable()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/site/411000?category={Uri.EscapeDataString("行政许可")}");
            s.StatusCodeShouldBe(HttpStatusCode.Redirect);
        });
        Assert.Equal($"/site/411000?date={Today}&category={Uri.EscapeDataString("行政许可")}", result.Context.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task No_page_is_part_of_the_API_description()
    {
        var paths = ReadJson(await Get("/swagger/v1/swagger.json")).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/regions/{regionCode}/catalogue", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/site", StringComparison.Ordinal) || p.StartsWith("/console", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_less_visitor_of_the_console_is_sent_to_sign_in()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/console");
            s.StatusCodeShouldBe(HttpStatusCode.Redirect);
        });
        Assert.StartsWith("/console/sign-in", new Uri(result.Context.Response.Headers.Location.ToString(), UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } u
            ? u.PathAndQuery : result.Context.Response.Headers.Location.ToString());
        Assert.DoesNotContain(SiteData.DraftOnlyName, result.ReadAsText());
        // An API key in the header opens the API, not the console: the console knows its own session only.
        var withKey = await Host.Scenario(s =>
        {
            s.Get.Url("/console");
            s.WithRequestHeader("Authorization", "ApiKey " + Data.Market.Key);
            s.StatusCodeShouldBe(HttpStatusCode.Redirect);
        });
        Assert.DoesNotContain(SiteData.DraftOnlyName, withKey.ReadAsText());
    }

    /// <summary>The sign-in form's antiforgery token and the cookie that goes with it.</summary>
    private async Task<(string Token, string Cookie)> SignInForm()
    {
        var form = await Host.Scenario(s => s.Get.Url("/console/sign-in"));
        var token = Token().Match(form.ReadAsText()).Groups[1].Value;
        Assert.NotEmpty(token);
        return (token, string.Join("; ", form.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0])));
    }

    private async Task<IScenarioResult> SignIn(string key, bool withToken, int status)
    {
        var (token, antiforgery) = await SignInForm();
        return await Host.Scenario(s =>
        {
            s.Post.FormData(withToken ? new Dictionary<string, string> { ["key"] = key, ["__RequestVerificationToken"] = token }
                : new Dictionary<string, string> { ["key"] = key }).ToUrl("/console/sign-in");
            s.WithRequestHeader("Cookie", antiforgery);
            s.StatusCodeShouldBe(status);
        });
    }

    private static string SessionCookie(IScenarioResult signedIn) =>
        signedIn.Context.Response.Headers.SetCookie.Single(c => c!.StartsWith(SiteSetup.ConsoleCookie + "=", StringComparison.Ordinal))!;

    private Task<IScenarioResult> Console(string cookie, int status) => Host.Scenario(s =>
    {
        s.Get.Url("/console");
        s.WithRequestHeader("Cookie", cookie.Split(';')[0]);
        s.StatusCodeShouldBe(status);
    });

    [Fact]
    public async Task Signing_in_needs_the_form_s_antiforgery_token_and_a_good_key_and_sets_a_strict_http_only_cookie()
    {
        await SignIn(Data.Market.Key, withToken: false, 400);
        var refused = await SignIn("chk_0000000000000000_notakey", withToken: true, 401);
        Assert.Contains("密钥无效", refused.ReadAsText());
        Assert.DoesNotContain(refused.Context.Response.Headers.SetCookie, c => c!.StartsWith(SiteSetup.ConsoleCookie, StringComparison.Ordinal));

        var cookie = SessionCookie(await SignIn(Data.Market.Key, withToken: true, 302));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/console", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Data.Market.Key, cookie);
        Assert.DoesNotContain(Logs.Lines, l => l.Contains(Data.Market.Key, StringComparison.Ordinal));

        var desk = await Console(cookie, 200);
        Assert.Contains(SiteData.DraftOnlyName, desk.ReadAsText());
        Assert.DoesNotContain(SiteData.OtherDraftName, desk.ReadAsText());
        Assert.Contains("no-store", desk.Context.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_session_ends_when_its_key_is_revoked()
    {
        var cookie = SessionCookie(await SignIn(Data.Market.Key, withToken: true, 302));
        await Console(cookie, 200);
        await Post($"/departments/{Data.Market.Id}/keys/{Data.Market.Key[4..20]}/revoke", new { reason = "密钥泄露" }, Data.Market.Key, 200);
        var after = await Console(cookie, 302);
        Assert.DoesNotContain(SiteData.DraftOnlyName, after.ReadAsText());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
