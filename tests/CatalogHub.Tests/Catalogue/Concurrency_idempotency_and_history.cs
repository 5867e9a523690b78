using CatalogHub.Publication.Lists;
using CatalogHub.Catalogue;
using CatalogHub.Platform;
using CatalogHub.Tests.Support;
using Marten;

namespace CatalogHub.Tests.Catalogue;

public sealed class Concurrency_idempotency_and_history(AppFixture fixture) : CatalogueContext(fixture)
{
    [Fact]
    public async Task a_stale_write_is_rejected_not_merged()
    {
        var draft = await Draft();
        var first = await Revise(draft, FoodLicence("食品经营许可（第一次修改）"));
        Assert.Equal(2, first.Version);

        var stale = await Put($"/catalogue/entries/{draft.Id}/draft", new { content = FoodLicence("食品经营许可（基于旧版本的修改）"), reason = "并发修改" },
            Market.Key, 412, "\"1\"");
        AssertProblem(stale, "stale-version", "If-Match");

        var current = Read<EntryDraftView>(await Get($"/catalogue/entries/{draft.Id}/draft", Market.Key));
        Assert.Equal("食品经营许可（第一次修改）", current.Draft.Name);
    }

    [Fact]
    public async Task concurrent_writers_with_the_same_version_cannot_both_commit()
    {
        var draft = await Draft();
        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Host.Scenario(s =>
        {
            s.Put.Json(new { content = FoodLicence($"食品经营许可（并发修改{i}）"), reason = "并发修改" }).ToUrl($"/catalogue/entries/{draft.Id}/draft");
            s.WithRequestHeader("Authorization", "ApiKey " + Market.Key);
            s.WithRequestHeader("If-Match", "\"1\"");
            s.IgnoreStatusCode();
        })).Select(async t => (await t).Context.Response.StatusCode));

        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.All(statuses.Where(s => s != 200), s => Assert.Equal(412, s));
        var current = Read<EntryDraftView>(await Get($"/catalogue/entries/{draft.Id}/draft", Market.Key));
        Assert.Equal(2, current.Version);
    }

    [Fact]
    public async Task a_write_without_if_match_is_refused()
    {
        var draft = await Draft();
        AssertProblem(await Put($"/catalogue/entries/{draft.Id}/draft", new { content = FoodLicence(), reason = "修改" }, Market.Key, 428),
            "if-match-required", "If-Match");
    }

    [Fact]
    public async Task retrying_a_draft_with_the_same_idempotency_key_creates_it_once()
    {
        var body = DraftOf(FoodLicence());
        var key = Guid.NewGuid().ToString();
        var first = await Send(HttpMethod.Post, "/catalogue/entries", body, Market.Key, 201, more: s => s.WithRequestHeader("Idempotency-Key", key));
        var retry = await Send(HttpMethod.Post, "/catalogue/entries", body, Market.Key, 201, more: s => s.WithRequestHeader("Idempotency-Key", key));

        Assert.Equal(first.ReadAsText(), retry.ReadAsText());
        Assert.Equal("true", retry.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(first.Context.Response.Headers.Location.ToString(), retry.Context.Response.Headers.Location.ToString());
        await using var session = Store.QuerySession();
        Assert.Equal(1, await session.Query<ListItem<EntryContent>>().CountAsync());

        var different = await Send(HttpMethod.Post, "/catalogue/entries", DraftOf(FoodLicence(), "000147023000"), Market.Key, 422,
            more: s => s.WithRequestHeader("Idempotency-Key", key));
        AssertProblem(different, "idempotency-key-reused", "Idempotency-Key");
    }

    [Fact]
    public async Task history_lists_every_event_with_who_why_and_correlation()
    {
        var draft = await Draft();
        var submitted = Read<EntryDraftView>(await Send(HttpMethod.Post, $"/catalogue/entries/{draft.Id}/submit", new { reason = "材料齐全，提交审核" },
            Market.Key, 200, "\"1\"", s => s.WithRequestHeader("X-Correlation-Id", "gov-ticket-2026-1124-001")));
        await Publish(submitted, Now.AddMinutes(5));

        var history = Read<ItemHistory>(await Get($"/catalogue/entries/{draft.Id}/history", Market.Key));
        Assert.Equal(["entry_drafted", "entry_submitted_for_review", "entry_published"], history.Events.Select(e => e.Type));
        Assert.All(history.Events, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.Department));
            Assert.False(string.IsNullOrEmpty(e.KeyId));
            Assert.False(string.IsNullOrEmpty(e.Reason));
            Assert.False(string.IsNullOrEmpty(e.CorrelationId));
        });
        var submit = history.Events[1];
        Assert.Equal((Market.Code, "材料齐全，提交审核", "gov-ticket-2026-1124-001"), (submit.Department, submit.Reason, submit.CorrelationId));
        Assert.Equal(Admin.Code, history.Events[2].Department);
        Assert.Equal(Market.Key[4..20], submit.KeyId);

        // Draft content is in the history, so the public and unrelated departments do not see it.
        await Get($"/catalogue/entries/{draft.Id}/history", status: 401);
        var other = await Register(TestDepartments.NaturalResources);
        await Get($"/catalogue/entries/{draft.Id}/history", other.Key, 404);
        var auditor = await Register(TestDepartments.Audit);
        await Get($"/catalogue/entries/{draft.Id}/history", auditor.Key);
    }
}
