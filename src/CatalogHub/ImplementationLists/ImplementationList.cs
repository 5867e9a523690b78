using System.Text.Json.Serialization;
using CatalogHub.Catalogue;

namespace CatalogHub.ImplementationLists;

/// <summary>How a material is handed in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MaterialForm>))]
public enum MaterialForm
{
    [JsonStringEnumMemberName("paper")] Paper,
    [JsonStringEnumMemberName("electronic")] Electronic,
    [JsonStringEnumMemberName("both")] Both,
}

/// <summary>Where a material comes from: the applicant, an e-licence of a listed type, or shared data (003:38, 002:44).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MaterialSource>))]
public enum MaterialSource
{
    [JsonStringEnumMemberName("applicant")] Applicant,
    [JsonStringEnumMemberName("e-licence")] ELicence,
    [JsonStringEnumMemberName("shared-data")] SharedData,
}

/// <summary>An acceptance condition (受理条件); no condition without a legal basis may be published (003:9).</summary>
public sealed record Condition(string Text, LegalBasis? Basis);

/// <summary>A step of the process (办理流程); like a condition it needs a legal basis to be published.</summary>
public sealed record ProcessStep(string Name, string Description, LegalBasis? Basis);

/// <summary>
/// An application material (申请材料). The published materials are the complete list (003:9): nothing else may be
/// demanded. <paramref name="LicenceTypeCode"/> names the e-licence type that supplies it when the source is an e-licence;
/// <paramref name="ProofItemId"/> the published proof item (证明事项) it is, when it is a proof: only a listed proof may be demanded (000:15).
/// </summary>
public sealed record Material(string Name, bool Required, MaterialForm? Form, int Copies, MaterialSource? Source, string? LicenceTypeCode,
    Guid? ProofItemId = null);

/// <summary>A fee (收费项目): published only with its basis and its standard (003:46, 001:29).</summary>
public sealed record Fee(string Name, string? Standard, LegalBasis? Basis);

/// <summary>Where to seek remedy: administrative reconsideration (行政复议) and litigation (行政诉讼).</summary>
public sealed record Remedies(string Reconsideration, string Litigation);

/// <summary>
/// What a version of an implementation list (实施清单 / 办事指南, 003:9, 000:14, 001:17) says. Time limits are in
/// working days; the promised limit (承诺时限) may not exceed the statutory one (法定时限). <c>Free</c> with no fees,
/// or the fees with their basis and standard. <c>IntermediaryServices</c> are the listed intermediary services (中介服务事项)
/// the item needs, if any (003:34): an item may require none that is not on the published list.
/// </summary>
public sealed record ImplementationListContent(
    IReadOnlyList<string> ServiceObjects,
    IReadOnlyList<Condition> Conditions,
    IReadOnlyList<ProcessStep> Steps,
    IReadOnlyList<Material> Materials,
    string ReviewStandard,
    int StatutoryLimitDays,
    int PromisedLimitDays,
    string Result,
    bool Free,
    IReadOnlyList<Fee> Fees,
    IReadOnlyList<string> Channels,
    string ProgressQuery,
    Remedies Remedies,
    IReadOnlyList<Guid>? IntermediaryServices = null);

public sealed record ImplementationListDrafted(
    Guid ListId, Guid EntryId, string ItemCode, string RegionCode, Guid OwnerDepartmentId, string OwnerDepartmentCode,
    ImplementationListContent Content, string DraftedBy, DateTimeOffset DraftedAt);

public sealed record ImplementationListDraftRevised(Guid ListId, ImplementationListContent Content, string RevisedBy, DateTimeOffset RevisedAt);

public sealed record ImplementationListSubmittedForReview(Guid ListId, string SubmittedBy, DateTimeOffset SubmittedAt);

public sealed record ImplementationListPublished(
    Guid ListId, int Version, Guid EntryId, string ItemCode, string RegionCode, ImplementationListContent Content,
    DateTimeOffset EffectiveAt, string? Note, string PublishedBy, DateTimeOffset PublishedAt);

public sealed record ImplementationListRepealed(
    Guid ListId, DateTimeOffset EffectiveAt, string Reason, string Basis, string RepealedBy, DateTimeOffset RecordedAt);

