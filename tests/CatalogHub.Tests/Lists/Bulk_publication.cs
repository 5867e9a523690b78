using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Audit.Log;
using CatalogHub.BasisCheck;
using CatalogHub.Catalogue;
using CatalogHub.Catalogue.Reading;
using CatalogHub.Feed;
using CatalogHub.Lists.ProofItems;
using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Lists;

/// <summary>
/// <c>POST {list}/bulk</c>: a department's catalogue migrated onto the hub, or a county adopting its city's (承接), drafted, submitted
/// and published in one request, all or nothing, under the single path's every rule; what it publishes reads as single
/// publications do (as-of reads, history, the feed, the basis check, the transparency log).
/// </summary>
public sealed class Bulk_publication(AppFixture fixture) : ListContext(fixture)
{
    private const string Route = "/catalogue/entries/bulk";
    private const int CityItems = 1_500;

    private TestDepartment Yuzhou { get; set; } = null!;
    private TestDepartment Auditor { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Yuzhou = await Register(TestDepartments.YuzhouManager);
        Auditor = await Register(TestDepartments.Audit);
    }

    private static readonly (string Name, string Category, string Department, LegalBasis Basis)[] Templates =
    [
        ("食品经营许可", "行政许可", "许昌市市场监督管理局", new("中华人民共和国食品安全法", "法律", "第三十五条")),
        ("个体工商户登记", "行政许可", "许昌市市场监督管理局", new("促进个体工商户发展条例", "行政法规", "第八条")),
        ("建设工程规划许可证核发", "行政许可", "许昌市自然资源和规划局", new("中华人民共和国城乡规划法", "法律", "第四十条")),
        ("不动产登记", "行政确认", "许昌市自然资源和规划局", new("不动产登记暂行条例", "行政法规", "第三条")),
        ("失业保险金申领", "行政给付", "许昌市人力资源和社会保障局", new("失业保险条例", "行政法规", "第十四条")),
        ("就业登记", "公共服务", "许昌市人力资源和社会保障局", new("就业服务与就业管理规定", "规章", "第六十一条")),
        ("公章刻制备案", "行政备案", "许昌市公安局", new("国务院对确需保留的行政审批项目设定行政许可的决定", "国务院决定", "第37项")),
    ];

    private static string CodeOf(int n) => $"0001{n:D8}";

    /// <summary>The n-th item of a city catalogue being migrated: a real item's name, category, department and basis, numbered apart.</summary>
    private static EntryContent CityItem(int n)
    {
        var t = Templates[n % Templates.Length];
        return new EntryContent($"{t.Name}（第{n + 1}项）", t.Category, t.Department, t.Department, [t.Basis], $"410000-{CodeOf(n)}");
    }

    private static JsonObject Bulk(IEnumerable<object> entries, string region = "411000") => JsonSerializer.SerializeToNode(new
    {
        regionCode = region,
        entries,
        note = "首次公布",
        reason = "依据《许昌市政务服务条例》第十三条迁移市级政务服务事项基本目录",
    }, ApiJson.Options)!.AsObject();

    private static JsonObject CityCatalogue(int count) =>
        Bulk(Enumerable.Range(0, count).Select(n => (object)new { code = CodeOf(n), content = CityItem(n) }));

    private static JsonArray Entries(JsonObject bulk) => bulk["entries"]!.AsArray();

    private static FieldError[] Errors(JsonElement problem) =>
        problem.GetProperty("errors").Deserialize<FieldError[]>(ApiJson.Options)!;

