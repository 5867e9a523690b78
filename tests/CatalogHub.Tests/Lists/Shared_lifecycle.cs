using System.Text.Json;
using CatalogHub.Catalogue;
using CatalogHub.Feed;
using CatalogHub.Lists.Deferrals;
using CatalogHub.Lists.Promises;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Lists;

/// <summary>
/// The lifecycle every registered list gets from its registration alone, shown through the 告知承诺 and 容缺受理 lists:
/// drafts are never law, versions are cited as of any instant, references must be in force, and refusals have codes.
/// </summary>
public sealed class Shared_lifecycle(AppFixture fixture) : ListContext(fixture)
{
    private static readonly ListDefinition<PromiseContent> Promises = PromisesList.Definition;
    private static readonly ListDefinition<DeferralContent> Deferrals = DeferralsList.Definition;

    private static PromiseContent PromiseFor(Guid entryId) => PromiseExamples.FoodBusinessPremises with { EntryId = entryId };

    [Fact]
    public async Task a_promise_is_drafted_published_cited_as_of_any_instant_and_repealed()
    {
        var entry = await Published();
        var draft = await DraftItem(Promises, PromiseFor(entry.Id), "000147011000");
        Assert.Equal(Stage.Drafting, draft.Stage);
        Assert.Equal("promises", draft.List);

        // A draft is never law: not readable as of now, not in the region's list, its draft hidden from other departments.
        AssertProblem(await Get($"/promises/{draft.Id}", status: 404), "not-in-force");
        Assert.Equal(0, Read<ItemPage<PromiseContent>>(await Get("/regions/411000/promises")).Total);
        var other = await Register(TestDepartments.NaturalResources);
        await Get($"/promises/{draft.Id}/draft", other.Key, 404);
        AssertSameJson(draft, Read<ItemDraftView<PromiseContent>>(await Get($"/promises/{draft.Id}/draft", Market.Key)));

        var effectiveAt = Now.AddHours(2);
        var published = await PublishItem(Promises, await SubmitItem(Promises, draft), effectiveAt);
        Assert.Equal(1, published.LatestVersion);
        AssertProblem(await Get($"/promises/{draft.Id}?asOf={Iso(effectiveAt.AddTicks(-10))}", status: 404), "not-in-force");
        var inForce = Read<PublishedItemView<PromiseContent>>(await Get($"/promises/{draft.Id}?asOf={Iso(effectiveAt)}"));
        AssertSameJson(PromiseFor(entry.Id), inForce.Content);
        // The citation names both instants asked about (knownAt: now by default) and the event that put the version on record.
        Assert.Equal(new Citation("promises", draft.Id, 1, inForce.Citation.PublishedAt, effectiveAt, inForce.Citation.Sequence,
            effectiveAt, Now, inForce.Citation.Sequence), inForce.Citation);

        var page = Read<ItemPage<PromiseContent>>(await Get($"/regions/411000/promises?asOf={Iso(effectiveAt)}"));
        AssertSameJson(new ItemPage<PromiseContent>(effectiveAt, Now, 1, 1, 50, [inForce]), page);
        var versions = Read<VersionList>(await Get($"/promises/{draft.Id}/versions"));
        // A version itself, outside any "as of" question, is cited without the instants.
        var version1 = inForce.Citation with { AsOf = null, KnownAt = null, RecordedBy = null };
        Assert.Equal([version1], versions.Versions);
        AssertSameJson(inForce with { Citation = version1 }, Read<PublishedItemView<PromiseContent>>(await Get($"/promises/{draft.Id}/versions/1")));

        var repealAt = effectiveAt.AddDays(1);
        var repealed = Read<ItemDraftView<PromiseContent>>(await Post($"/promises/{draft.Id}/repeal",
            new { effectiveAt = repealAt, basis = "许昌市人民政府关于调整告知承诺事项的决定", reason = "食品经营许可改为即时办结" },
            Admin.Key, 200, $"\"{published.Version}\""));
        Assert.Equal(repealAt, repealed.RepealEffectiveAt);
        var gone = AssertProblem(await Get($"/promises/{draft.Id}?asOf={Iso(repealAt)}", status: 404), "repealed");
        Assert.Equal("promises", gone.GetProperty("repeal").GetProperty("list").GetString());
        AssertSameJson(inForce with { Citation = inForce.Citation with { AsOf = repealAt.AddTicks(-10) } },
            Read<PublishedItemView<PromiseContent>>(await Get($"/promises/{draft.Id}?asOf={Iso(repealAt.AddTicks(-10))}")));

        // The history keeps every event under the list's own event type names, for editors and auditors only.
        var history = ReadJson(await Get($"/promises/{draft.Id}/history", Market.Key));
        Assert.Equal(["promise_drafted", "promise_submitted_for_review", "promise_published", "promise_repealed"],
            history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray());
        await Get($"/promises/{draft.Id}/history", other.Key, 404);
    }

    [Fact]
    public async Task publications_and_repeals_of_every_registered_list_are_in_the_feed()
    {
        var entry = await Published();
        var promise = await PublishedItem(Promises, PromiseFor(entry.Id), "000147011000");
        var deferral = await PublishedItem(Deferrals, DeferralExamples.ConstructionPermit with { EntryId = entry.Id }, "000147011000");

        // The feed shows a commit once no older transaction is still open (docs/feed.md): read until all three are there.
        var feed = Read<FeedPage>(await Get("/feed", Admin.Key));
        for (var attempt = 0; feed.Items.Count < 3 && attempt < 50; attempt++)
        {
            await Task.Delay(100);
            feed = Read<FeedPage>(await Get("/feed", Admin.Key));
        }
        var items = feed.Items.Select(i => (i.List, i.Kind, i.Id)).ToList();
        Assert.Equal([(CatalogueList.Name, ChangeKind.Published, entry.Id), ("promises", ChangeKind.Published, promise.Id),
            ("deferrals", ChangeKind.Published, deferral.Id)], items);
        var document = feed.Items[2].Document;
        Assert.Equal("deferrals", document.GetProperty("citation").GetProperty("list").GetString());
        Assert.Equal(10, document.GetProperty("content").GetProperty("deferrableMaterials")[0].GetProperty("withinWorkingDays").GetInt32());
    }

