using System.Text.Json.Nodes;
using CatalogHub.Catalogue;
using CatalogHub.Demo;
using CatalogHub.Publication.Lists;

namespace CatalogHub.ImplementationLists;

/// <summary>
/// Implementation lists (实施清单, 003:9) on the shared lifecycle. They keep what they had before they moved onto the
/// registry: their routes under <c>/implementation-lists</c>, their event type names (<c>implementation_list_published</c>,
/// ...), their tables and their views, which show the entry and the item code beside the content. A list is drafted by
/// naming the base catalogue entry it implements (<see cref="Drafting.DraftImplementationListEndpoint"/>); its code is
/// the entry's item code, so a region has one list per item, which is how the basis check finds it.
/// </summary>
public static class ImplementationListsList
{
    public const string Name = "implementation-list";

    public static readonly ListDefinition<ImplementationListContent> Definition = new(Name, "ImplementationList", "implementation_list", "Implementation lists")
    {
        Route = "/implementation-lists",
        RegionRoute = "/regions/{regionCode}/implementation-lists",
        DraftedElsewhere = true,
        Check = ImplementationListRules.Check,
        RefusalsToPublish = ImplementationListRules.RefusalsToPublish,
        RefusalAtPublish = EntryInForce,
        References = References,
        Revised = (draft, revised) => revised with { EntryId = draft.EntryId },
        Example = DemoData.FoodBusinessGuide(),
        DraftView = ListView<ItemDraftView<ImplementationListContent>>.As(ImplementationListDraftView.Of),
        PublishedView = ListView<PublishedItemView<ImplementationListContent>>.As(PublishedImplementationListView.From),
        UpgradeOldShape = new(["listId", "itemCode", "entryId"], NameTheEntryInContent),
    };

    /// <summary>The entry it implements, then the proof items its materials are and the intermediary services it needs.</summary>
    private static IEnumerable<ListReference> References(ImplementationListContent content) =>
        content.EntryId is { } entry ? [new("entryId", CatalogueList.Name, entry), .. ImplementationListRules.References(content)]
        : ImplementationListRules.References(content);

    /// <summary>
    /// Events written before the move name the item <c>listId</c> and its code <c>itemCode</c>, and carry the entry beside
    /// the content; their revisions carry no entry at all (a revision keeps the drafted one, see <see cref="ListDefinition{TContent}.Revised"/>).
    /// </summary>
    private static void NameTheEntryInContent(JsonObject e)
    {
        OldEventShape.RenameMembers(e, ("listId", "id"), ("itemCode", "code"));
        if (e.Remove("entryId", out var entry) && e["content"] is JsonObject content) content["entryId"] = entry;
    }

    /// <summary>
    /// A list implements an item that is law, so it cannot take effect before, or after the repeal of, the entry it implements
    /// (422 on <c>effectiveAt</c>).
    /// </summary>
    [ProblemCodes(422, "entry-repealed", "entry-not-in-force")]
    private static async Task<IResult?> EntryInForce(IQuerySession session, ImplementationListContent content, Clocks clocks, CancellationToken ct)
    {
        var effectiveAt = clocks.AsOf;
        var entry = await EntryQueries.AsOf(session, content.EntryId ?? Guid.Empty, clocks, ct);
        if (entry.InForce is not null) return null;
        return entry.Repeal is { } repeal && repeal.EffectiveAt <= effectiveAt
            ? Problems.Rule("entry-repealed", $"The base catalogue entry is repealed with effect from {repeal.EffectiveAt:O}.", "effectiveAt")
            : Problems.Rule("entry-not-in-force",
                $"The base catalogue entry has no published version in force at {effectiveAt:O}; publish it first, or let the list take effect later.", "effectiveAt");
    }
}