    [Fact]
    public async Task a_city_s_1500_items_are_published_in_one_request_and_read_as_single_publications_do()
    {
        var published = Read<BulkPublished>(await Post(Route, CityCatalogue(CityItems), Admin.Key, 200));

        Assert.Equal((CatalogueList.Name, "411000", CityItems), (published.List, published.RegionCode, published.Count));
        Assert.Equal(Enumerable.Range(0, CityItems), published.Items.Select(i => i.Index));
        Assert.Equal(Enumerable.Range(0, CityItems).Select(CodeOf), published.Items.Select(i => i.Code));
        Assert.All(published.Items, i => Assert.Equal(1, i.Version));
        var page = Read<CataloguePage>(await Get("/regions/411000/catalogue?pageSize=200"));
        Assert.Equal(CityItems, page.Total);

        // One item as the public reads it: its version 1, cited with the sequence of the publication event its history shows.
        var item = published.Items[917];
        var read = Read<PublishedEntryView>(await Get($"/catalogue/entries/{item.Id}?asOf={Iso(Now)}"));
        Assert.Equal((item.Code, CityItem(917).Name, 1), (read.ItemCode, read.Content.Name, read.Citation.Version));
        var history = Read<ItemHistory>(await Get($"/catalogue/entries/{item.Id}/history", Admin.Key));
        Assert.Equal(["entry_drafted", "entry_submitted_for_review", "entry_published"], history.Events.Select(e => e.Type));
        Assert.All(history.Events, e => Assert.Equal((Admin.Code, "依据《许昌市政务服务条例》第十三条迁移市级政务服务事项基本目录"), (e.Department, e.Reason)));
        Assert.Equal(history.Events[^1].Sequence, read.Citation.Sequence);

        // The basis check finds it by its code and cites that version; the feed carries every publication, once each.
        var answer = Read<BasisAnswer>(await Post("/basis-check", new { regionCode = "411000", itemCode = item.Code, asOf = Now }, Market.Key, 200));
        Assert.Contains(answer.Citations, c => (c.List, c.Id, c.Version, c.Sequence) == (CatalogueList.Name, item.Id, 1, read.Citation.Sequence));
        var publications = new List<Guid>();
        string? after = null;
        // Each item's drafting and publication: 3,000 changes, three full pages and an empty one.
        for (var pages = 0; pages < 10; pages++)
        {
            var feed = Read<FeedPage>(await Get($"/feed?limit=1000{(after is null ? "" : $"&after={after}")}", Market.Key));
            if (feed.Items.Count == 0) break;
            publications.AddRange(feed.Items.Where(f => f.Kind == ChangeKind.Published).Select(f => f.Id));
            after = feed.Next;
        }
        Assert.Equal(published.Items.Select(i => i.Id).Order(), publications.Order());

        // The transparency log holds it: the as-of read proves its citation against a signed checkpoint.
        await Signed();
        var proven = JsonNode.Parse((await Get($"/catalogue/entries/{item.Id}?asOf={Iso(Now)}&inclusionProofs=true")).ReadAsText())!;
        var proofs = proven[CitationProof.Member].Deserialize<CitationProofs>(ApiJson.Options)!;
        Assert.Equal(read.Citation.Sequence, Assert.Single(proofs.Events).Sequence);
    }

