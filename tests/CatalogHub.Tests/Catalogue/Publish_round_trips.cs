using CatalogHub.Catalogue;
using CatalogHub.Catalogue.Reading;
using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;
using CatalogHub.Tests.Support;
using Marten;
using Marten.Services;
using Npgsql;

namespace CatalogHub.Tests.Catalogue;

/// <summary>
/// A publish reads the item's validity intervals in the round trip that fetches the item (issue 14: fewer round trips per
/// publish), and the intervals it then writes are those a read of their own would have given.
/// </summary>
public sealed class Publish_round_trips(AppFixture fixture) : CatalogueContext(fixture)
{
    [Fact]
    public async Task a_new_version_reads_the_intervals_it_closes_with_the_item_and_closes_them()
    {
        var effectiveAt = Now.AddHours(1);
        var first = await Published(effectiveAt: effectiveAt);
        var second = await Submit(await Revise(first, FoodLicence("食品经营许可（含网络经营）")));

        // Version 2 published through the endpoint's own code, in-process, as the benchmark's domain path does, on a session that
        // records every statement it sends.
        var statements = new Statements();
        var laterAt = effectiveAt.AddDays(1);
        await using (var session = Store.LightweightSession())
        {
            session.Logger = statements;
            var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            http.Request.Headers.IfMatch = $"\"{second.Version}\"";
            var caller = new Caller(Admin.Id, Admin.Code, Admin.Region, "test", new HashSet<Role> { Role.HubAdmin, Role.CatalogueManager });
            var result = await new ListEndpoints<EntryContent>(CatalogueList.Definition).Published(second.Id,
                new Publish(laterAt, "按条例公布", "经审核同意公布"), http, caller.ToPrincipal("ApiKey"), session, Now, null);
            Assert.Equal(200, Assert.IsAssignableFrom<Microsoft.AspNetCore.Http.IStatusCodeHttpResult>(result).StatusCode);
            await session.SaveChangesAsync();
        }

        var reads = statements.Trips.Where(t => t.Any(s => s.Contains($"from {ValidityIntervalProjection.Table}"))).ToList();
        var read = Assert.Single(reads);
        Assert.Contains(read, s => s.Contains("mt_streams"));

        // Version 1's interval was read, closed at version 2's start and replaced: each instant has exactly one version in force.
        var before = Read<PublishedEntryView>(await Get($"/catalogue/entries/{first.Id}?asOf={Iso(laterAt.AddTicks(-10))}"));
        Assert.Equal(1, before.Citation.Version);
        var after = Read<PublishedEntryView>(await Get($"/catalogue/entries/{first.Id}?asOf={Iso(laterAt)}"));
        Assert.Equal(2, after.Citation.Version);
        Assert.Equal("食品经营许可（含网络经营）", after.Content.Name);
        var page = Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={Iso(laterAt.AddHours(1))}"));
        Assert.Equal(2, Assert.Single(page.Items).Citation.Version);
    }

    /// <summary>Each round trip a session sends: its statements' text.</summary>
    private sealed class Statements : IMartenSessionLogger
    {
        public List<string[]> Trips { get; } = [];
        public void OnBeforeExecute(NpgsqlCommand command) => Trips.Add([command.CommandText]);
        public void OnBeforeExecute(NpgsqlBatch batch) => Trips.Add([.. batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)]);
        public void LogSuccess(NpgsqlCommand command) { }
        public void LogFailure(NpgsqlCommand command, Exception ex) { }
        public void LogSuccess(NpgsqlBatch batch) { }
        public void LogFailure(NpgsqlBatch batch, Exception ex) { }
        public void LogFailure(Exception ex, string message) { }
        public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }
    }
}
