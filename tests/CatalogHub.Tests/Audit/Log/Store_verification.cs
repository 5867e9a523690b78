using CatalogHub.Publication.Lists;
using CatalogHub.Audit.Log;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CatalogHub.Tests.Audit.Log.Transparency_log;

namespace CatalogHub.Tests.Audit.Log;

/// <summary><c>cataloghub-audit verify store</c>: the database against the signed checkpoints, with the log's public keys.</summary>
public sealed class Store_verification(AppFixture fixture) : CatalogueContext(fixture)
{
    private static readonly string Database = Environment.GetEnvironmentVariable("CATALOGHUB_DB")!;


    private async Task<long> PublishedSequence(Guid entry) =>
        Read<ItemHistory>(await Get($"/catalogue/entries/{entry}/history", Market.Key)).Events.Single(e => e.Type == "entry_published").Sequence;

    private const string Rename = "update cataloghub.mt_events set data = jsonb_set(data, '{content,name}', '\"食品经营许可（已篡改）\"') where seq_id = $1";

    [Fact]
    public async Task an_intact_store_verifies_and_an_edited_event_is_named_by_its_leaf()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        await Published(FoodLicence("食品生产许可"), "000147023000", Now.AddMinutes(1));
        var checkpoint = await Signed();
        var keys = await KeyOptions();

        var (exit, result, _) = AuditCli.Run(null, ["verify", "store", "--db", Database, .. keys]);
        Assert.Equal(0, exit);
        Assert.Equal((checkpoint.Size, checkpoint.Size, 1L), (result!.Value.GetProperty("treeSize").GetInt64(),
            result.Value.GetProperty("leavesChecked").GetInt64(), result.Value.GetProperty("checkpointsChecked").GetInt64()));

        var sequence = await PublishedSequence(entry.Id);
        var leaf = Read<InclusionProof>(await Get($"/log/inclusion?seq={sequence}")).LeafIndex;
        await Tamper(Rename, sequence);
        (exit, result, _) = AuditCli.Run(null, ["verify", "store", "--db", Database, .. keys]);
        Assert.Equal((1, leaf, sequence), (exit, result!.Value.GetProperty("leafIndex").GetInt64(), result.Value.GetProperty("sequence").GetInt64()));
        // The first broken link, and no further: the leaves after it were not read.
        Assert.Equal(leaf + 1, result.Value.GetProperty("leavesChecked").GetInt64());
    }

    [Fact]
    public async Task an_event_rewritten_with_its_leaf_and_the_recorded_root_fools_the_hub_s_own_check_but_not_the_signed_checkpoint()
    {
        var auditor = await Register(TestDepartments.Audit);
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        var checkpoint = await Signed();
        var keys = await KeyOptions();

        // Someone with write access to the database edits the event, rehashes its leaf and records the new tree's root.
        await Tamper(Rename, await PublishedSequence(entry.Id));
        await Tamper($"update {LogStore.Leaves} l set leaf_hash = sha256('\\x00'::bytea || convert_to({LogStore.LeafText}, 'UTF8')) " +
                     "from cataloghub.mt_events e where e.seq_id = l.seq_id");
        var rewritten = CompactRange.Empty;
        await using (var session = Store.QuerySession())
            foreach (var hash in await session.AdvancedSql.QueryAsync<string>($"select encode(leaf_hash, 'base64') from {LogStore.Leaves} order by leaf_index", CancellationToken.None))
                rewritten.Append(Convert.FromBase64String(hash), (_, _) => { });
        await Tamper($"update {Checkpoints.Table} set root_hash = $1 where tree_size = $2", rewritten.Root, checkpoint.Size);
        Assert.True(Read<LogVerification>(await Get("/audit/log/verify", auditor.Key)).Intact);

        var (exit, result, stderr) = AuditCli.Run(null, ["verify", "store", "--db", Database, .. keys]);
        Assert.Equal((1, checkpoint.Size), (exit, result!.Value.GetProperty("checkpoint").GetInt64()));
        Assert.Contains("history was rewritten", stderr);
    }

    [Fact]
    public async Task a_checkpoint_not_signed_by_the_given_keys_fails_and_an_unreachable_database_is_a_usage_error()
    {
        await Published(effectiveAt: Now.AddMinutes(1));
        var checkpoint = await Signed();
        // The key of another signer (the C2SP signed-note example's): the hub's checkpoint carries no signature by it.
        string[] otherLog = ["--key", "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"];
        var (exit, result, _) = AuditCli.Run(null, ["verify", "store", "--db", Database, .. otherLog]);
        Assert.Equal((1, checkpoint.Size), (exit, result!.Value.GetProperty("checkpoint").GetInt64()));

        Assert.Equal(2, AuditCli.Run(null, ["verify", "store", "--db", "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2", .. otherLog]).Exit);
    }
}
