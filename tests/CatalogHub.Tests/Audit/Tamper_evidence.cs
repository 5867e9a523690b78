using CatalogHub.Audit.Integrity;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;
using Npgsql;

namespace CatalogHub.Tests.Audit;

public sealed class Tamper_evidence(AppFixture fixture) : CatalogueContext(fixture)
{
    private TestDepartment _auditor = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _auditor = await Register(TestDepartments.Audit);
    }

    private async Task<IntegrityReport> Verify() => Read<IntegrityReport>(await Get("/audit/integrity", _auditor.Key));
    private async Task<long> Seal() => Read<SealResult>(await Post("/audit/integrity/seal", new { }, _auditor.Key, 200)).Sealed;

    /// <summary>What someone with database access but without the sealing key could do.</summary>
    private static async Task Tamper(string sql, params object[] args)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("CATALOGHUB_DB"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var a in args) command.Parameters.AddWithValue(a);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task sealed_history_verifies_intact_and_new_events_wait_for_the_next_seal()
    {
        await Published(effectiveAt: Now.AddMinutes(1));
        var total = await EventCount();
        Assert.Equal(total, await Seal());
        var first = await Verify();
        Assert.True(first.Intact);
        Assert.Equal((total, total, 0L), (first.EventsChecked, first.SealedEvents, first.UnsealedEvents));
        Assert.Equal(0, await Seal());
        Assert.Equal(first.StoreDigest, (await Verify()).StoreDigest);

        await Draft(itemCode: "000147023000");
        var pending = await Verify();
        Assert.True(pending.Intact);
        Assert.Equal(1, pending.UnsealedEvents);
        Assert.Equal(1, await Seal());
        Assert.NotEqual(first.StoreDigest, (await Verify()).StoreDigest);
    }

    [Fact]
    public async Task an_event_altered_in_the_database_is_reported_alone()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        await Seal();
        var history = Read<CatalogHub.Catalogue.History.EntryHistory>(await Get($"/catalogue/entries/{entry.Id}/history", Market.Key));
        var published = history.Events.Single(e => e.Type == "entry_published");

        await Tamper("update cataloghub.mt_events set data = jsonb_set(data, '{content,name}', '\"食品经营许可（已篡改）\"') where seq_id = $1",
            published.Sequence);

        var report = await Verify();
        Assert.False(report.Intact);
        Assert.Equal(new IntegrityFinding(published.Sequence, entry.Id, published.Version, Finding.Modified), Assert.Single(report.Findings));
    }

    [Fact]
    public async Task an_event_deleted_from_the_database_is_reported()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        await Seal();
        var history = Read<CatalogHub.Catalogue.History.EntryHistory>(await Get($"/catalogue/entries/{entry.Id}/history", Market.Key));
        var submitted = history.Events.Single(e => e.Type == "entry_submitted_for_review");

        await Tamper("delete from cataloghub.mt_events where seq_id = $1", submitted.Sequence);

        var report = await Verify();
        Assert.Equal(new IntegrityFinding(submitted.Sequence, entry.Id, submitted.Version, Finding.Deleted), Assert.Single(report.Findings));
    }

    [Fact]
    public async Task a_single_stream_can_be_verified_on_its_own()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        await Seal();
        var report = Read<IntegrityReport>(await Get($"/audit/integrity?streamId={entry.Id}", _auditor.Key));
        Assert.Equal((3L, true), (report.EventsChecked, report.Intact));
    }
}