    [Fact]
    public async Task content_that_names_an_entry_not_in_force_is_refused_at_publication_naming_the_reference()
    {
        var entryDraft = await Draft();
        var promise = await SubmitItem(Promises, await DraftItem(Promises, PromiseFor(entryDraft.Id), "000147011000"));

        var refused = AssertProblem(await Post($"/promises/{promise.Id}/publish", new { reason = "经审核同意公布" }, Admin.Key, 422,
            $"\"{promise.Version}\""), "reference-not-in-force", "content.entryId");
        Assert.Single(refused.GetProperty("errors").EnumerateArray());

        // Once the entry is law from a later instant, the promise may take effect then, and not before.
        var entryAt = Now.AddDays(3);
        await Publish(await Submit(entryDraft), entryAt);
        AssertProblem(await Post($"/promises/{promise.Id}/publish", new { effectiveAt = entryAt.AddTicks(-10), reason = "经审核同意公布" },
            Admin.Key, 422, $"\"{promise.Version}\""), "reference-not-in-force", "content.entryId");
        await PublishItem(Promises, promise, entryAt);
    }

    [Fact]
    public async Task a_list_s_own_refusals_come_with_their_codes_and_nothing_is_recorded()
    {
        var entry = await Published();
        var withoutLiability = PromiseFor(entry.Id) with { Liability = "" };
        var promise = await SubmitItem(Promises, await DraftItem(Promises, withoutLiability, "000147011000"));
        var before = await EventCount();

        AssertProblem(await Post($"/promises/{promise.Id}/publish", new { reason = "经审核同意公布" }, Admin.Key, 422, $"\"{promise.Version}\""),
            "promise-without-liability", "content.liability");
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task drafting_checks_input_region_and_code_and_a_withdrawn_code_is_free_again()
    {
        var entry = await Published();
        AssertProblem(await Post(Promises.Route, new { regionCode = "411000", code = "000 147", content = PromiseFor(entry.Id), reason = Reason },
            Market.Key, 400), "invalid-code", "code");
        AssertProblem(await Post(Promises.Route, new { regionCode = "411002", code = "000147011000", content = PromiseFor(entry.Id), reason = Reason },
            Market.Key, 403), "other-region");
        AssertProblem(await Post(Promises.Route, new { regionCode = "411000", code = "000147011000", content = PromiseFor(entry.Id), reason = Reason, extra = 1 },
            Market.Key, 400), "malformed-json", "extra");

        AssertProblem(await Get("/promises/000147011000", status: 400), "invalid-parameter", "id");
        AssertProblem(await Get($"/promises/{Guid.NewGuid()}/versions/first", status: 400), "invalid-parameter", "version");

        var first = await DraftItem(Promises, PromiseFor(entry.Id), "000147011000");
        AssertProblem(await Post(Promises.Route, new { regionCode = "411000", code = "000147011000", content = PromiseFor(entry.Id), reason = Reason },
            Market.Key, 409), "duplicate-code", "code");

        AssertProblem(await Post($"/promises/{first.Id}/withdraw", new { reason = "重复编制" }, Market.Key, 428), "if-match-required");
        await Post($"/promises/{first.Id}/withdraw", new { reason = "重复编制" }, Market.Key, 200, $"\"{first.Version}\"");
        var again = await DraftItem(Promises, PromiseFor(entry.Id), "000147011000");
        Assert.NotEqual(first.Id, again.Id);
    }

    [Fact]
    public async Task only_the_region_s_catalogue_manager_publishes_and_a_stale_version_is_refused()
    {
        var entry = await Published();
        var promise = await SubmitItem(Promises, await DraftItem(Promises, PromiseFor(entry.Id), "000147011000"));

        AssertProblem(await Post($"/promises/{promise.Id}/publish", new { reason = "自行公布" }, Market.Key, 403, $"\"{promise.Version}\""),
            "not-entry-editor");
        AssertProblem(await Post($"/promises/{promise.Id}/publish", new { reason = "经审核同意公布" }, Admin.Key, 412, $"\"{promise.Version - 1}\""),
            "stale-version");
        var weidu = await Register(TestDepartments.WeiduManager);
        await Post($"/promises/{promise.Id}/publish", new { reason = "经审核同意公布" }, weidu.Key, 404, $"\"{promise.Version}\"");
    }

    [Fact]
    public async Task a_retried_draft_with_the_same_idempotency_key_is_answered_once_and_recorded_once()
    {
        var entry = await Published();
        var body = new { regionCode = "411000", code = "000147011000", content = PromiseFor(entry.Id), reason = Reason };
        const string key = "promise-000147011000-draft-1";
        var before = await EventCount();

        var first = await Send(HttpMethod.Post, Promises.Route, body, Market.Key, 201, more: s => s.WithRequestHeader("Idempotency-Key", key));
        var retry = await Send(HttpMethod.Post, Promises.Route, body, Market.Key, 201, more: s => s.WithRequestHeader("Idempotency-Key", key));

        Assert.Equal("true", retry.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(first.ReadAsText(), retry.ReadAsText());
        Assert.Equal(first.Context.Response.Headers.Location.ToString(), retry.Context.Response.Headers.Location.ToString());
        Assert.Equal(before + 1, await EventCount());
    }
}
