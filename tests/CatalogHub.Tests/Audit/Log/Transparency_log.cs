using CatalogHub.Publication.Lists;
using CatalogHub.Audit.Log;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CatalogHub.Tests.Audit.Log;

public sealed class Transparency_log(AppFixture fixture) : CatalogueContext(fixture)
{
    private TestDepartment _auditor = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _auditor = await Register(TestDepartments.Audit);
    }

    private LogKeys Keys => Host.Services.GetRequiredService<LogKeys>();
    private Task<long> Append() => Host.Services.GetRequiredService<LogAppender>().CatchUp(CancellationToken.None);
    private Task<Checkpoint?> SignCheckpoint() => Host.Services.GetRequiredService<CheckpointSigner>().Sign(CancellationToken.None);

    /// <summary>Appends and signs, then reads the published checkpoint the way an outsider would: its text, opened with the public keys.</summary>
    private async Task<(long Size, byte[] Root)> Checkpoint()
    {
        await Append();
        await SignCheckpoint();
        var note = (await Get("/log/checkpoint")).ReadAsText();
        var text = SignedNote.Open(note, Keys.VerifierKeys.Select(k => NoteKey.FromVerifierKey(k.VerifierKey)!));
        Assert.NotNull(text);
        return Checkpoints.ReadBody(text, Keys.Origin)!.Value;
    }

    private async Task<IReadOnlyList<CatalogHub.Platform.RecordedEvent>> History(Guid entryId) =>
        Read<ItemHistory>(await Get($"/catalogue/entries/{entryId}/history", Market.Key)).Events;

    private async Task<long> RecordedEvents()
    {
        await using var session = Store.QuerySession();
        return (await session.AdvancedSql.QueryAsync<long>("select count(*) from cataloghub.mt_events where type <> 'tombstone'", CancellationToken.None)).Single();
    }

    /// <summary>What someone with write access to the database could do.</summary>
    internal static async Task Tamper(string sql, params object[] args)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("CATALOGHUB_DB"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var a in args) command.Parameters.AddWithValue(a);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A transaction that took its sequence number first and commits last, as Marten's appends can: another event of the
    /// stream at <c>version</c>, uncommitted until <see cref="Commit"/>, rolled back if disposed before.
    /// </summary>
    private sealed class LateEvent(NpgsqlConnection connection, NpgsqlTransaction transaction, long sequence) : IAsyncDisposable
    {
        public long Sequence => sequence;

        public static async Task<LateEvent> Take(Guid streamId, int version)
        {
            var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("CATALOGHUB_DB"));
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand(
                "insert into cataloghub.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type) " +
                "select nextval('cataloghub.mt_events_sequence'), gen_random_uuid(), stream_id, $2, data, type, now(), mt_dotnet_type " +
                "from cataloghub.mt_events where stream_id = $1 and version = 2 returning seq_id", connection, transaction);
            insert.Parameters.AddWithValue(streamId);
            insert.Parameters.AddWithValue((long)version);
            return new LateEvent(connection, transaction, (long)(await insert.ExecuteScalarAsync())!);
        }

        public Task Commit() => transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private static bool Consistent(long size1, byte[] root1, long size2, byte[] root2, ConsistencyProof proof) =>
        Merkle.VerifyConsistency(size1, size2, [.. proof.Proof.Select(Convert.FromBase64String)], root1, root2);

    [Fact]
    public void no_checkpoint_is_served_before_the_first_is_signed_and_proofs_say_which_is_missing() =>
        Assert.Multiple(
            async () => AssertProblem(await Get("/log/checkpoint", status: 404), "no-checkpoint"),
            async () => AssertProblem(await Get("/log/inclusion?seq=1", status: 404), "no-checkpoint"));

    [Fact]
    public async Task every_event_is_one_leaf_and_its_inclusion_proof_verifies_against_the_signed_checkpoint()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        var (size, root) = await Checkpoint();
        Assert.Equal(await RecordedEvents(), size);
        Assert.Equal(0, await Append());
        Assert.Null(await SignCheckpoint());

        foreach (var e in await History(entry.Id))
        {
            var proof = Read<InclusionProof>(await Get($"/log/inclusion?seq={e.Sequence}"));
            Assert.Equal((e.Sequence, size, Convert.ToBase64String(root)), (proof.Sequence, proof.TreeSize, proof.RootHash));
            Assert.True(Merkle.VerifyInclusion(proof.LeafIndex, size, Convert.FromBase64String(proof.LeafHash),
                [.. proof.Proof.Select(Convert.FromBase64String)], root), $"event {e.Sequence}");
            Assert.False(Merkle.VerifyInclusion(proof.LeafIndex, size, Merkle.LeafHash("伪造的事件"u8),
                [.. proof.Proof.Select(Convert.FromBase64String)], root));
            AssertSameJson(proof, Read<InclusionProof>(await Get($"/log/inclusion?stream={entry.Id}&version={e.Version}")));
        }
        AssertProblem(await Get("/log/inclusion?seq=1&index=0", status: 400), "required");
        AssertProblem(await Get($"/log/inclusion?stream={entry.Id}", status: 400), "required", "version");
        AssertProblem(await Get($"/log/inclusion?stream={entry.Id}&version=9", status: 404), "not-found");
        AssertProblem(await Get($"/log/inclusion?seq=1&size={size + 1}", status: 404), "no-checkpoint");
    }

    [Fact]
    public async Task later_checkpoints_extend_earlier_ones_provably()
    {
        await Published(effectiveAt: Now.AddMinutes(1));
        var (size1, root1) = await Checkpoint();
        await Published(FoodLicence("食品生产许可"), "000147023000", Now.AddMinutes(1));
        var (size2, root2) = await Checkpoint();
        Assert.True(size2 > size1);

        var proof = Read<ConsistencyProof>(await Get($"/log/consistency?from={size1}&to={size2}"));
        Assert.Equal(Convert.ToBase64String(root2), proof.ToRoot);
        Assert.True(Consistent(size1, root1, size2, root2, proof));
        Assert.False(Consistent(size1, Merkle.LeafHash("另一段历史"u8), size2, root2, proof));

        var history = Read<CheckpointPage>(await Get("/log/checkpoints"));
        Assert.Equal([size2, size1], history.Items.Select(c => c.Size));
        AssertProblem(await Get($"/log/consistency?from={size2 + 1}&to={size2}", status: 400), "out-of-range", "from");
    }

    [Fact]
    public async Task concurrent_appenders_write_each_event_once_with_a_gap_free_index()
    {
        for (var i = 0; i < 3; i++) await Published(FoodLicence($"食品经营许可（第{i + 1}批）"), $"00014701{i + 1}000", Now.AddMinutes(1));
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var appended = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new LogAppender(store).CatchUp(CancellationToken.None)));

        await Append(); // whoever lost the lock or the race has nothing left to add afterwards
        await using var session = Store.QuerySession();
        var (leaves, distinct, top) = (await session.AdvancedSql.QueryAsync<string>(
            $"select json_build_array(count(*), count(distinct seq_id), coalesce(max(leaf_index), -1))::text from {LogStore.Leaves}", CancellationToken.None))
            .Select(r => System.Text.Json.JsonSerializer.Deserialize<long[]>(r)!).Select(a => (a[0], a[1], a[2])).Single();
        Assert.Equal((await RecordedEvents(), await RecordedEvents(), await RecordedEvents() - 1), (leaves, distinct, top));
        Assert.True(appended.Sum() <= leaves);
    }

    [Fact]
    public async Task an_event_that_commits_after_a_later_sequence_number_was_appended_still_becomes_a_leaf()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        await Append();
        await using var late = await LateEvent.Take(entry.Id, 4);

        await Draft(FoodLicence("食品生产许可"), "000147023000");
        Assert.Equal(1, await Append());
        await late.Commit();
        Assert.Equal(1, await Append());

        var (size, _) = await Checkpoint();
        Assert.Equal(await RecordedEvents(), size);
        Assert.Equal(late.Sequence, Read<InclusionProof>(await Get($"/log/inclusion?seq={late.Sequence}")).Sequence);
    }

    [Fact]
    public async Task catching_up_in_small_batches_on_alternating_nodes_appends_every_event_once_in_the_order_it_committed()
    {
        var first = await Published(effectiveAt: Now.AddMinutes(1));
        await using var late = await LateEvent.Take(first.Id, 4);
        await using (var burnt = await LateEvent.Take(first.Id, 5)) { } // rolled back: its number never commits
        for (var i = 0; i < 3; i++) await Published(FoodLicence($"食品经营许可（第{i + 2}批）"), $"00014701{i + 2}000", Now.AddMinutes(1));

        // Each batch on a fresh appender, as if another node took over: the position lives in the database, not in the appender.
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        async Task<List<int>> CatchUpInBatchesOf(int limit)
        {
            var batches = new List<int>();
            for (var pass = 0; pass < 100; pass++)
            {
                var (leaves, full) = (await new LogAppender(store).AppendBatch(limit, CancellationToken.None))!.Value;
                batches.Add(leaves);
                if (!full) return batches;
            }
            throw new InvalidOperationException("The log did not catch up in 100 batches.");
        }
        var before = await CatchUpInBatchesOf(3);
        await late.Commit();
        var after = await CatchUpInBatchesOf(3);

        Assert.All(before.Concat(after), leaves => Assert.InRange(leaves, 0, 3));
        Assert.True(before.Count > 4, $"{before.Count} batches");
        Assert.Equal(1, after.Sum());
        Assert.Equal(0, await Append());
        await using var session = Store.QuerySession();
        var inLog = (await session.AdvancedSql.QueryAsync<long>($"select seq_id from {LogStore.Leaves} order by leaf_index", CancellationToken.None)).ToList();
        var committed = (await session.AdvancedSql.QueryAsync<long>(
            "select seq_id from cataloghub.mt_events where type <> 'tombstone' order by seq_id", CancellationToken.None)).ToList();
        Assert.Equal([.. committed.Where(s => s != late.Sequence), late.Sequence], inLog);

        var (size, root) = await Checkpoint();
        var report = Read<LogVerification>(await Get("/audit/log/verify", _auditor.Key));
        Assert.Equal((true, (long)committed.Count), (report.Intact, report.TreeSize));
        Assert.Equal(committed.Count, size);
        Assert.Equal(Convert.ToBase64String(root), Read<InclusionProof>(await Get($"/log/inclusion?seq={late.Sequence}")).RootHash);
    }

    [Fact]
    public async Task a_log_whose_stored_position_is_lost_rebuilds_it_from_its_leaves_and_still_appends_a_late_event_once()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        await using var late = await LateEvent.Take(entry.Id, 4);
        await Draft(FoodLicence("食品生产许可"), "000147023000");
        var appended = await Append();
        Assert.Equal(await RecordedEvents(), appended);

        // As a log written before the appender kept its position, or a position table someone emptied.
        await Tamper($"truncate {LogStore.Scan}, {LogStore.Pending}");
        Assert.Equal(0, await Append());
        await late.Commit();
        Assert.Equal(1, await Append());
        Assert.Equal(0, await Append());

        var (size, _) = await Checkpoint();
        Assert.Equal(await RecordedEvents(), size);
        Assert.True(Read<LogVerification>(await Get("/audit/log/verify", _auditor.Key)).Intact);
        Assert.Equal(late.Sequence, Read<InclusionProof>(await Get($"/log/inclusion?seq={late.Sequence}")).Sequence);
    }

    [Fact]
    public async Task an_event_edited_in_the_database_is_named_by_verification_and_no_rebuilt_log_extends_the_earlier_checkpoint()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        var (size1, root1) = await Checkpoint();
        var published = (await History(entry.Id)).Single(e => e.Type == "entry_published");
        var leaf = Read<InclusionProof>(await Get($"/log/inclusion?seq={published.Sequence}")).LeafIndex;

        await Tamper("update cataloghub.mt_events set data = jsonb_set(data, '{content,name}', '\"食品经营许可（已篡改）\"') where seq_id = $1", published.Sequence);

        var report = Read<LogVerification>(await Get("/audit/log/verify", _auditor.Key));
        Assert.False(report.Intact);
        Assert.Equal(new LeafFinding(leaf, published.Sequence, LeafProblem.Modified), Assert.Single(report.Findings));
        Assert.Equal([size1], report.BrokenCheckpoints);

        // Whoever edits the event and rebuilds the log from the store to hide it gets a tree that does not extend the checkpoint.
        await Tamper($"truncate {LogStore.Leaves}, {LogStore.Nodes}");
        await Append();
        await Draft(FoodLicence("食品生产许可"), "000147023000");
        await Append();
        await Assert.ThrowsAsync<InconsistentLogException>(SignCheckpoint);
        var proof = Read<ConsistencyProof>(await Get($"/log/consistency?from={size1}&to={size1 + 1}"));
        Assert.False(Consistent(size1, root1, size1 + 1, Convert.FromBase64String(proof.ToRoot), proof));
    }

    [Fact]
    public async Task an_event_deleted_from_the_database_is_named_by_verification_and_no_rebuilt_log_extends_the_earlier_checkpoint()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        var (size1, root1) = await Checkpoint();
        var submitted = (await History(entry.Id)).Single(e => e.Type == "entry_submitted_for_review");
        var leaf = Read<InclusionProof>(await Get($"/log/inclusion?seq={submitted.Sequence}")).LeafIndex;

        await Tamper("delete from cataloghub.mt_events where seq_id = $1", submitted.Sequence);

        var report = Read<LogVerification>(await Get("/audit/log/verify", _auditor.Key));
        Assert.False(report.Intact);
        Assert.Equal(new LeafFinding(leaf, submitted.Sequence, LeafProblem.Deleted), Assert.Single(report.Findings));

        await Tamper($"truncate {LogStore.Leaves}, {LogStore.Nodes}");
        await Draft(FoodLicence("食品生产许可"), "000147023000");
        await Draft(FoodLicence("小餐饮经营许可"), "000147024000");
        await Append();
        await Assert.ThrowsAsync<InconsistentLogException>(SignCheckpoint);
        var proof = Read<ConsistencyProof>(await Get($"/log/consistency?from={size1}&to={size1 + 1}"));
        Assert.False(Consistent(size1, root1, size1 + 1, Convert.FromBase64String(proof.ToRoot), proof));
    }
}
