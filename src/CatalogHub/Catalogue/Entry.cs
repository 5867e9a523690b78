
namespace CatalogHub.Catalogue;

/// <summary>A legal basis (设定和实施依据) of an item: which law, of which level, which article.</summary>
public sealed record LegalBasis(string Title, string Level, string Article);

/// <summary>What a version of a base catalogue entry says. Versions copy it whole, so a version never changes.</summary>
public sealed record EntryContent(
    string Name, string Category, string CompetentDepartment, string ImplementingAuthority,
    IReadOnlyList<LegalBasis> LegalBases, string? ExternalSourceId);

public sealed record EntryDrafted(
    Guid EntryId, string ItemCode, string RegionCode, Guid OwnerDepartmentId, string OwnerDepartmentCode,
    Guid? DerivedFrom, EntryContent Content, string DraftedBy, DateTimeOffset DraftedAt);

public sealed record EntryDraftRevised(Guid EntryId, EntryContent Content, string RevisedBy, DateTimeOffset RevisedAt);

public sealed record EntrySubmittedForReview(Guid EntryId, string SubmittedBy, DateTimeOffset SubmittedAt);

public sealed record EntryPublished(
    Guid EntryId, int Version, string ItemCode, string RegionCode, Guid? DerivedFrom, EntryContent Content,
    DateTimeOffset EffectiveAt, string? Note, string PublishedBy, DateTimeOffset PublishedAt);

public sealed record EntryRepealed(Guid EntryId, DateTimeOffset EffectiveAt, string Reason, string Basis, string RepealedBy, DateTimeOffset RecordedAt);

public sealed record EntryDraftWithdrawn(Guid EntryId, string WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>
/// A base catalogue entry (基本目录事项) as its owner and its region's catalogue manager see it: the pending
/// draft, if any, beside the lifecycle. It is never a legal basis itself; only <see cref="EntryVersion"/>s are.
/// (item code, region) is unique.
/// </summary>
public sealed record Entry(
    Guid Id, string ItemCode, string RegionCode, Guid OwnerDepartmentId, string OwnerDepartmentCode,
    Guid? DerivedFrom, EntryContent Draft, Lifecycle Lifecycle) : IPublishable<Entry>
{
    /// <summary>The stream version, set by Marten; it is the entry's ETag.</summary>
    public long Version { get; set; }

    public static Entry Create(EntryDrafted e) =>
        new(e.EntryId, e.ItemCode, e.RegionCode, e.OwnerDepartmentId, e.OwnerDepartmentCode, e.DerivedFrom, e.Content, Lifecycle.NewDraft);

    public Entry Apply(EntryDraftRevised e) => this with { Draft = e.Content, Lifecycle = Lifecycle.Revised() };
    public Entry Apply(EntrySubmittedForReview _) => this with { Lifecycle = Lifecycle.Submitted() };
    public Entry Apply(EntryPublished e) => this with { Lifecycle = Lifecycle.Published(e.Version, e.EffectiveAt) };
    public Entry Apply(EntryRepealed e) => this with { Lifecycle = Lifecycle.Repealed(e.EffectiveAt) };
    public Entry Apply(EntryDraftWithdrawn _) => this with { Lifecycle = Lifecycle.Withdrawn() };

    public Entry After(object @event) => @event switch
    {
        EntryDraftRevised e => Apply(e),
        EntrySubmittedForReview e => Apply(e),
        EntryPublished e => Apply(e),
        EntryRepealed e => Apply(e),
        EntryDraftWithdrawn e => Apply(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} does not apply to an existing entry.", nameof(@event)),
    };
}

/// <summary>One immutable published version of an entry, with its citation. Id: <c>{entryId}:{version}</c>.</summary>
public sealed record EntryVersion(
    string Id, Guid EntryId, int Version, string ItemCode, string RegionCode, Guid? DerivedFrom, EntryContent Content,
    DateTimeOffset EffectiveAt, DateTimeOffset PublishedAt, string PublishedBy, string? Note, long Sequence) : IPublishedVersion
{
    public const string List = "base-catalogue";

    public static string IdOf(Guid entryId, int version) => $"{entryId}:{version}";

    public static EntryVersion From(EntryPublished e, long sequence) => new(
        IdOf(e.EntryId, e.Version), e.EntryId, e.Version, e.ItemCode, e.RegionCode, e.DerivedFrom, e.Content, e.EffectiveAt,
        e.PublishedAt, e.PublishedBy, e.Note, sequence);

    public Citation Citation => new(List, EntryId, Version, PublishedAt, EffectiveAt, Sequence);
}

/// <summary>The recorded repeal of an entry. Id: the entry id.</summary>
public sealed record EntryRepeal(Guid Id, DateTimeOffset EffectiveAt, DateTimeOffset RecordedAt, string Reason, string Basis, string RepealedBy, long Sequence) : IRepealRecord
{
    public static EntryRepeal From(EntryRepealed e, long sequence) =>
        new(e.EntryId, e.EffectiveAt, e.RecordedAt, e.Reason, e.Basis, e.RepealedBy, sequence);

    public RepealCitation Citation => new(EntryVersion.List, Id, RecordedAt, EffectiveAt, Sequence, Reason, Basis);
}
