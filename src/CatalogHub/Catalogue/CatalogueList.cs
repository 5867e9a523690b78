using CatalogHub.Demo;
using CatalogHub.Publication.Lists;

namespace CatalogHub.Catalogue;

/// <summary>
/// The base catalogue (基本目录, 003:8) on the shared lifecycle. It keeps what it had before it moved onto the registry:
/// its routes under <c>/catalogue/entries</c> and <c>/catalogue/drafts</c>, its event type names (<c>entry_published</c>,
/// ...), its tables and its views, which name the code <c>itemCode</c>. An entry is drafted with its item code and, for a
/// county taking over a city item (承接), the entry it derives from (<see cref="Drafting.DraftEntryEndpoint"/>); a region's
/// catalogue is listed with filters (<see cref="Reading.ListCatalogueEndpoint"/>).
/// </summary>
public static class CatalogueList
{
    public const string Name = "base-catalogue";

    public static readonly ListDefinition<EntryContent> Definition = new(Name, "Entry", "entry", "Catalogue")
    {
        Route = "/catalogue/entries",
        DraftsRoute = "/catalogue/drafts",
        RegionRoute = null,
        RegionDiffRoute = "/regions/{regionCode}/catalogue/diff",
        DraftedElsewhere = true,
        // Its bulk publication drafts by code and content as the shared lifecycle does, under the catalogue's own rules and codes.
        PublishesInBulk = true,
        CheckCode = (v, code) => EntryContentRules.CheckItemCode(v, code, "code"),
        DuplicateCodeProblem = "duplicate-item-code",
        DerivedNotPublishedProblem = "derived-entry-not-published",
        Check = EntryContentRules.Check,
        Example = DemoData.Items.First(i => i.Code == "000147011000").Content,
        DraftView = ListView<ItemDraftView<EntryContent>>.As(EntryDraftView.Of),
        PublishedView = ListView<PublishedItemView<EntryContent>>.As(PublishedEntryView.From),
        UpgradeOldShape = OldEventShape.Renaming(("entryId", "id"), ("itemCode", "code")),
    };
}
