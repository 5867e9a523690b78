using CatalogHub.Publication.Lists;
using System.Text;
using System.Text.Json;
using Alba;
using CatalogHub.Catalogue;
using CatalogHub.Platform;
using CatalogHub.Sharing.Seals;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Sharing;
using CatalogHub.Tests.Support;
using Marten;
using Marten.Services;
using Npgsql;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// A retry with the same Idempotency-Key after any failure either replays the answer of a write that committed or
/// runs afresh; it never replays an error as a success, and a claim left by a request that never finished expires.
/// </summary>
public sealed class Idempotency_around_failures(AppFixture fixture) : CatalogueContext(fixture)
{
    private const string ItemCode = "000147011000";

    [Fact]
    public async Task a_request_that_failed_at_commit_is_not_replayed_its_retry_runs_afresh()
    {
        var key = Guid.NewGuid().ToString();
        var body = DraftOf(FoodLicence());

        // A colleague's draft of the same item commits while ours waits on the (region, item code) index: ours fails.
        await using var rival = await RivalDraft.Open(Store, Admin, Now);
        var failing = SendWithKey("/catalogue/entries", body, key, null);
        await rival.UntilAWriterWaits(failing);
        await rival.Transaction.CommitAsync();
        var failed = await failing;
        Assert.Equal(409, failed.Context.Response.StatusCode);

        var retry = await SendWithKey("/catalogue/entries", body, key, 409);
        AssertProblem(retry, "duplicate-item-code", "itemCode");
        Assert.False(retry.Context.Response.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.Equal(1, await Count<ListItem<EntryContent>>());
    }

    [Fact]
    public async Task a_request_cut_off_during_its_commit_runs_afresh_and_succeeds_once_the_cause_is_gone()
    {
        var key = Guid.NewGuid().ToString();
        var body = DraftOf(FoodLicence());

        // The client gives up while our commit waits on a colleague's uncommitted draft; the colleague then rolls back.
        await using (var rival = await RivalDraft.Open(Store, Admin, Now))
        {
            using var patience = new CancellationTokenSource();
            var cut = Host.Server.CreateClient().SendAsync(DraftRequest(body, key), patience.Token);
            await rival.UntilAWriterWaits(cut);
            await patience.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cut);
            await rival.UntilNoWriterWaits();
            await rival.Transaction.RollbackAsync();
        }

        // The abandoned request may still be releasing its key: a client retries while the key is in progress.
        var retry = await SendWithKey("/catalogue/entries", body, key, null);
        for (var i = 0; i < 100 && retry.Context.Response.StatusCode == 409; i++)
        {
            AssertProblem(retry, "idempotency-in-progress");
            await Task.Delay(50);
            retry = await SendWithKey("/catalogue/entries", body, key, null);
        }
        Assert.Equal(201, retry.Context.Response.StatusCode);
        Assert.False(retry.Context.Response.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.Equal(Read<EntryDraftView>(retry).Id, Assert.Single(await All<ListItem<EntryContent>>()).Id);
    }

    [Fact]
    public async Task a_write_that_committed_before_the_request_failed_is_replayed_with_its_id()
    {
        var key = Guid.NewGuid().ToString();
        var body = DraftOf(FoodLicence());
        Commits.AfterNextCommit(() => throw new IOException("The connection to the client was reset."));

        var failed = await SendWithKey("/catalogue/entries", body, key, null);
        Assert.Equal(500, failed.Context.Response.StatusCode);

        await AssertReplaysTheOnlyEntry(body, key);
    }

    [Fact]
    public async Task a_write_that_committed_before_the_client_lost_the_connection_is_replayed_with_its_id()
    {
        var key = Guid.NewGuid().ToString();
        var body = DraftOf(FoodLicence());
        using var connection = new CancellationTokenSource();
        Commits.AfterNextCommit(() => connection.CancelAsync());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Host.Server.CreateClient().SendAsync(DraftRequest(body, key), connection.Token));

        await AssertReplaysTheOnlyEntry(body, key);
    }

    [Fact]
    public async Task a_claim_abandoned_by_a_stalled_request_expires_and_only_one_of_the_two_commits()
    {
        var key = Guid.NewGuid().ToString();
        var body = SealOf(TestSeal.P256());
        // The first request stalls just before its commit, as on a node that hangs or dies after claiming the key.
        var (first, release) = await StalledBeforeCommit("/sharing/seals", body, key);

        var meanwhile = await SendWithKey("/sharing/seals", body, key, 409);
        AssertProblem(meanwhile, "idempotency-in-progress", IdempotencyMiddleware.Header);

        Clock.Advance(TimeSpan.FromMinutes(2));
        var retry = await SendWithKey("/sharing/seals", body, key, 201);
        var registered = Read<SealView>(retry);

        // The stalled request wakes up after its claim was taken over: it cannot commit a second seal, and learns the first.
        release.SetResult();
        var late = await first;
        Assert.Equal((201, "true"), (late.Context.Response.StatusCode, late.Context.Response.Headers["Idempotent-Replayed"].ToString()));
        Assert.Equal(retry.ReadAsText(), late.ReadAsText());
        Assert.Equal(registered.Id, Assert.Single(await All<Seal>()).Id);
    }

