using CatalogHub.Audit.Events;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Audit;

public sealed class Replaying_history(AppFixture fixture) : CatalogueContext(fixture)
{
    [Fact]
    public async Task an_auditor_replays_who_changed_what_across_streams_page_by_page()
    {
        var food = await Published(effectiveAt: Now.AddMinutes(1));
        var resources = await Register(TestDepartments.NaturalResources);
        await Draft(FoodLicence("建设工程规划许可证核发"), "000131015000", resources.Key);
        var auditor = await Register(TestDepartments.Audit);

        var byMarket = Read<EventPage>(await Get($"/audit/events?department={Market.Code}", auditor.Key));
        Assert.Equal(["entry_drafted", "entry_submitted_for_review"], byMarket.Events.Select(e => e.Type));
        Assert.All(byMarket.Events, e => Assert.Equal((Market.Code, food.Id), (e.Department, e.StreamId)));

        var published = Read<EventPage>(await Get("/audit/events?type=entry_published", auditor.Key));
        Assert.Equal(Admin.Code, Assert.Single(published.Events).Department);

        // Paging by sequence walks every event exactly once.
        var all = new List<long>();
        long? after = 0;
        while (after is not null)
        {
            var page = Read<EventPage>(await Get($"/audit/events?after={after}&limit=2", auditor.Key));
            all.AddRange(page.Events.Select(e => e.Sequence));
            after = page.NextAfter;
        }
        Assert.Equal(all.Distinct().Order(), all);
        Assert.Equal(await EventCount(), all.Count);
    }

    [Fact]
    public async Task an_unparseable_window_is_refused() =>
        AssertProblem(await Get("/audit/events?from=yesterday", (await Register(TestDepartments.Audit)).Key, 400), "invalid-instant", "from");
}
