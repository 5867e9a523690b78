using CatalogHub.Publication.Lists;
using CatalogHub.Catalogue;
using CatalogHub.Feed;
using CatalogHub.ImplementationLists;
using CatalogHub.Publication;
using CatalogHub.Tests.ImplementationLists;
using CatalogHub.Tests.Support;
using Npgsql;

namespace CatalogHub.Tests.Feed;

public sealed class Changed_since_feed(AppFixture fixture) : ImplementationListContext(fixture)
{
    private async Task<FeedPage> Page(string? after, int limit) =>
        Read<FeedPage>(await Get($"/feed?limit={limit}" + (after is null ? "" : $"&after={after}"), Market.Key));

    /// <summary>
    /// Reads pages from <paramref name="after"/> until <paramref name="expected"/> changes have been seen. A change
    /// becomes readable once every transaction older than it has ended, so an empty page only means "not yet".
    /// </summary>
    private async Task<(List<FeedItem> Items, string Next)> ReadUntil(string? after, int expected, int limit)
    {
        var items = new List<FeedItem>();
        for (var attempt = 0; items.Count < expected && attempt < 400; attempt++)
        {
            var page = await Page(after, limit);
            items.AddRange(page.Items);
            after = page.Next;
            if (page.Items.Count == 0) await Task.Delay(25);
        }
        return (items, after!);
    }

    [Fact]
    public async Task publications_and_repeals_of_entries_and_lists_come_in_one_order_with_their_documents()
    {
        var (entry, list) = await PublishedGuide(Now.AddMinutes(1));
        await RepealList(list, Now.AddDays(5));

        var (items, next) = await ReadUntil(null, 3, 2);
        Assert.Equal([(CatalogueList.Name, ChangeKind.Published, entry.Id), (ImplementationListsList.Name, ChangeKind.Published, list.Id),
            (ImplementationListsList.Name, ChangeKind.Repealed, list.Id)], items.Select(i => (i.List, i.Kind, i.Id)));
        var version = Read<PublishedImplementationListView>(await Get($"/implementation-lists/{list.Id}/versions/1"));
        Assert.Equal(version.Citation.Sequence, items[1].Sequence);
        Assert.Equal("食品经营许可证", items[1].Document.GetProperty("content").GetProperty("result").GetString());
        Assert.Empty((await Page(next, 10)).Items);
        AssertProblem(await Get("/feed?after=abc", Market.Key, 400), "invalid-position", "after");
    }

    [Fact]
    public async Task a_change_that_commits_after_a_later_sequence_is_held_back_not_skipped()
    {
        var start = (await Page(null, 10)).Next;
        await using var first = new NpgsqlConnection(Environment.GetEnvironmentVariable("CATALOGHUB_DB"));
        await using var second = new NpgsqlConnection(Environment.GetEnvironmentVariable("CATALOGHUB_DB"));
        await first.OpenAsync();
        await second.OpenAsync();

        // Sequence 900001 is taken by a transaction that is still open while 900002 commits: the naive
        // "sequence > cursor" reader would hand out 900002 and never see 900001.
        await using var early = await first.BeginTransactionAsync();
        await InsertChange(first, 900001);
        await using (var late = await second.BeginTransactionAsync())
        {
            await InsertChange(second, 900002);
            await late.CommitAsync();
        }

        var whileOpen = await Page(start, 10);
        Assert.Empty(whileOpen.Items);
        Assert.Equal(start, whileOpen.Next);

        await early.CommitAsync();
        var (items, _) = await ReadUntil(whileOpen.Next, 2, 10);
        Assert.Equal([900001L, 900002L], items.Select(i => i.Sequence));
    }

    private static async Task InsertChange(NpgsqlConnection connection, long sequence)
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var version = new ItemVersion<EntryContent>(ItemVersion<EntryContent>.IdOf(id, 1), CatalogueList.Name, id, 1, "411000",
            $"00014701{sequence % 10000:0000}", null, FoodLicence(), now, now, TestDepartments.HubAdmin.Code, null, sequence);
        await using var insert = new NpgsqlCommand($"insert into {ChangeLogProjection.Table} (sequence, list, kind, id, region_code, item_code, recorded_at, document) " +
            "values ($1, $2, 'published', $3, '411000', $4, $5, $6::jsonb)", connection);
        insert.Parameters.AddWithValue(sequence);
        insert.Parameters.AddWithValue(CatalogueList.Name);
        insert.Parameters.AddWithValue(id);
        insert.Parameters.AddWithValue(version.Code);
        insert.Parameters.AddWithValue(now);
        insert.Parameters.AddWithValue(PublicationChange.DocumentOf(version).GetRawText());
        await insert.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task paging_while_others_publish_concurrently_sees_every_change_exactly_once()
    {
        const int Entries = 24;
        var submitted = new List<EntryDraftView>();
        for (var i = 0; i < Entries; i++)
            submitted.Add(await Submit(await Draft(FoodLicence($"食品经营许可（第{i + 1}批）"), $"0001470{i + 11:00000}")));

        var publishing = Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = writer; i < Entries; i += 4) await Publish(submitted[i]);
        })));
        var seen = new List<FeedItem>();
        string? after = null;
        while (!publishing.IsCompleted)
        {
            var page = await Page(after, 3);
            seen.AddRange(page.Items);
            after = page.Next;
        }
        await publishing;
        var (rest, _) = await ReadUntil(after, Entries - seen.Count, 3);
        seen.AddRange(rest);

        Assert.Equal(Entries, seen.Count);
        Assert.Equal(submitted.Select(s => s.Id).Order(), seen.Select(i => i.Id).Order());
        var positions = seen.Select(i => ChangePosition.TryParse(i.Position, out var p) ? p : throw new InvalidOperationException(i.Position)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(Entries, positions.Distinct().Count());
    }
}