    [Fact]
    public async Task a_request_whose_lapsed_claim_was_purged_commits_with_its_answer_so_a_retry_replays_it()
    {
        var key = Guid.NewGuid().ToString();
        var body = SealOf(TestSeal.P256());
        var (first, release) = await StalledBeforeCommit("/sharing/seals", body, key);

        // Nobody retried within the lease and the purge removed the lapsed claim: the late commit brings its answer along.
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Idempotency.Purge(Store, Now, CancellationToken.None));
        release.SetResult();
        var late = await first;
        Assert.Equal(201, late.Context.Response.StatusCode);

        var retry = await SendWithKey("/sharing/seals", body, key, 201);
        Assert.Equal("true", retry.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(late.ReadAsText(), retry.ReadAsText());
        Assert.Equal(Read<SealView>(retry).Id, Assert.Single(await All<Seal>()).Id);
    }

    [Fact]
    public async Task concurrent_duplicates_create_once_and_each_gets_the_answer_or_in_progress()
    {
        var key = Guid.NewGuid().ToString();
        var body = DraftOf(FoodLicence());
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendWithKey("/catalogue/entries", body, key, null)));

        var entry = Assert.Single(await All<ListItem<EntryContent>>());
        Assert.All(results, r =>
        {
            if (r.Context.Response.StatusCode == 409) AssertProblem(r, "idempotency-in-progress", IdempotencyMiddleware.Header);
            else Assert.Equal((201, entry.Id), (r.Context.Response.StatusCode, Read<EntryDraftView>(r).Id));
        });
        Assert.Equal(1, results.Count(r => r.Context.Response.StatusCode == 201 && !r.Context.Response.Headers.ContainsKey("Idempotent-Replayed")));
    }

    [Fact]
    public async Task departments_licence_types_and_implementation_lists_store_their_answer_too()
    {
        await AssertRetryReplays("/departments", Admin.Key, new
        {
            code = TestDepartments.UnregisteredCode, name = "许昌市住房和城乡建设局", regionCode = "411000", roles = new[] { "service-department" },
            reason = "新设部门接入",
        });
        await AssertRetryReplays("/sharing/licence-types", Market.Key,
            new { code = SharingContext.FoodTypeCode, content = SharingContext.FoodLicenceType(), reason = "编制电子证照目录" });
        var entry = await Published();
        await AssertRetryReplays("/implementation-lists", Market.Key,
            ImplementationLists.ImplementationListContext.DraftListOf(entry.Id, ImplementationLists.ImplementationListContext.FoodGuide()));
    }

    private async Task AssertRetryReplays(string url, string apiKey, object body)
    {
        var key = Guid.NewGuid().ToString();
        var requests = Enumerable.Range(0, 2).Select(_ => (Func<Task<IScenarioResult>>)(() => Host.Scenario(s =>
        {
            s.Post.RawJson(JsonSerializer.Serialize(body, ApiJson.Options)).ToUrl(url);
            s.WithRequestHeader("Authorization", "ApiKey " + apiKey);
            s.WithRequestHeader(IdempotencyMiddleware.Header, key);
            s.StatusCodeShouldBe(201);
        }))).ToList();
        var first = await requests[0]();
        var retry = await requests[1]();
        Assert.Equal("true", retry.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal((first.Context.Response.Headers.Location.ToString(), first.Context.Response.Headers.ETag.ToString(), first.ReadAsText()),
            (retry.Context.Response.Headers.Location.ToString(), retry.Context.Response.Headers.ETag.ToString(), retry.ReadAsText()));
    }

    [Fact]
    public async Task a_completed_key_is_forgotten_after_the_window()
    {
        var key = Guid.NewGuid().ToString();
        await SendWithKey("/catalogue/entries", DraftOf(FoodLicence()), key, 201);

        Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var reused = await SendWithKey("/catalogue/entries", DraftOf(FoodLicence("食品生产许可"), "000147023000"), key, 201);
        Assert.False(reused.Context.Response.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.Equal(2, await Count<ListItem<EntryContent>>());
    }

    [Fact]
    public async Task expired_records_are_purged_and_live_ones_kept()
    {
        var (old, recent) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await SendWithKey("/catalogue/entries", DraftOf(FoodLicence()), old, 201);
        Clock.Advance(TimeSpan.FromHours(23));
        await SendWithKey("/catalogue/entries", DraftOf(FoodLicence("食品生产许可"), "000147023000"), recent, 201);

        Assert.Equal(0, await Idempotency.Purge(Store, Now, CancellationToken.None));
        Assert.Equal(1, await Idempotency.Purge(Store, Now.AddHours(2), CancellationToken.None));

        var kept = Assert.Single(await All<IdempotencyRecord>());
        Assert.Equal((Market.Id + ":" + recent, true, 201), (kept.Id, kept.Completed, kept.Status));
    }

    private object SealOf(TestSeal seal) => new
    {
        name = "许昌市市场监督管理局电子证照专用章", kind = "电子证照专用章", algorithm = seal.Algorithm, publicKeyPem = seal.PublicKeyPem,
        validTo = Now.AddYears(3), reason = "启用电子印章",
    };

    private async Task AssertReplaysTheOnlyEntry(object body, string key)
    {
        var retry = await SendWithKey("/catalogue/entries", body, key, 201);
        Assert.Equal("true", retry.Context.Response.Headers["Idempotent-Replayed"].ToString());
        var entry = Assert.Single(await All<ListItem<EntryContent>>());
        Assert.Equal(entry.Id, Read<EntryDraftView>(retry).Id);
        Assert.Equal($"/catalogue/entries/{entry.Id}/draft", retry.Context.Response.Headers.Location.ToString());
        Assert.Equal("\"1\"", retry.Context.Response.Headers.ETag.ToString());
    }

    /// <summary>
    /// A colleague's draft of the same item held in an open transaction: its row in the (region, item code) index makes
    /// our commit wait until the test commits or rolls it back.
    /// </summary>
    private sealed class RivalDraft : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlConnection _probe;
        public NpgsqlTransaction Transaction { get; }

        private RivalDraft(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlConnection probe) =>
            (_connection, Transaction, _probe) = (connection, transaction, probe);

        public static async Task<RivalDraft> Open(IDocumentStore store, TestDepartment by, DateTimeOffset now)
        {
            var db = Environment.GetEnvironmentVariable("CATALOGHUB_DB");
            var connection = new NpgsqlConnection(db);
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction)))
            {
                session.LastModifiedBy = by.Code;
                var id = Guid.CreateVersion7();
                session.Events.StartStream<ListItem<EntryContent>>(id, new ItemDrafted<EntryContent>(id, "411000", ItemCode, by.Id, by.Code, null,
                    FoodLicence("食品经营许可（市政务服务和大数据管理局起草）"), by.Code, now));
                await session.SaveChangesAsync();
            }
            var probe = new NpgsqlConnection(db);
            await probe.OpenAsync();
            return new RivalDraft(connection, transaction, probe);
        }

        public async Task UntilAWriterWaits(Task request)
        {
            for (var i = 0; i < 400 && !request.IsCompleted; i++)
            {
                if (await Waiting() > 0) return;
                await Task.Delay(25);
            }
            Assert.Fail("The request never waited on the colleague's draft.");
        }

        public async Task UntilNoWriterWaits()
        {
            for (var i = 0; i < 400; i++)
            {
                if (await Waiting() == 0) return;
                await Task.Delay(25);
            }
            Assert.Fail("The abandoned request still waits on the colleague's draft.");
        }

        private async Task<long> Waiting()
        {
            await using var command = new NpgsqlCommand(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'", _probe);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await _connection.DisposeAsync();
            await _probe.DisposeAsync();
        }
    }

    private Task<IScenarioResult> SendWithKey(string url, object body, string key, int? status) => Host.Scenario(s =>
    {
        s.Post.RawJson(JsonSerializer.Serialize(body, ApiJson.Options)).ToUrl(url);
        s.WithRequestHeader("Authorization", "ApiKey " + Market.Key);
        s.WithRequestHeader(IdempotencyMiddleware.Header, key);
        if (status is { } expected) s.StatusCodeShouldBe(expected);
        else s.IgnoreStatusCode();
    });

    private HttpRequestMessage DraftRequest(object body, string key)
    {
        // The same bytes as SendWithKey's, so a retry through Alba carries the same request hash.
        var request = new HttpRequestMessage(HttpMethod.Post, "/catalogue/entries")
        {
            Content = new StringContent(JsonSerializer.Serialize(body, ApiJson.Options), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Authorization", "ApiKey " + Market.Key);
        request.Headers.Add(IdempotencyMiddleware.Header, key);
        return request;
    }

    private async Task<int> Count<T>() where T : notnull => (await All<T>()).Count;

    private async Task<IReadOnlyList<T>> All<T>() where T : notnull
    {
        await using var session = Store.QuerySession();
        return await session.Query<T>().ToListAsync();
    }

    /// <summary>Sends a request that claims the key and then stalls just before its commit, until <c>Release</c> is set.</summary>
    private async Task<(Task<IScenarioResult> First, TaskCompletionSource Release)> StalledBeforeCommit(string url, object body, string key)
    {
        var stalled = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        Commits.BeforeNextCommit(async () => { stalled.SetResult(); await release.Task; });
        var first = SendWithKey(url, body, key, null);
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (first, release);
    }
}
