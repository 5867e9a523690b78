namespace CatalogHub.Publication.Lists;

// The lifecycle's events, once for every registered list. Each list records them under its own event type names
// (proof_item_drafted, ...: see ListDefinition.EventName), so a store's history says which list an event belongs to;
// the content type parameter keeps the lists' streams apart in Marten.

public sealed record ItemDrafted<TContent>(
    Guid Id, string RegionCode, string Code, Guid OwnerDepartmentId, string OwnerDepartmentCode, Guid? DerivedFrom,
    TContent Content, string DraftedBy, DateTimeOffset DraftedAt);

public sealed record ItemDraftRevised<TContent>(Guid Id, TContent Content, string RevisedBy, DateTimeOffset RevisedAt);

public sealed record ItemSubmittedForReview<TContent>(Guid Id, string SubmittedBy, DateTimeOffset SubmittedAt);

/// <param name="OwnerDepartmentCode">The department the item belongs to (its drafter; a licence type's issuer); null on events written before it was recorded.</param>
/// <param name="Basis">For a correction (effective before it was published): the decision that orders it.</param>
public sealed record ItemPublished<TContent>(
    Guid Id, int Version, string RegionCode, string Code, Guid? DerivedFrom, TContent Content,
    DateTimeOffset EffectiveAt, string? Note, string PublishedBy, DateTimeOffset PublishedAt, string? OwnerDepartmentCode = null, string? Basis = null)
    : IItemPublished
{
    /// <summary>True when it changes what was in force at instants already past when it was recorded (更正).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Retroactive => EffectiveAt < PublishedAt;
}

/// <summary>Ends the item's legal effect; for a proof item this is its cancellation (取消, 002:28). Effective before it was recorded: a correction.</summary>
public sealed record ItemRepealed<TContent>(Guid Id, DateTimeOffset EffectiveAt, string Reason, string Basis, string RepealedBy, DateTimeOffset RecordedAt)
    : IItemRepealed;

/// <summary>
/// A version (<c>Version</c>) or the repeal (null) scheduled for <c>EffectiveAt</c>, not yet in effect, will not take effect:
/// the decision was withdrawn. What was in force before it goes on.
/// </summary>
public sealed record ItemScheduleCancelled<TContent>(Guid Id, int? Version, DateTimeOffset EffectiveAt, string Reason, string Basis,
    string CancelledBy, DateTimeOffset RecordedAt) : IItemScheduleChanged
{
    DateTimeOffset IItemScheduleChanged.From => EffectiveAt;
    DateTimeOffset? IItemScheduleChanged.To => null;
    string IItemScheduleChanged.By => CancelledBy;
}

/// <summary>A version (<c>Version</c>) or the repeal (null) scheduled for <c>From</c>, not yet in effect, takes effect at <c>To</c> instead.</summary>
public sealed record ItemRescheduled<TContent>(Guid Id, int? Version, DateTimeOffset From, DateTimeOffset To, string Reason, string Basis,
    string RescheduledBy, DateTimeOffset RecordedAt) : IItemScheduleChanged
{
    DateTimeOffset? IItemScheduleChanged.To => To;
    string IItemScheduleChanged.By => RescheduledBy;
}

/// <summary>A cancelled or rescheduled change of any registered list, as subscribers hear of it (<c>To</c> null: cancelled).</summary>
public interface IItemScheduleChanged
{
    Guid Id { get; }
    int? Version { get; }
    DateTimeOffset From { get; }
    DateTimeOffset? To { get; }
    DateTimeOffset RecordedAt { get; }
    string By { get; }
}

/// <summary>A publication of any registered list, as subscribers hear of it.</summary>
public interface IItemPublished
{
    Guid Id { get; }
    int Version { get; }
    DateTimeOffset EffectiveAt { get; }
    DateTimeOffset PublishedAt { get; }
    string PublishedBy { get; }
}

/// <summary>A repeal of any registered list, as subscribers hear of it.</summary>
public interface IItemRepealed
{
    Guid Id { get; }
    DateTimeOffset EffectiveAt { get; }
    DateTimeOffset RecordedAt { get; }
    string RepealedBy { get; }
}

/// <summary>An item of a registered list, whatever its content.</summary>
public interface IListItem
{
    /// <summary>The list's name (<see cref="ListDefinition.Name"/>).</summary>
    string List { get; }
}

