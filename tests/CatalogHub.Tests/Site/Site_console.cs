using System.Text.Json;
using CatalogHub.Catalogue;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;
using CatalogHub.Tests.Support;
using Marten;

namespace CatalogHub.Tests.Site;

/// <summary>The console's forms over plain HTTP: the API's validation beside the fields, If-Match, and who may do what.</summary>
public sealed class Site_console(AppFixture fixture) : IntegrationContext(fixture)
{
    private SiteData Data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Data = await SiteData.Seed(Store, Clock, Admin, Now);
    }

    private string ItemPage(Guid id, string list = "base-catalogue") => $"/console/lists/{list}/{id}";

    private async Task<ListItem<EntryContent>> Entry(Guid id)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<ListItem<EntryContent>>(id))!;
    }

    [Fact]
    public async Task A_new_draft_refused_by_the_api_s_rules_shows_each_problem_beside_its_field_and_writes_nothing()
    {
        var market = await ConsoleClient.SignIn(Host, Data.Market.Key);
        var page = "/console/lists/base-catalogue/new";
        var content = JsonSerializer.Serialize(CatalogueList.Definition.Example with { Name = "", Category = "行政许可" }, CatalogHub.Platform.ApiJson.Options);
        var refused = (await market.Post(page, page + "?handler=createJson",
            new Dictionary<string, string> { ["itemCode"] = "x", ["json"] = content, ["reason"] = "新设事项" }, 400)).ReadAsText();
        // The API's codes, beside the field at fault: the code's input, and the content's name in the JSON editor.
        Assert.Contains("<div id=\"createJson-itemCode-errors\"><span class=\"field-error\" role=\"alert\" data-field=\"itemCode\" data-code=\"invalid-item-code\"", refused);
        Assert.Contains("<div id=\"createJson-json-errors\"><span class=\"field-error\" role=\"alert\" data-field=\"json\" data-code=\"required\"", refused);
        Assert.Contains("名称：is required.", refused);
        Assert.Contains("aria-invalid=\"true\"", refused);
        await using (var session = Store.QuerySession())
            Assert.Equal(0, await session.Query<ListItem<EntryContent>>().Where(i => i.Code == "x").CountAsync());

        var created = await market.Post(page, page + "?handler=createJson",
            new Dictionary<string, string> { ["itemCode"] = "000147012000", ["json"] = content.Replace("\"name\":\"\"", "\"name\":\"食品小作坊登记\""), ["reason"] = "新设事项" }, 302);
        var location = created.Context.Response.Headers.Location.ToString();
        Assert.StartsWith("/console/lists/base-catalogue/", location);
        var id = Guid.Parse(location.Split('/')[4].Split('?')[0]);
        var item = await Entry(id);
        Assert.Equal(("000147012000", "食品小作坊登记", Data.Market.Code), (item.Code, item.Draft.Name, item.OwnerDepartmentCode));
    }

    [Fact]
    public async Task A_stale_form_is_refused_as_changed_by_someone_else_and_overwrites_nothing()
    {
        var owner = await ConsoleClient.SignIn(Host, Data.NaturalResources.Key);
        var page = ItemPage(Data.PlanningPermit);
        var form = ConsoleClient.Fields((await owner.Get(page)).ReadAsText(), "save");
        var read = form["version"];
        form["content.implementingAuthority"] = "许昌市行政审批和政务信息管理局";
        form["reason"] = "实施主体调整";
        await owner.Post(page, page + "?handler=save", form, 302);
        Assert.Equal("许昌市行政审批和政务信息管理局", (await Entry(Data.PlanningPermit)).Draft.ImplementingAuthority);

        // The same form, read before that change, sent again with another value.
        form["version"] = read;
        form["content.implementingAuthority"] = "许昌市城市管理局";
        var stale = (await owner.Post(page, page + "?handler=save", form, 412)).ReadAsText();
        Assert.Contains("已被他人修改", stale);
        Assert.Contains("stale-version", stale);
        Assert.Equal("许昌市行政审批和政务信息管理局", (await Entry(Data.PlanningPermit)).Draft.ImplementingAuthority);
    }

    [Fact]
    public async Task A_vague_material_is_flagged_beside_its_field_while_drafting_and_refused_beside_it_at_publication()
    {
        var market = await ConsoleClient.SignIn(Host, Data.Market.Key);
        var page = ItemPage(Data.FoodGuide, "implementation-list");
        var form = ConsoleClient.Fields((await market.Get(page)).ReadAsText(), "save");
        form["content.materials[0].name"] = "其他材料";
        form["reason"] = "补充材料";
        await market.Post(page, page + "?handler=save", form, 302);
        var drafted = (await market.Get(page)).ReadAsText();
        Assert.Contains("data-field=\"content.materials[0].name\" data-code=\"vague-material\"", drafted);
        var submit = ConsoleClient.Fields(drafted, "submit");
        submit["reason"] = "提交审核";
        await market.Post(page, page + "?handler=submit", submit, 302);

        var manager = await ConsoleClient.SignIn(Host, Admin.Key);
        var review = ConsoleClient.Fields((await manager.Get(page)).ReadAsText(), "publish");
        review["reason"] = "审核通过";
        var refused = (await manager.Post(page, page + "?handler=publish", review, 422)).ReadAsText();
        Assert.Contains("其他材料", refused);
        Assert.Matches("<div id=\"f-content-materials-0--name-errors\"><span class=\"field-error\" role=\"alert\" data-field=\"content.materials\\[0\\].name\" data-code=\"vague-material\"", refused);
    }

    [Fact]
    public async Task Only_the_roles_the_api_allows_reach_each_console_page_and_write()
    {
        var consumer = await ConsoleClient.SignIn(Host, (await Register(TestDepartments.HumanResources)).Key);
        Assert.Contains("无权访问", (await consumer.Get("/console/lists/base-catalogue/new", 403)).ReadAsText());
        await consumer.Get("/console/review", 403);
        await consumer.Get("/console/access-log", 403);
        await consumer.Get(ItemPage(Data.DraftOnly), 404);
        await consumer.Post("/console", ItemPage(Data.DraftOnly) + "?handler=save",
            new Dictionary<string, string> { ["version"] = "1", ["__template"] = "{}", ["reason"] = "越权" }, 403);

        // Another department neither sees nor changes Market's draft; the API's own check answers.
        var other = await ConsoleClient.SignIn(Host, Data.NaturalResources.Key);
        await other.Get(ItemPage(Data.DraftOnly), 404);
        await other.Get("/console/review", 403);
        await other.Post("/console", ItemPage(Data.DraftOnly) + "?handler=withdraw", new Dictionary<string, string> { ["version"] = "1", ["reason"] = "越权" }, 404);
        Assert.Equal(Stage.Drafting, (await Entry(Data.DraftOnly)).Lifecycle.Stage);

        // An auditor reads the item and its timeline, with no form to change it.
        var auditor = await ConsoleClient.SignIn(Host, (await Register(TestDepartments.Audit)).Key);
        var seen = (await auditor.Get(ItemPage(Data.DraftOnly))).ReadAsText();
        Assert.DoesNotContain("?handler=save", seen);
        var timeline = (await auditor.Get($"/console/audit/base-catalogue/{Data.DraftOnly}")).ReadAsText();
        Assert.Contains("起草", timeline);
        Assert.Contains("site test data", timeline);
        await auditor.Get("/console/access-log");
        await auditor.Post("/console", ItemPage(Data.DraftOnly) + "?handler=submit", new Dictionary<string, string> { ["version"] = "1", ["reason"] = "越权" }, 403);
    }

    [Fact]
    public async Task A_console_post_without_its_antiforgery_token_is_refused_and_a_key_less_one_is_sent_to_sign_in()
    {
        var market = await ConsoleClient.SignIn(Host, Data.Market.Key);
        await market.Post(ItemPage(Data.DraftOnly), ItemPage(Data.DraftOnly) + "?handler=withdraw",
            new Dictionary<string, string> { ["version"] = "1", ["reason"] = "撤回" }, 400, withToken: false);
        var nobody = new ConsoleClient(Host);
        var redirected = await nobody.Post("/console/sign-in", ItemPage(Data.DraftOnly) + "?handler=withdraw",
            new Dictionary<string, string> { ["version"] = "1", ["reason"] = "撤回" }, 302);
        Assert.StartsWith("/console/sign-in", new Uri(new Uri("http://localhost"), redirected.Context.Response.Headers.Location.ToString()).AbsolutePath);
        await nobody.Get("/console/review", 302);
        Assert.Equal(Stage.Drafting, (await Entry(Data.DraftOnly)).Lifecycle.Stage);
    }
}