    [Fact]
    public async Task a_county_adopts_city_items_each_deriving_from_the_city_s_and_only_from_a_published_one_of_its_parent()
    {
        var city = Read<BulkPublished>(await Post(Route, CityCatalogue(3), Admin.Key, 200));
        var adopted = Bulk(city.Items.Select(i => (object)new
        {
            code = i.Code,
            content = CityItem(i.Index) with { CompetentDepartment = "禹州市市场监督管理局", ImplementingAuthority = "禹州市市场监督管理局" },
            derivedFrom = i.Id,
        }), "411081");

        var county = Read<BulkPublished>(await Post(Route, adopted, Yuzhou.Key, 200));
        var read = Read<PublishedEntryView>(await Get($"/catalogue/entries/{county.Items[1].Id}"));
        Assert.Equal(("411081", city.Items[1].Id), (read.RegionCode, read.DerivedFrom));

        // A source that is no published entry, and one of 许昌市 taken by a county whose parent it is not (魏都区's own entry).
        var weidu = await Register(TestDepartments.WeiduManager);
        var own = Read<BulkPublished>(await Post(Route, Bulk([new { code = "000147099000", content = CityItem(5) }], "411002"), weidu.Key, 200));
        var refused = Bulk(
        [
            new { code = "000147011001", content = CityItem(0), derivedFrom = (Guid?)Guid.CreateVersion7() },
            new { code = "000147011002", content = CityItem(1), derivedFrom = (Guid?)own.Items[0].Id },
        ], "411081");
        var before = await EventCount();
        var problem = AssertProblem(await Post(Route, refused, Yuzhou.Key, 422), BulkPublication.NotPublishable, "entries[0].derivedFrom");
        Assert.Equal([("entries[0].derivedFrom", "derived-entry-not-published"), ("entries[1].derivedFrom", "derivation-not-from-parent-region")],
            Errors(problem).Select(e => (e.Field, e.Code)));
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task one_malformed_element_among_1500_refuses_the_whole_request_naming_it_by_index_and_nothing_is_written()
    {
        var bulk = CityCatalogue(CityItems);
        Entries(bulk)[917]!["content"]!["legalBases"]![0]!["level"] = "通知";
        var before = await EventCount();

        var problem = AssertProblem(await Post(Route, bulk, Admin.Key, 400), "unknown-basis-level", "entries[917].content.legalBases[0].level");
        Assert.Equal("entries[917].content.legalBases[0].level", Assert.Single(Errors(problem)).Field);
        Assert.Equal(before, await EventCount());
        Assert.Equal(0, Read<CataloguePage>(await Get("/regions/411000/catalogue")).Total);
    }

    [Fact]
    public async Task every_refused_element_is_listed_in_one_problem_in_the_request_s_order()
    {
        var taken = await Published(FoodLicence(), CodeOf(40));
        var bulk = CityCatalogue(60);
        Entries(bulk)[12]!["content"]!["name"] = "";
        Entries(bulk)[33]!["code"] = "食品";
        // A code already held in the region is the store's refusal: listed beside the malformed elements' errors.
        var problem = AssertProblem(await Post(Route, bulk, Admin.Key, 400), "validation-failed", "entries[12].content.name");
        Assert.Equal([("entries[12].content.name", "required"), ("entries[33].code", "invalid-item-code"), ("entries[40].code", "duplicate-item-code")],
            Errors(problem).Select(e => (e.Field, e.Code)));
        Assert.Equal(taken.Id, Assert.Single(Read<CataloguePage>(await Get("/regions/411000/catalogue")).Items).Id);
    }

    [Fact]
    public async Task a_code_given_twice_in_the_request_is_refused_at_its_second_element()
    {
        var bulk = CityCatalogue(10);
        Entries(bulk)[7]!["code"] = CodeOf(2);
        var before = await EventCount();

        var problem = AssertProblem(await Post(Route, bulk, Admin.Key, 400), "duplicate-item-code", "entries[7].code");
        Assert.Contains("entries[2]", Assert.Single(Errors(problem)).Message);
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task only_the_region_s_catalogue_manager_publishes_in_bulk()
    {
        var bulk = CityCatalogue(3);
        var before = await EventCount();
        // A service department drafts but does not publish; another region's manager publishes its own region only.
        AssertProblem(await Post(Route, bulk, Market.Key, 403), "not-entry-editor");
        AssertProblem(await Post(Route, bulk, Yuzhou.Key, 403), "other-region");
        AssertProblem(await Post(Route, bulk, Auditor.Key, 403), "missing-role");
        await Post(Route, bulk, null, 401);
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task more_entries_than_the_limit_are_refused_as_a_whole()
    {
        var problem = AssertProblem(await Post(Route, CityCatalogue(BulkPublication.MaxItems + 1), Admin.Key, 400), "too-many", "entries");
        Assert.Contains($"{BulkPublication.MaxItems}", problem.GetProperty("detail").GetString());
        AssertProblem(await Post(Route, CityCatalogue(0), Admin.Key, 400), "required", "entries");
    }

    [Fact]
    public async Task a_retry_with_the_same_idempotency_key_answers_the_first_publication_again_without_writing()
    {
        var bulk = CityCatalogue(20);
        var first = await Send(HttpMethod.Post, Route, bulk, Admin.Key, 200, more: s => s.WithRequestHeader("Idempotency-Key", "xc-migration-2026-11"));
        var events = await EventCount();
        var again = await Send(HttpMethod.Post, Route, bulk, Admin.Key, 200, more: s => s.WithRequestHeader("Idempotency-Key", "xc-migration-2026-11"));
        Assert.Equal("true", again.Context.Response.Headers["Idempotent-Replayed"].ToString());
        AssertSameJson(Read<BulkPublished>(first), Read<BulkPublished>(again));
        Assert.Equal(events, await EventCount());
    }

    [Fact]
    public async Task another_list_s_bulk_publication_refuses_content_naming_an_item_not_in_force()
    {
        var entry = await Published(FoodLicence(), "000147011000");
        var served = ProofItemExamples.EmploymentTermination with { ServedEntries = [entry.Id] };
        var unknown = ProofItemExamples.EmploymentTermination with { ServedEntries = [entry.Id, Guid.CreateVersion7()] };
        var bulk = Bulk([new { code = "ZM-0001", content = served }, new { code = "ZM-0002", content = unknown }]);
        var before = await EventCount();

        var problem = AssertProblem(await Post("/proof-items/bulk", bulk, Admin.Key, 422), "reference-not-in-force", "entries[1].content.servedEntries[1]");
        Assert.Single(Errors(problem));
        Assert.Equal(before, await EventCount());

        Entries(bulk).RemoveAt(1);
        var published = Read<BulkPublished>(await Post("/proof-items/bulk", bulk, Admin.Key, 200));
        var version = Read<VersionList>(await Get($"/proof-items/{published.Items[0].Id}/versions"));
        Assert.Equal(1, Assert.Single(version.Versions).Version);
    }
}
