using CatalogHub.Publication.Lists;

namespace CatalogHub.Catalogue;

/// <summary>The working view of an entry for its editors: the pending draft and where the lifecycle stands.</summary>
public sealed record EntryDraftView(
    Guid Id, string ItemCode, string RegionCode, string OwnerDepartmentCode, Guid? DerivedFrom, Stage Stage,
    int LatestVersion, DateTimeOffset? LatestEffectiveAt, DateTimeOffset? RepealEffectiveAt, EntryContent Draft, long Version)
{
    public static EntryDraftView Of(ItemDraftView<EntryContent> v) => new(
        v.Id, v.Code, v.RegionCode, v.OwnerDepartmentCode, v.DerivedFrom, v.Stage, v.LatestVersion, v.LatestEffectiveAt, v.RepealEffectiveAt,
        v.Draft, v.Version);
}

/// <summary>A published version as the public sees it, with the citation of exactly that version.</summary>
public sealed record PublishedEntryView(
    Guid Id, string ItemCode, string RegionCode, Guid? DerivedFrom, EntryContent Content, string? Note, Citation Citation)
{
    public static PublishedEntryView From(PublishedItemView<EntryContent> v) =>
        new(v.Id, v.Code, v.RegionCode, v.DerivedFrom, v.Content, v.Note, v.Citation);

    public static PublishedEntryView From(ItemVersion<EntryContent> v) => From(PublishedItemView<EntryContent>.From(v));
}
