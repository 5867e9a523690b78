using System.Text.Json;
using System.Text.Json.Serialization;
using CatalogHub.Publication.Lists;

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

/// <summary>The working view of a licence type for its issuer and the catalogue manager (its shape from before the registry).</summary>
public sealed record LicenceTypeDraftView(
    Guid Id, string Code, string RegionCode, string IssuerCode, Stage Stage, int LatestVersion, DateTimeOffset? LatestEffectiveAt,
    DateTimeOffset? RepealEffectiveAt, LicenceTypeContent Draft, long Version)
{
    public static LicenceTypeDraftView Of(ItemDraftView<LicenceTypeContent> t) => new(
        t.Id, t.Code, t.RegionCode, t.OwnerDepartmentCode, t.Stage, t.LatestVersion, t.LatestEffectiveAt, t.RepealEffectiveAt, t.Draft, t.Version);
}

/// <summary>A published version as anyone sees it, with its face fields and the citation of exactly that version.</summary>
public sealed record PublishedLicenceTypeView(
    Guid Id, string Code, string IssuerCode, LicenceTypeContent Content, IReadOnlyList<string> Fields, string? Note, Citation Citation)
{
    public static PublishedLicenceTypeView From(PublishedItemView<LicenceTypeContent> v) =>
        new(v.Id, v.Code, v.OwnerDepartmentCode ?? "", v.Content, FaceSchema.Fields(v.Content.FaceSchema), v.Note, v.Citation);
}
