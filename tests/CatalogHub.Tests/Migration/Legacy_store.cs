using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Platform;
using CatalogHub.Publication.Lists;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using CatalogHub.Tests.Support;
using Npgsql;

namespace CatalogHub.Tests.Migration;

/// <summary>
/// A store written by the code of commit f8506a9 (see Legacy/README.md), before the older lists moved onto the
/// list registry, loaded into a database of its own: today's code must start on it and answer what that code answered.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class Legacy_store : IAsyncLifetime
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Migration", "Legacy");
    private readonly string _database = $"cataloghub_legacy_{Guid.NewGuid():N}";
    private ExtraNode _node = null!;
    private Dictionary<string, string> _keys = null!;

    private List<LegacyAnswer> _answers = null!;
    private string _eventsBefore = null!;
    private long _lastDumped;

    public async Task InitializeAsync()
    {
        _keys = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Path.Combine(Folder, "keys.json")))!;
        _answers = JsonSerializer.Deserialize<List<LegacyAnswer>>(await File.ReadAllTextAsync(Path.Combine(Folder, "answers.json")), ApiJson.Options)!;
        await Load(_database);
        _lastDumped = await Scalar<long>(_database, "select max(seq_id) from cataloghub.mt_events");
        _eventsBefore = await EventRows(_database, _lastDumped);
        // A sequence number burnt by a transaction that never committed, as a store that has run for a while has: the moves'
        // rebuilds must not wait for a start-up transaction of their own at that gap (start-up hung on such a store).
        await Scalar<long>(_database, "select nextval('cataloghub.mt_events_sequence')");
        _node = await ExtraNode.Start(ConnectionTo(_database), new Dictionary<string, string?>());
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await Admin($"drop database if exists {_database} with (force)");
    }

    [Fact]
    public async Task answers_every_recorded_question_as_the_code_that_wrote_it_did()
    {
        Assert.True(_answers.Count > 40);
        foreach (var expected in _answers)
        {
            var result = await _node.Host.Scenario(s =>
            {
                if (expected.Method == "POST") s.Post.Text(expected.Body!.ToJsonString()).ToUrl(expected.Url).ContentType("application/json");
                else s.Get.Url(expected.Url);
                if (expected.Key is not null) s.WithRequestHeader("Authorization", "ApiKey " + _keys[expected.Key]);
                s.IgnoreStatusCode();
            });
            var what = $"{expected.Method} {expected.Url}";
            Assert.True(expected.Status == result.Context.Response.StatusCode, $"{what}: {result.Context.Response.StatusCode}, was {expected.Status}");
            var (was, now) = (Comparable(expected.Answer, expected.Url), Comparable(JsonNode.Parse(result.ReadAsText()), expected.Url));
            Assert.True(was == now, $"{what} answers\n{now}\ninstead of\n{was}");
        }
    }

    [Fact]
    public async Task an_older_licence_type_takes_new_versions_and_keeps_its_code_and_history_and_no_event_row_changes()
    {
        // The open draft of 食品经营许可证 (its 2027 edition), drafted before the move, is submitted and published as version 3.
        var food = DraftAnswer("SPJYXK");
        var foodId = (Guid)food["id"]!;
        var submitted = await Send(HttpMethod.Post, $"/sharing/licence-types/{foodId}/submit", new { reason = "提交审核" }, "market", 200, $"\"{(long)food["version"]!}\"");
        var effectiveAt = Later(DateTimeOffset.Parse((string)food["latestEffectiveAt"]!).AddDays(1));
        var published = await Send(HttpMethod.Post, $"/sharing/licence-types/{foodId}/publish",
            new { effectiveAt, note = "启用2027年版证照", reason = "经审核同意公布" }, "admin", 200, $"\"{(long)submitted["version"]!}\"");
        Assert.Equal((3, "SPJYXK", TestDepartments.MarketRegulation.Code), ((int)published["latestVersion"]!, (string?)published["code"], (string?)published["issuerCode"]));
        var third = await Send(HttpMethod.Get, $"/sharing/licence-types/{foodId}?asOf={Uri.EscapeDataString(effectiveAt.ToString("O"))}", null, null, 200);
        Assert.Equal(("食品经营许可证（2027年版）", 3, TestDepartments.MarketRegulation.Code),
            ((string?)third["content"]!["name"], (int)third["citation"]!["version"]!, (string?)third["issuerCode"]));

        // Its code is still taken; the withdrawn draft's code is free.
        var content = JsonSerializer.SerializeToNode(DraftAnswer("XZFDJZ")["draft"], ApiJson.Options);
        AssertProblem(await Send(HttpMethod.Post, "/sharing/licence-types", new { code = "SPJYXK", content, reason = "编制电子证照目录" }, "market", 409),
            "duplicate-type-code");
        await Send(HttpMethod.Post, "/sharing/licence-types", new { code = "XZFDJZ", content, reason = "编制电子证照目录" }, "market", 201);

        // Its history: the events written before the move, under their names, now in the shared shape.
        var history = await Send(HttpMethod.Get, $"/sharing/licence-types/{foodId}/history", null, "admin", 200);
        var events = history["events"]!.AsArray().Select(e => e!).ToList();
        Assert.Equal(["licence_type_drafted", "licence_type_submitted_for_review", "licence_type_published", "licence_type_draft_revised",
            "licence_type_submitted_for_review", "licence_type_published", "licence_type_draft_revised", "licence_type_submitted_for_review",
            "licence_type_published"], events.Select(e => (string?)e["type"]));
        Assert.All(events, e => Assert.Equal(foodId, (Guid)e["data"]!["id"]!));
        Assert.Equal(TestDepartments.MarketRegulation.Code, (string?)events[0]["data"]!["ownerDepartmentCode"]);

        // The repealed 药品经营许可证 is re-established by a version after its repeal.
        var drug = DraftAnswer("YPJYXK");
        var drugId = (Guid)drug["id"]!;
        var revised = await Send(HttpMethod.Put, $"/sharing/licence-types/{drugId}/draft", new { content = drug["draft"], reason = "恢复药品经营许可证" },
            "health", 200, $"\"{(long)drug["version"]!}\"");
        var resubmitted = await Send(HttpMethod.Post, $"/sharing/licence-types/{drugId}/submit", new { reason = "提交审核" }, "health", 200,
            $"\"{(long)revised["version"]!}\"");
        var back = Later(DateTimeOffset.Parse((string)drug["repealEffectiveAt"]!).AddDays(1));
        await Send(HttpMethod.Post, $"/sharing/licence-types/{drugId}/publish", new { effectiveAt = back, note = "恢复", reason = "经审核同意公布" }, "admin", 200,
            $"\"{(long)resubmitted["version"]!}\"");
        var versions = await Send(HttpMethod.Get, $"/sharing/licence-types/{drugId}/versions", null, null, 200);
        Assert.Equal([1, 2], versions["versions"]!.AsArray().Select(v => (int)v!["version"]!));
        Assert.Single(versions["repeals"]!.AsArray());

        // The move rewrote documents and derived tables, never an event: the rows written before it are as they were.
        Assert.Equal(_eventsBefore, await EventRows(_database, _lastDumped));
    }

    [Fact]
    public async Task an_older_implementation_list_takes_a_revision_and_a_new_version_and_keeps_its_entry()
    {
        // 食品经营许可's service guide in 许昌市, drafted and published before the move; its revision sends no entry.
        var guide = ListDraftAnswer();
        var (id, entryId) = ((Guid)guide["id"]!, (Guid)guide["entryId"]!);
        var content = guide["draft"]!.DeepClone();
        content["promisedLimitDays"] = 3;
        var revised = await Send(HttpMethod.Put, $"/implementation-lists/{id}/draft", new { content, reason = "压缩承诺办结时限" }, "market", 200,
            $"\"{(long)guide["version"]!}\"");
        Assert.Equal((entryId, "000147011000", 3), ((Guid)revised["entryId"]!, (string?)revised["itemCode"], (int)revised["draft"]!["promisedLimitDays"]!));
        Assert.False(revised["draft"]!.AsObject().ContainsKey("entryId"));
        var submitted = await Send(HttpMethod.Post, $"/implementation-lists/{id}/submit", new { reason = "提交审核" }, "market", 200,
            $"\"{(long)revised["version"]!}\"");
        var effectiveAt = Later(DateTimeOffset.Parse((string)guide["latestEffectiveAt"]!).AddDays(1));
        var published = await Send(HttpMethod.Post, $"/implementation-lists/{id}/publish",
            new { effectiveAt, note = "压缩承诺办结时限", reason = "经审核同意公布" }, "admin", 200, $"\"{(long)submitted["version"]!}\"");
        Assert.Equal(2, (int)published["latestVersion"]!);

        // The new version names the entry drafted before the move, and the basis check cites it from its effective time.
        var second = await Send(HttpMethod.Get, $"/implementation-lists/{id}/versions/2", null, null, 200);
        Assert.Equal((entryId, "000147011000", 3, 2), ((Guid)second["entryId"]!, (string?)second["itemCode"], (int)second["content"]!["promisedLimitDays"]!,
            (int)second["citation"]!["version"]!));
        var check = await Send(HttpMethod.Post, "/basis-check", new
        {
            regionCode = "411000", itemCode = "000147011000", asOf = effectiveAt, materials = new[] { new { name = "食品经营许可申请书" } },
        }, "market", 200);
        Assert.Contains(check["citations"]!.AsArray(), c => (string?)c!["list"] == "implementation-list" && (int)c["version"]! == 2);

        // The region still has one list for the item.
        AssertProblem(await Send(HttpMethod.Post, "/implementation-lists",
            new { entryId, regionCode = "411000", content = guide["draft"], reason = "依据《许昌市政务服务条例》第十四条编制实施清单" }, "market", 409),
            "duplicate-list");

        // Its history: the events written before the move, under their names, now in the shared shape, the entry inside the content.
        var history = await Send(HttpMethod.Get, $"/implementation-lists/{id}/history", null, "admin", 200);
        var events = history["events"]!.AsArray().Select(e => e!).ToList();
        Assert.Equal(["implementation_list_drafted", "implementation_list_submitted_for_review", "implementation_list_published",
            "implementation_list_draft_revised", "implementation_list_submitted_for_review", "implementation_list_published"],
            events.Select(e => (string?)e["type"]));
        Assert.All(events, e => Assert.Equal(id, (Guid)e["data"]!["id"]!));
        Assert.Equal((entryId, "000147011000"), ((Guid)events[0]["data"]!["content"]!["entryId"]!, (string?)events[0]["data"]!["code"]));
        Assert.Equal(entryId, (Guid)events[2]["data"]!["content"]!["entryId"]!);
        Assert.Equal(_eventsBefore, await EventRows(_database, _lastDumped));
    }

    [Fact]
    public async Task an_older_entry_takes_a_new_version_a_repealed_one_is_re_established_and_codes_stay_unique()
    {
        // 食品经营许可 in 许昌市, in force before the move with two versions, takes a third.
        var food = Answer(a => a.Url.StartsWith("/catalogue/entries/", StringComparison.Ordinal) && a.Url.EndsWith("/draft", StringComparison.Ordinal));
        var foodId = (Guid)food["id"]!;
        var content = food["draft"]!.DeepClone();
        content["implementingAuthority"] = "许昌市政务服务中心市场监管窗口";
        var third = await Republish($"/catalogue/entries/{foodId}", content, (long)food["version"]!,
            Later(DateTimeOffset.Parse((string)food["latestEffectiveAt"]!).AddDays(1)));
        Assert.Equal((foodId, "000147011000", "411000", 3), ((Guid)third["id"]!, (string?)third["itemCode"], (string?)third["regionCode"],
            (int)third["citation"]!["version"]!));
        Assert.Equal("许昌市政务服务中心市场监管窗口", (string?)third["content"]!["implementingAuthority"]);

        // The entry repealed before the move comes back under its code, its earlier version and repeal kept.
        var repealedId = Guid.Parse(Answer(a => a.Url.EndsWith("/history", StringComparison.Ordinal) && a.Url.StartsWith("/catalogue/entries/", StringComparison.Ordinal)
            && !a.Url.Contains(foodId.ToString(), StringComparison.Ordinal))["id"]!.GetValue<string>());
        var repealed = await Send(HttpMethod.Get, $"/catalogue/entries/{repealedId}/draft", null, "admin", 200);
        var back = await Republish($"/catalogue/entries/{repealedId}", repealed["draft"]!.DeepClone(), (long)repealed["version"]!,
            Later(DateTimeOffset.Parse((string)repealed["repealEffectiveAt"]!).AddDays(1)));
        Assert.Equal((string?)repealed["itemCode"], (string?)back["itemCode"]);
        var versions = await Send(HttpMethod.Get, $"/catalogue/entries/{repealedId}/versions", null, null, 200);
        Assert.Equal([1, 2], versions["versions"]!.AsArray().Select(v => (int)v!["version"]!));
        Assert.Single(versions["repeals"]!.AsArray());

        // Codes written before the move are still taken.
        AssertProblem(await Send(HttpMethod.Post, "/catalogue/entries",
            new { itemCode = "000147011000", regionCode = "411000", content = food["draft"], reason = "编制基本目录" }, "market", 409), "duplicate-item-code");

        // The history: the events written before the move, under their names, now in the shared shape.
        var history = await Send(HttpMethod.Get, $"/catalogue/entries/{foodId}/history", null, "admin", 200);
        var events = history["events"]!.AsArray().Select(e => e!).ToList();
        Assert.All(events, e => Assert.StartsWith("entry_", (string?)e["type"], StringComparison.Ordinal));
        Assert.All(events, e => Assert.Equal(foodId, (Guid)e["data"]!["id"]!));
        Assert.Equal(("000147011000", "411000"), ((string?)events[0]["data"]!["code"], (string?)events[0]["data"]!["regionCode"]));
        Assert.Equal(_eventsBefore, await EventRows(_database, _lastDumped));
    }

    /// <summary>Revises, submits and publishes (by 许昌市's catalogue manager) an item read at <paramref name="version"/>; its version in force then.</summary>
    private async Task<JsonNode> Republish(string item, JsonNode content, long version, DateTimeOffset effectiveAt)
    {
        var revised = await Send(HttpMethod.Put, $"{item}/draft", new { content, reason = "依据法律修正调整" }, "admin", 200, $"\"{version}\"");
        var submitted = await Send(HttpMethod.Post, $"{item}/submit", new { reason = "提交审核" }, "admin", 200, $"\"{(long)revised["version"]!}\"");
        await Send(HttpMethod.Post, $"{item}/publish", new { effectiveAt, note = "依法调整", reason = "经审核同意公布" }, "admin", 200,
            $"\"{(long)submitted["version"]!}\"");
        return await Send(HttpMethod.Get, $"{item}?asOf={Uri.EscapeDataString(effectiveAt.ToString("O"))}", null, null, 200);
    }

    private JsonNode Answer(Func<LegacyAnswer, bool> which) => _answers.First(which).Answer!;

    [Fact]
    public async Task the_move_runs_once_per_store()
    {
        await using var session = _node.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var marker = await session.LoadAsync<ListMigration>("licence-catalogue");
        Assert.True(marker is { Events: > 0 });
        Assert.True(await session.LoadAsync<ListMigration>("implementation-list") is { Events: 3 });
        Assert.True(await session.LoadAsync<ListMigration>("base-catalogue") is { Events: > 0 });
        await using var second = await ExtraNode.Start(ConnectionTo(_database), new Dictionary<string, string?>());
        await using var again = second.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(marker!.MigratedAt, (await again.LoadAsync<ListMigration>("licence-catalogue"))!.MigratedAt);
    }

    /// <summary>The instant, or a few minutes from now once it has passed: the store's instants are those of the day it was written.</summary>
    private static DateTimeOffset Later(DateTimeOffset instant) => instant > DateTimeOffset.UtcNow.AddMinutes(5) ? instant : DateTimeOffset.UtcNow.AddMinutes(5);

    private JsonNode ListDraftAnswer() =>
        _answers.Single(a => a.Url.StartsWith("/implementation-lists/", StringComparison.Ordinal) && a.Url.EndsWith("/draft", StringComparison.Ordinal)).Answer!;

    private JsonNode DraftAnswer(string code) =>
        _answers.Single(a => a.Url.StartsWith("/sharing/licence-types/", StringComparison.Ordinal) && a.Url.EndsWith("/draft", StringComparison.Ordinal)
            && (string?)a.Answer!["code"] == code).Answer!;

    private async Task<JsonNode> Send(HttpMethod method, string url, object? body, string? key, int status, string? ifMatch = null)
    {
        var result = await _node.Host.Scenario(s =>
        {
            if (method == HttpMethod.Get) s.Get.Url(url);
            else if (method == HttpMethod.Put) s.Put.Json(body!).ToUrl(url);
            else s.Post.Json(body!).ToUrl(url);
            if (key is not null) s.WithRequestHeader("Authorization", "ApiKey " + _keys[key]);
            if (ifMatch is not null) s.WithRequestHeader("If-Match", ifMatch);
            s.StatusCodeShouldBe(status);
        });
        return JsonNode.Parse(result.ReadAsText())!;
    }

    private static void AssertProblem(JsonNode problem, string code) => Assert.Equal(code, (string?)problem["code"]);

    /// <summary>The event rows the dump holds, as stored (sequence, type, data), for comparing before and after the move.</summary>
    private static Task<string> EventRows(string database, long upTo) => Scalar<string>(database, $"""
        select string_agg(seq_id || ' ' || type || ' ' || data::text, E'\n' order by seq_id) from cataloghub.mt_events where seq_id <= {upTo}
        """);

    private static async Task<T> Scalar<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionTo(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }



    /// <summary>
    /// The answer without what differs from run to run by design (the trace id of a problem, how current the basis check's
    /// index is, the feed's positions) and without what a move changed on purpose: the feed's document of a licence type's or an
    /// implementation list's publication is its version in the shared shape now (<c>itemId</c>, <c>ownerDepartmentCode</c>, ... where
    /// it said <c>typeId</c>, <c>issuerCode</c>, <c>listId</c>), so only its citation is compared there; and the events of an
    /// implementation list's history show their data in the shared shape (asserted by the test that writes on an older list).
    /// </summary>
    private static string Comparable(JsonNode? answer, string url)
    {
        static void Strip(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                o.Remove("traceId");
                o.Remove("index");
                // What both clocks add to every answer: the record's instant and, on citations, both instants and the recording event.
                o.Remove("knownAt");
                o.Remove("recordedBy");
                o.Remove("retroactive");
                if (o["citation"] is JsonObject citation) citation.Remove("asOf");
                if (o.ContainsKey("type") && o.ContainsKey("code")) o.Remove("asOf");
                if (o["citations"] is JsonArray citations)
                    foreach (var c in citations.OfType<JsonObject>()) c.Remove("asOf");
                foreach (var (_, child) in o) Strip(child);
            }
            else if (node is JsonArray a)
                foreach (var child in a) Strip(child);
        }
        var copy = answer?.DeepClone();
        Strip(copy);
        // A member the basis check's answer gained after the store was written; the members it had must still agree.
        if (url.StartsWith("/basis-check", StringComparison.Ordinal)) copy?.AsObject().Remove("reasonCodes");
        if (url.StartsWith("/feed", StringComparison.Ordinal))
        {
            // Positions hold the writing cluster's transaction ids; loaded into another cluster they are rebased (ChangeLog).
            copy!.AsObject().Remove("next");
            foreach (var item in copy["items"]!.AsArray().Select(i => i!.AsObject()))
            {
                item.Remove("position");
                if ((string?)item["kind"] == "published")
                    item["document"] = item["document"]!["citation"]!.DeepClone();
            }
        }
        if (url.EndsWith("/history", StringComparison.Ordinal))
            foreach (var e in copy!["events"]!.AsArray().Select(e => e!.AsObject()))
                e.Remove("data");
        return copy?.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = ApiJson.Options.Encoder }) ?? "";
    }

    private static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("CATALOGHUB_DB")) { Database = database }.ConnectionString;

    /// <summary>Creates the database and runs the dump in it (pg_dump's INSERT form, so Npgsql can run it without psql).</summary>
    private static async Task Load(string database)
    {
        await Admin($"create database {database}");
        await using var connection = new NpgsqlConnection(ConnectionTo(database));
        await connection.OpenAsync();
        // Without a limit: on a loaded machine (the whole suite on two cores) the load can take longer than the default 30 s.
        await using var command = new NpgsqlCommand(await File.ReadAllTextAsync(Path.Combine(Folder, "store.sql")), connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionTo("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>One request of the legacy store's client and what the code that wrote the store answered (Legacy/answers.json).</summary>
public sealed record LegacyAnswer(string Method, string Url, string? Key, JsonNode? Body, int Status, JsonNode? Answer);
