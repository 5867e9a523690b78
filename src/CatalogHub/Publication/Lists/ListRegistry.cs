namespace CatalogHub.Publication.Lists;

/// <summary>
/// Every list served by the shared lifecycle: one line per list. Adding a list is a content record, its rules and a
/// line here (README, "Adding a list"); its events, tables, operations, feed entries and index follow from it.
/// </summary>
public static class ListRegistry
{
    public static readonly IReadOnlyList<ListDefinition> All =
    [
        CatalogHub.Catalogue.CatalogueList.Definition,
        CatalogHub.Sharing.LicenceTypes.LicenceTypesList.Definition,
        CatalogHub.ImplementationLists.ImplementationListsList.Definition,
        CatalogHub.Lists.ProofItems.ProofItemsList.Definition,
        CatalogHub.Lists.IntermediaryServices.IntermediaryServicesList.Definition,
        CatalogHub.Lists.Promises.PromisesList.Definition,
        CatalogHub.Lists.Deferrals.DeferralsList.Definition,
    ];

    private static readonly IReadOnlyDictionary<string, ListDefinition> ByName = All.ToDictionary(l => l.Name);

    public static ListDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    private static readonly IReadOnlyDictionary<Type, string> ByContent = All.ToDictionary(l => l.ContentType, l => l.Name);

    public static string NameOf(Type content) => ByContent[content];

    public static ListDefinition<TContent> Of<TContent>() where TContent : class => (ListDefinition<TContent>)ByName[NameOf(typeof(TContent))];

    public static IEnumerable<Type> EventTypes => All.SelectMany(l => l.EventTypes);

    public static void AddLists(this StoreOptions opts)
    {
        foreach (var list in All) list.Configure(opts);
        opts.Schema.For<ListMigration>().DocumentAlias("list_migration");
    }

    public static void MapLists(this IEndpointRouteBuilder app)
    {
        foreach (var list in All) list.Map(app);
    }
}
