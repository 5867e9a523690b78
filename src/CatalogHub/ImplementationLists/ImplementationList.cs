using System.Text.Json.Serialization;
using CatalogHub.Catalogue;
using CatalogHub.Publication.Lists;

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
/// the item needs, if any (003:34): an item may require none that is not on the published list. <c>EntryId</c> is the
/// base catalogue entry the list implements: named once, when the list is drafted, and kept by every revision; the views
/// show it beside the content, as they did before the list moved onto the registry.
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
    IReadOnlyList<Guid>? IntermediaryServices = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? EntryId = null);

/// <summary>The working view of a list for its editors: the pending draft and where the lifecycle stands.</summary>
public sealed record ImplementationListDraftView(
    Guid Id, Guid EntryId, string ItemCode, string RegionCode, string OwnerDepartmentCode, Stage Stage, int LatestVersion,
    DateTimeOffset? LatestEffectiveAt, DateTimeOffset? RepealEffectiveAt, ImplementationListContent Draft, long Version)
{
    public static ImplementationListDraftView Of(ItemDraftView<ImplementationListContent> v) => new(
        v.Id, v.Draft.EntryId ?? Guid.Empty, v.Code, v.RegionCode, v.OwnerDepartmentCode, v.Stage, v.LatestVersion, v.LatestEffectiveAt,
        v.RepealEffectiveAt, v.Draft with { EntryId = null }, v.Version);
}

/// <summary>A published version of a list as the public sees it, with the citation of exactly that version.</summary>
public sealed record PublishedImplementationListView(
    Guid Id, Guid EntryId, string ItemCode, string RegionCode, ImplementationListContent Content, string? Note, Citation Citation)
{
    public static PublishedImplementationListView From(PublishedItemView<ImplementationListContent> v) =>
        new(v.Id, v.Content.EntryId ?? Guid.Empty, v.Code, v.RegionCode, v.Content with { EntryId = null }, v.Note, v.Citation);
}
