
namespace CatalogHub.Catalogue;

/// <summary>The working view of an entry for its editors: the pending draft and where the lifecycle stands.</summary>
public sealed record EntryDraftView(
    Guid Id, string ItemCode, string RegionCode, string OwnerDepartmentCode, Guid? DerivedFrom, Stage Stage,
    int LatestVersion, DateTimeOffset? LatestEffectiveAt, DateTimeOffset? RepealEffectiveAt, EntryContent Draft, long Version)
{
    public static EntryDraftView From(Entry e) => new(
        e.Id, e.ItemCode, e.RegionCode, e.OwnerDepartmentCode, e.DerivedFrom, e.Lifecycle.Stage, e.Lifecycle.LatestVersion,
        e.Lifecycle.LatestEffectiveAt, e.Lifecycle.RepealEffectiveAt, e.Draft, e.Version);

    public static EntryDraftView Of(Entry e, long version) => From(e with { Version = version });
}

/// <summary>A published version as the public sees it, with the citation of exactly that version.</summary>
public sealed record PublishedEntryView(
    Guid Id, string ItemCode, string RegionCode, Guid? DerivedFrom, EntryContent Content, string? Note, Citation Citation)
{
    public static PublishedEntryView From(EntryVersion v) =>
        new(v.EntryId, v.ItemCode, v.RegionCode, v.DerivedFrom, v.Content, v.Note, v.Citation);
}