public sealed record ImplementationListDraftWithdrawn(Guid ListId, string WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>
/// The implementation list of one base catalogue entry in one region, as its owner and the region's catalogue
/// manager see it: the pending draft beside the shared lifecycle. (region, item code) is unique. Only its
/// <see cref="ImplementationListVersion"/>s are ever a basis for handling a case (003:10).
/// </summary>
public sealed record ImplementationList(
    Guid Id, Guid EntryId, string ItemCode, string RegionCode, Guid OwnerDepartmentId, string OwnerDepartmentCode,
    ImplementationListContent Draft, Lifecycle Lifecycle) : IPublishable<ImplementationList>
{
    /// <summary>The stream version, set by Marten; it is the list's ETag.</summary>
    public long Version { get; set; }

    public static ImplementationList Create(ImplementationListDrafted e) =>
        new(e.ListId, e.EntryId, e.ItemCode, e.RegionCode, e.OwnerDepartmentId, e.OwnerDepartmentCode, e.Content, Lifecycle.NewDraft);

    public ImplementationList Apply(ImplementationListDraftRevised e) => this with { Draft = e.Content, Lifecycle = Lifecycle.Revised() };
    public ImplementationList Apply(ImplementationListSubmittedForReview _) => this with { Lifecycle = Lifecycle.Submitted() };
    public ImplementationList Apply(ImplementationListPublished e) => this with { Lifecycle = Lifecycle.Published(e.Version, e.EffectiveAt) };
    public ImplementationList Apply(ImplementationListRepealed e) => this with { Lifecycle = Lifecycle.Repealed(e.EffectiveAt) };
    public ImplementationList Apply(ImplementationListDraftWithdrawn _) => this with { Lifecycle = Lifecycle.Withdrawn() };

    public ImplementationList After(object @event) => @event switch
    {
        ImplementationListDraftRevised e => Apply(e),
        ImplementationListSubmittedForReview e => Apply(e),
        ImplementationListPublished e => Apply(e),
        ImplementationListRepealed e => Apply(e),
        ImplementationListDraftWithdrawn e => Apply(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} does not apply to an implementation list.", nameof(@event)),
    };
}

/// <summary>One immutable published version of an implementation list. Id: <c>{listId}:{version}</c>.</summary>
public sealed record ImplementationListVersion(
    string Id, Guid ListId, int Version, Guid EntryId, string ItemCode, string RegionCode, ImplementationListContent Content,
    DateTimeOffset EffectiveAt, DateTimeOffset PublishedAt, string PublishedBy, string? Note, long Sequence) : IPublishedVersion
{
    public const string List = "implementation-list";

    public static string IdOf(Guid listId, int version) => $"{listId}:{version}";

    public static ImplementationListVersion From(ImplementationListPublished e, long sequence) => new(
        IdOf(e.ListId, e.Version), e.ListId, e.Version, e.EntryId, e.ItemCode, e.RegionCode, e.Content, e.EffectiveAt,
        e.PublishedAt, e.PublishedBy, e.Note, sequence);

    public Citation Citation => new(List, ListId, Version, PublishedAt, EffectiveAt, Sequence);
}

/// <summary>The recorded repeal of an implementation list. Id: the list id.</summary>
public sealed record ImplementationListRepeal(
    Guid Id, DateTimeOffset EffectiveAt, DateTimeOffset RecordedAt, string Reason, string Basis, string RepealedBy, long Sequence) : IRepealRecord
{
    public static ImplementationListRepeal From(ImplementationListRepealed e, long sequence) =>
        new(e.ListId, e.EffectiveAt, e.RecordedAt, e.Reason, e.Basis, e.RepealedBy, sequence);

    public RepealCitation Citation => new(ImplementationListVersion.List, Id, RecordedAt, EffectiveAt, Sequence, Reason, Basis);
}

/// <summary>The working view of a list for its editors: the pending draft and where the lifecycle stands.</summary>
public sealed record ImplementationListDraftView(
    Guid Id, Guid EntryId, string ItemCode, string RegionCode, string OwnerDepartmentCode, Stage Stage, int LatestVersion,
    DateTimeOffset? LatestEffectiveAt, DateTimeOffset? RepealEffectiveAt, ImplementationListContent Draft, long Version)
{
    public static ImplementationListDraftView From(ImplementationList l) => new(
        l.Id, l.EntryId, l.ItemCode, l.RegionCode, l.OwnerDepartmentCode, l.Lifecycle.Stage, l.Lifecycle.LatestVersion,
        l.Lifecycle.LatestEffectiveAt, l.Lifecycle.RepealEffectiveAt, l.Draft, l.Version);

    public static ImplementationListDraftView Of(ImplementationList l, long version) => From(l with { Version = version });
}

/// <summary>A published version of a list as the public sees it, with the citation of exactly that version.</summary>
public sealed record PublishedImplementationListView(
    Guid Id, Guid EntryId, string ItemCode, string RegionCode, ImplementationListContent Content, string? Note, Citation Citation)
{
    public static PublishedImplementationListView From(ImplementationListVersion v) =>
        new(v.ListId, v.EntryId, v.ItemCode, v.RegionCode, v.Content, v.Note, v.Citation);
}