public sealed record ItemDraftWithdrawn<TContent>(Guid Id, string WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>
/// An item of a registered list as its owner and its region's catalogue manager see it: the pending draft beside the
/// shared <see cref="Lifecycle"/>. It is never a legal basis itself; only its <see cref="ItemVersion{TContent}"/>s are.
/// (region, code) is unique within its list among items that are not closed.
/// </summary>
public sealed record ListItem<TContent>(
    Guid Id, string RegionCode, string Code, Guid OwnerDepartmentId, string OwnerDepartmentCode, Guid? DerivedFrom,
    TContent Draft, Lifecycle Lifecycle) : IPublishable<ListItem<TContent>>, IListItem where TContent : class
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string List => ListName;

    public static string ListName => ListRegistry.NameOf(typeof(TContent));

    /// <summary>The stream version, set by Marten; it is the item's ETag.</summary>
    public long Version { get; set; }

    public static ListItem<TContent> Started(ItemDrafted<TContent> e) =>
        new(e.Id, e.RegionCode, e.Code, e.OwnerDepartmentId, e.OwnerDepartmentCode, e.DerivedFrom, e.Content, Lifecycle.NewDraft);

    public ListItem<TContent> After(object @event) => @event switch
    {
        ItemDraftRevised<TContent> e => this with { Draft = ListRegistry.Of<TContent>().Revised(Draft, e.Content), Lifecycle = Lifecycle.Revised() },
        ItemSubmittedForReview<TContent> => this with { Lifecycle = Lifecycle.Submitted() },
        ItemPublished<TContent> e => this with { Lifecycle = Lifecycle.Published(e.Version, e.EffectiveAt) },
        ItemRepealed<TContent> e => this with { Lifecycle = Lifecycle.Repealed(e.EffectiveAt) },
        ItemScheduleCancelled<TContent> e => this with { Lifecycle = Lifecycle.Cancelled(e.EffectiveAt) },
        ItemRescheduled<TContent> e => this with { Lifecycle = Lifecycle.Rescheduled(e.From, e.To) },
        ItemDraftWithdrawn<TContent> => this with { Lifecycle = Lifecycle.Withdrawn() },
        _ => throw new ArgumentException($"{@event.GetType().Name} does not apply to an existing list item.", nameof(@event)),
    };
}

/// <summary>
/// One immutable published version of a list item, with its citation. Id: <c>{itemId}:{version}</c>. The stored document
/// is never changed; an "as of" read gives it with the instants it answered about and the effective time its interval
/// had then (a rescheduled version's new one), which its citation names (<see cref="Citation"/>). <c>Basis</c>: a correction's decision.
/// </summary>
public sealed record ItemVersion<TContent>(
    string Id, string List, Guid ItemId, int Version, string RegionCode, string Code, Guid? DerivedFrom, TContent Content,
    DateTimeOffset EffectiveAt, DateTimeOffset PublishedAt, string PublishedBy, string? Note, long Sequence, string? OwnerDepartmentCode = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AsOf = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? KnownAt = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? RecordedBy = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Basis = null)
    : IPublishedVersion
{
    public static string IdOf(Guid itemId, int version) => $"{itemId}:{version}";

    public static ItemVersion<TContent> From(string list, ItemPublished<TContent> e, long sequence) => new(
        IdOf(e.Id, e.Version), list, e.Id, e.Version, e.RegionCode, e.Code, e.DerivedFrom, e.Content, e.EffectiveAt,
        e.PublishedAt, e.PublishedBy, e.Note, sequence, e.OwnerDepartmentCode, Basis: e.Basis);

    public Citation Citation => new(List, ItemId, Version, PublishedAt, EffectiveAt, Sequence, AsOf, KnownAt, RecordedBy);

    public IPublishedVersion Answering(Clocks clocks) => this with { AsOf = clocks.AsOf, KnownAt = clocks.KnownAt };

    public IPublishedVersion OnInterval(DateTimeOffset start, long placedBy) =>
        this with { EffectiveAt = (start - EffectiveAt).Duration() <= TimeSpan.FromMicroseconds(1) ? EffectiveAt : start, RecordedBy = placedBy };
}

/// <summary>The recorded repeal of an item of any registered list. Id: the item id.</summary>
public sealed record ItemRepeal(Guid Id, string List, DateTimeOffset EffectiveAt, DateTimeOffset RecordedAt, string Reason, string Basis,
    string RepealedBy, long Sequence) : IRepealRecord
{
    public static ItemRepeal From<TContent>(string list, ItemRepealed<TContent> e, long sequence) =>
        new(e.Id, list, e.EffectiveAt, e.RecordedAt, e.Reason, e.Basis, e.RepealedBy, sequence);

    public RepealCitation Citation => new(List, Id, RecordedAt, EffectiveAt, Sequence, Reason, Basis);
}

/// <summary>The working view of an item for its editors: the pending draft and where the lifecycle stands.</summary>
public sealed record ItemDraftView<TContent>(
    Guid Id, string List, string RegionCode, string Code, string OwnerDepartmentCode, Guid? DerivedFrom, Stage Stage,
    int LatestVersion, DateTimeOffset? LatestEffectiveAt, DateTimeOffset? RepealEffectiveAt, TContent Draft, long Version) where TContent : class
{
    public static ItemDraftView<TContent> Of(string list, ListItem<TContent> i, long version) => new(
        i.Id, list, i.RegionCode, i.Code, i.OwnerDepartmentCode, i.DerivedFrom, i.Lifecycle.Stage, i.Lifecycle.LatestVersion,
        i.Lifecycle.LatestEffectiveAt, i.Lifecycle.RepealEffectiveAt, i.Draft, version);
}

/// <summary>A published version as the public sees it, with the citation of exactly that version.</summary>
public sealed record PublishedItemView<TContent>(
    Guid Id, string RegionCode, string Code, Guid? DerivedFrom, TContent Content, string? Note, Citation Citation, string? OwnerDepartmentCode)
{
    public static PublishedItemView<TContent> From(ItemVersion<TContent> v) =>
        new(v.ItemId, v.RegionCode, v.Code, v.DerivedFrom, v.Content, v.Note, v.Citation, v.OwnerDepartmentCode);
}

/// <summary>A page of a list's items in force at one instant as known at another; each item cites the version it shows.</summary>
public sealed record ItemPage<TContent>(DateTimeOffset AsOf, DateTimeOffset KnownAt, long Total, int Page, int PageSize, IReadOnlyList<PublishedItemView<TContent>> Items);
