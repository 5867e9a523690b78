using CatalogHub.Catalogue;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;
using CatalogHub.Tests.ImplementationLists;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Lists;

/// <summary>
/// Given-states of the registered lists, reached through the API: every list has the same operations under its route.
/// Built on the implementation lists' given-states, since the basis check needs an item's implementation list too.
/// </summary>
public abstract class ListContext(AppFixture fixture) : ImplementationListContext(fixture)
{
    protected const string Reason = "依据《许昌市政务服务条例》编制并公布清单";

    protected async Task<ItemDraftView<T>> DraftItem<T>(ListDefinition<T> list, T content, string code, string? key = null, int status = 201)
        where T : class =>
        Read<ItemDraftView<T>>(await Post(list.Route, new { regionCode = "411000", code, content, reason = Reason }, key ?? Market.Key, status));

    protected async Task<ItemDraftView<T>> SubmitItem<T>(ListDefinition<T> list, ItemDraftView<T> item) where T : class =>
        Read<ItemDraftView<T>>(await Post($"{list.Route}/{item.Id}/submit", new { reason = "提交审核" }, Market.Key, 200, $"\"{item.Version}\""));

    protected async Task<ItemDraftView<T>> PublishItem<T>(ListDefinition<T> list, ItemDraftView<T> item, DateTimeOffset? effectiveAt = null)
        where T : class =>
        Read<ItemDraftView<T>>(await Post($"{list.Route}/{item.Id}/publish", new { effectiveAt, note = "按条例公布", reason = "经审核同意公布" },
            Admin.Key, 200, $"\"{item.Version}\""));

    /// <summary>Drafted, submitted and published in one go.</summary>
    protected async Task<ItemDraftView<T>> PublishedItem<T>(ListDefinition<T> list, T content, string code, DateTimeOffset? effectiveAt = null)
        where T : class =>
        await PublishItem(list, await SubmitItem(list, await DraftItem(list, content, code)), effectiveAt);

}
