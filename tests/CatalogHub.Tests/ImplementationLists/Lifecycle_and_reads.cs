using CatalogHub.Publication.Lists;
using CatalogHub.ImplementationLists;
using CatalogHub.Publication;
using CatalogHub.Tests.Support;
using Marten;

namespace CatalogHub.Tests.ImplementationLists;

public sealed class Lifecycle_and_reads(AppFixture fixture) : ImplementationListContext(fixture)
{
    [Fact]
    public async Task a_published_list_is_read_as_of_an_instant_with_its_citation()
    {
        var t1 = Now.AddMinutes(10);
        var (entry, v1) = await PublishedGuide(t1);
        var revised = await ReviseList(v1, FoodGuide() with { PromisedLimitDays = 3 });
        var t2 = Now.AddDays(30);
        var v2 = await PublishList(await SubmitList(revised), t2);
        Assert.Equal(2, v2.LatestVersion);

        AssertProblem(await Get($"/implementation-lists/{v1.Id}?asOf={Iso(t1.AddSeconds(-1))}", status: 404), "not-in-force");
        var first = Read<PublishedImplementationListView>(await Get($"/implementation-lists/{v1.Id}?asOf={Iso(t2.AddSeconds(-1))}"));
        Assert.Equal(5, first.Content.PromisedLimitDays);
        Assert.Equal((ImplementationListsList.Name, v1.Id, 1, t1), (first.Citation.List, first.Citation.Id, first.Citation.Version, first.Citation.EffectiveAt));
        Assert.Equal(entry.Id, first.EntryId);
        var second = Read<PublishedImplementationListView>(await Get($"/implementation-lists/{v1.Id}?asOf={Iso(t2)}"));
        Assert.Equal(3, second.Content.PromisedLimitDays);

        var versions = Read<VersionList>(await Get($"/implementation-lists/{v1.Id}/versions"));
        Assert.Equal([Bare(first.Citation), Bare(second.Citation)], versions.Versions);
        AssertSameJson(first with { Citation = Bare(first.Citation) }, Read<PublishedImplementationListView>(await Get($"/implementation-lists/{v1.Id}/versions/1")));

        var repealAt = Now.AddDays(40);
        var repealed = await RepealList(v2, repealAt);
        Assert.Equal(repealAt, repealed.RepealEffectiveAt);
        var gone = AssertProblem(await Get($"/implementation-lists/{v1.Id}?asOf={Iso(repealAt)}", status: 404), "repealed");
        Assert.Equal(repealAt, gone.GetProperty("repeal").GetProperty("effectiveAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task a_published_list_is_read_by_its_region_and_item_code_as_of_an_instant()
    {
        var t1 = Now.AddMinutes(10);
        var (_, list) = await PublishedGuide(t1);
        var byId = Read<PublishedImplementationListView>(await Get($"/implementation-lists/{list.Id}?asOf={Iso(t1)}"));
        var byCode = $"/regions/411000/implementation-lists/{byId.ItemCode}";

        var read = Read<PublishedImplementationListView>(await Get($"{byCode}?asOf={Iso(t1)}"));
        AssertSameJson(byId with { Citation = Bare(byId.Citation) }, read with { Citation = Bare(read.Citation) });
        Assert.Equal(t1, read.Citation.AsOf);
        AssertProblem(await Get($"{byCode}?asOf={Iso(t1.AddSeconds(-1))}", status: 404), "not-in-force", "code");
        // 禹州市 has no list of its own for the item: the city's is not answered for it.
        AssertProblem(await Get($"/regions/411081/implementation-lists/{byId.ItemCode}?asOf={Iso(t1)}", status: 404), "not-in-force", "code");
        AssertProblem(await Get("/regions/411000/implementation-lists/x", status: 400), "invalid-code", "code");

        var repealAt = Now.AddDays(40);
        await RepealList(list, repealAt);
        Assert.Equal(list.Id, Read<PublishedImplementationListView>(await Get($"{byCode}?asOf={Iso(repealAt.AddSeconds(-1))}")).Id);
        AssertProblem(await Get($"{byCode}?asOf={Iso(repealAt)}", status: 404), "not-in-force", "code");
    }

    [Fact]
    public async Task drafts_are_seen_by_their_editors_only_and_listed_for_the_owning_department()
    {
        var entry = await Published();
        var draft = await DraftList(entry.Id);

        AssertProblem(await Get($"/implementation-lists/{draft.Id}", status: 404), "not-in-force");
        await Get($"/implementation-lists/{draft.Id}/versions", status: 404);
        var other = await Register(TestDepartments.NaturalResources);
        await Get($"/implementation-lists/{draft.Id}/draft", other.Key, 404);
        await Get($"/implementation-lists/{draft.Id}/history", other.Key, 404);
        AssertSameJson(draft, Read<ImplementationListDraftView>(await Get($"/implementation-lists/{draft.Id}/draft", Market.Key)));
        AssertSameJson(draft, Read<ImplementationListDraftView>(await Get($"/implementation-lists/{draft.Id}/draft", Admin.Key)));

        Assert.Equal([draft.Id], Read<List<ImplementationListDraftView>>(await Get("/implementation-lists/drafts", Market.Key)).Select(d => d.Id));
        Assert.Empty(Read<List<ImplementationListDraftView>>(await Get("/implementation-lists/drafts", other.Key)));
        await Get("/implementation-lists/drafts", status: 401);

        var published = await PublishList(await SubmitList(draft));
        Assert.Empty(Read<List<ImplementationListDraftView>>(await Get("/implementation-lists/drafts", Market.Key)));
        Assert.Equal(Stage.Idle, published.Stage);
    }

    [Fact]
    public async Task one_list_per_entry_and_region_and_stale_writes_are_refused()
    {
        var entry = await Published();
        var draft = await DraftList(entry.Id);
        AssertProblem(await Post("/implementation-lists", DraftListOf(entry.Id, FoodGuide()), Market.Key, 409), "duplicate-list", "entryId");

        var revised = await ReviseList(draft, FoodGuide() with { PromisedLimitDays = 4 });
        AssertProblem(await Put($"/implementation-lists/{draft.Id}/draft", new { content = FoodGuide(), reason = "基于旧版本修改" }, Market.Key, 412, "\"1\""),
            "stale-version", "If-Match");
        AssertProblem(await Put($"/implementation-lists/{draft.Id}/draft", new { content = FoodGuide(), reason = "未带版本" }, Market.Key, 428),
            "if-match-required", "If-Match");
        // The owning service department drafts but may not publish: that is the catalogue manager's.
        var submitted = await SubmitList(revised);
        AssertProblem(await Post($"/implementation-lists/{draft.Id}/publish", new { reason = "公布" }, Market.Key, 403, $"\"{submitted.Version}\""),
            "not-entry-editor");
    }

    [Fact]
    public async Task retrying_a_draft_with_the_same_idempotency_key_creates_it_once_and_history_names_who_and_why()
    {
        var entry = await Published();
        var key = Guid.NewGuid().ToString();
        var body = DraftListOf(entry.Id, FoodGuide());
        var first = await Send(HttpMethod.Post, "/implementation-lists", body, Market.Key, 201, more: s => s.WithRequestHeader("Idempotency-Key", key));
        var retry = await Send(HttpMethod.Post, "/implementation-lists", body, Market.Key, 201, more: s => s.WithRequestHeader("Idempotency-Key", key));
        Assert.Equal(first.ReadAsText(), retry.ReadAsText());
        await using (var session = Store.QuerySession())
            Assert.Equal(1, await session.Query<ListItem<ImplementationListContent>>().CountAsync());

        var list = Read<ImplementationListDraftView>(first);
        await PublishList(await SubmitList(list));
        var history = Read<ItemHistory>(await Get($"/implementation-lists/{list.Id}/history", Market.Key));
        Assert.Equal(["implementation_list_drafted", "implementation_list_submitted_for_review", "implementation_list_published"],
            history.Events.Select(e => e.Type));
        Assert.Equal([Market.Code, Market.Code, Admin.Code], history.Events.Select(e => e.Department));
        Assert.Equal(["依据《许昌市政务服务条例》第十四条编制实施清单", "提交审核", "经审核同意公布"], history.Events.Select(e => e.Reason));
    }

    [Fact]
    public async Task withdrawing_a_never_published_list_closes_it()
    {
        var entry = await Published();
        var draft = await DraftList(entry.Id);
        var withdrawn = Read<ImplementationListDraftView>(await Post($"/implementation-lists/{draft.Id}/withdraw", new { reason = "重复编制" },
            Market.Key, 200, "\"1\""));
        Assert.Equal(Stage.Withdrawn, withdrawn.Stage);
        AssertProblem(await Post($"/implementation-lists/{draft.Id}/submit", new { reason = "提交" }, Market.Key, 422, "\"2\""), "withdrawn");
    }

}
