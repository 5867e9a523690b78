using System.Text.Json;
using System.Text.Json.Serialization;

namespace CatalogHub.Sharing.LicenceTypes;

[JsonConverter(typeof(JsonStringEnumConverter<HolderKind>))]
public enum HolderKind
{
    /// <summary>自然人: identified by the resident ID number (GB 11643).</summary>
    [JsonStringEnumMemberName("person")] Person,
    /// <summary>法人和其他组织: identified by the unified social credit code (GB 32100).</summary>
    [JsonStringEnumMemberName("organisation")] Organisation,
}

/// <summary>
/// What a version of a licence type says (GB/T 36902 catalogue information): its name, who holds it, and its face
/// data (照面信息) as a JSON Schema whose top-level properties are the fields a grant can name.
/// </summary>
public sealed record LicenceTypeContent(string Name, HolderKind HolderKind, JsonElement FaceSchema);

public sealed record LicenceTypeDrafted(
    Guid TypeId, string Code, string RegionCode, Guid IssuerDepartmentId, string IssuerCode, LicenceTypeContent Content,
    string DraftedBy, DateTimeOffset DraftedAt);

public sealed record LicenceTypeDraftRevised(Guid TypeId, LicenceTypeContent Content, string RevisedBy, DateTimeOffset RevisedAt);

public sealed record LicenceTypeSubmittedForReview(Guid TypeId, string SubmittedBy, DateTimeOffset SubmittedAt);

public sealed record LicenceTypePublished(
    Guid TypeId, int Version, string Code, Guid IssuerDepartmentId, string IssuerCode, LicenceTypeContent Content,
    DateTimeOffset EffectiveAt, string? Note, string PublishedBy, DateTimeOffset PublishedAt);

public sealed record LicenceTypeRepealed(Guid TypeId, DateTimeOffset EffectiveAt, string Reason, string Basis, string RepealedBy, DateTimeOffset RecordedAt);

public sealed record LicenceTypeDraftWithdrawn(Guid TypeId, string WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>
/// A licence type of the e-licence catalogue (电子证照目录) as its issuing department and the region's catalogue
/// manager see it: the pending draft beside the shared publication <see cref="Lifecycle"/>. Only its published
/// <see cref="LicenceTypeVersion"/>s count: licences are issued and read against them. The code is unique.
/// </summary>
public sealed record LicenceType(
    Guid Id, string Code, string RegionCode, Guid OwnerDepartmentId, string IssuerCode, LicenceTypeContent Draft, Lifecycle Lifecycle)
    : IPublishable<LicenceType>
{
    public long Version { get; set; }

    public static LicenceType Create(LicenceTypeDrafted e) =>
        new(e.TypeId, e.Code, e.RegionCode, e.IssuerDepartmentId, e.IssuerCode, e.Content, Lifecycle.NewDraft);

    public LicenceType Apply(LicenceTypeDraftRevised e) => this with { Draft = e.Content, Lifecycle = Lifecycle.Revised() };
    public LicenceType Apply(LicenceTypeSubmittedForReview _) => this with { Lifecycle = Lifecycle.Submitted() };
    public LicenceType Apply(LicenceTypePublished e) => this with { Lifecycle = Lifecycle.Published(e.Version, e.EffectiveAt) };
    public LicenceType Apply(LicenceTypeRepealed e) => this with { Lifecycle = Lifecycle.Repealed(e.EffectiveAt) };
    public LicenceType Apply(LicenceTypeDraftWithdrawn _) => this with { Lifecycle = Lifecycle.Withdrawn() };

    public LicenceType After(object @event) => @event switch
    {
        LicenceTypeDraftRevised e => Apply(e),
        LicenceTypeSubmittedForReview e => Apply(e),
        LicenceTypePublished e => Apply(e),
        LicenceTypeRepealed e => Apply(e),
        LicenceTypeDraftWithdrawn e => Apply(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} does not apply to an existing licence type.", nameof(@event)),
    };
}

/// <summary>One immutable published version of a licence type. Id: <c>{typeId}:{version}</c>.</summary>
public sealed record LicenceTypeVersion(
    string Id, Guid TypeId, int Version, string Code, Guid IssuerDepartmentId, string IssuerCode, LicenceTypeContent Content,
    DateTimeOffset EffectiveAt, DateTimeOffset PublishedAt, string PublishedBy, string? Note, long Sequence) : IPublishedVersion
{
    public const string List = "licence-catalogue";

    public static string IdOf(Guid typeId, int version) => $"{typeId}:{version}";

    public Citation Citation => new(List, TypeId, Version, PublishedAt, EffectiveAt, Sequence);
}

/// <summary>The recorded repeal of a licence type. Id: the type id.</summary>
public sealed record LicenceTypeRepeal(Guid Id, DateTimeOffset EffectiveAt, DateTimeOffset RecordedAt, string Reason, string Basis, string RepealedBy, long Sequence)
    : IRepealRecord
{
    public static LicenceTypeRepeal From(LicenceTypeRepealed e, long sequence) =>
        new(e.TypeId, e.EffectiveAt, e.RecordedAt, e.Reason, e.Basis, e.RepealedBy, sequence);

    public RepealCitation Citation => new(LicenceTypeVersion.List, Id, RecordedAt, EffectiveAt, Sequence, Reason, Basis);
}

public sealed record LicenceTypeDraftView(
    Guid Id, string Code, string RegionCode, string IssuerCode, Stage Stage, int LatestVersion, DateTimeOffset? LatestEffectiveAt,
    DateTimeOffset? RepealEffectiveAt, LicenceTypeContent Draft, long Version)
{
    public static LicenceTypeDraftView Of(LicenceType t, long version) => new(
        t.Id, t.Code, t.RegionCode, t.IssuerCode, t.Lifecycle.Stage, t.Lifecycle.LatestVersion, t.Lifecycle.LatestEffectiveAt,
        t.Lifecycle.RepealEffectiveAt, t.Draft, version);
}

/// <summary>A published version as anyone sees it, with its face fields and the citation of exactly that version.</summary>
public sealed record PublishedLicenceTypeView(
    Guid Id, string Code, string IssuerCode, LicenceTypeContent Content, IReadOnlyList<string> Fields, string? Note, Citation Citation)
{
    public static PublishedLicenceTypeView From(LicenceTypeVersion v) =>
        new(v.TypeId, v.Code, v.IssuerCode, v.Content, FaceSchema.Fields(v.Content.FaceSchema), v.Note, v.Citation);
}
