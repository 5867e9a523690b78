using System.Text;
using System.Text.Json;
using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;
using CatalogHub.Publication.Lists;

namespace CatalogHub.Tests.Migration;

/// <summary>
/// A moved list reads its events through <see cref="OldEventShape"/>: an event in the older shape is upgraded, and one in the
/// shared shape is read as it is, without the upgrade's JSON tree (the cost a rebuild paid on every event before).
/// </summary>
public sealed class Old_event_shapes
{
    private static readonly Guid Entry = Guid.Parse("01a2177c-0fbc-7160-910d-18b6e16b1745");
    private static readonly Guid List = Guid.Parse("01a2177d-3b52-7a01-8c4e-2f9d0a6b7c15");

    [Fact]
    public void a_catalogue_event_in_the_older_shape_is_read_under_the_shared_names()
    {
        var old = Utf8($$"""{"entryId":"{{Entry}}","submittedBy":"11411000005326026D","submittedAt":"2019-03-01T09:00:00+08:00"}""");

        var submitted = CatalogueList.Definition.UpgradeOldShape!.Read<ItemSubmittedForReview<EntryContent>>(old);

        Assert.Equal(Entry, submitted.Id);
        Assert.Equal("11411000005326026D", submitted.SubmittedBy);
    }

    [Fact]
    public void an_implementation_list_event_in_the_shared_shape_is_not_upgraded_although_its_content_names_the_entry()
    {
        var shared = ImplementationListsList.Definition.UpgradeOldShape! with { Upgrade = _ => throw new InvalidOperationException("upgraded") };
        var revised = Utf8($$"""
            {"id":"{{List}}","content":{"entryId":"{{Entry}}","name":"食品经营许可（新办）实施清单"},
             "revisedBy":"11411000005327811H","revisedAt":"2026-03-02T10:30:00+08:00"}
            """);

        var read = shared.Read<ItemDraftRevised<JsonElement>>(revised);

        Assert.Equal(List, read.Id);
        Assert.Equal(Entry, read.Content.GetProperty("entryId").GetGuid());
    }

    [Fact]
    public void an_implementation_list_event_in_the_older_shape_gets_its_entry_moved_into_the_content()
    {
        var old = Utf8($$"""
            {"listId":"{{List}}","itemCode":"000147011000","entryId":"{{Entry}}","content":{"name":"食品经营许可（新办）实施清单"},
             "revisedBy":"11411000005327811H","revisedAt":"2021-05-10T10:30:00+08:00"}
            """);

        var read = ImplementationListsList.Definition.UpgradeOldShape!.Read<ItemDraftRevised<JsonElement>>(old);

        Assert.Equal(List, read.Id);
        Assert.Equal(Entry, read.Content.GetProperty("entryId").GetGuid());
    }

    private static ReadOnlyMemory<byte> Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
