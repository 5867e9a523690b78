using System.Text.Json;
using System.Text.Json.Serialization;
using CatalogHub.Sharing.LicenceTypes;

namespace CatalogHub.Sharing.Licences;

public sealed record LicenceHolder(HolderKind Kind, string Name, string Id);

/// <summary>
/// What the issuing department signs (the licence document's content). The signature covers the RFC 8785 canonical
/// form of exactly this object as the issuer sent it (see <see cref="CanonicalJson"/>): no member may be added or left out.
/// </summary>
/// <param name="Identifier">The 电子证照标识, see <see cref="LicenceIdentifier"/>.</param>
/// <param name="TypeVersion">The published version of the licence type whose face schema the face data follows.</param>
/// <param name="IssuerCode">The issuing department's unified social credit code.</param>
public sealed record LicenceContent(
    string Identifier, string TypeCode, int TypeVersion, string IssuerCode, LicenceHolder Holder, JsonElement FaceData,
    DateTimeOffset ValidFrom, DateTimeOffset ValidTo);

/// <summary>The signed document: its content, the seal that signed it and the base64 DER signature.</summary>
public sealed record LicenceDocument(JsonElement Content, Guid SealId, string Signature);

/// <summary>
/// Issued. The signed content (holder name and ID, face data) is only here as <c>SealedDocument</c>: the canonical
/// bytes encrypted under the holder's data key; <c>HolderRef</c> is the holder's keyed hash.
/// </summary>
public sealed record LicenceIssued(
    Guid LicenceId, string Identifier, string SerialKey, Guid TypeId, string TypeCode, int TypeVersion, Guid IssuerDepartmentId,
    string IssuerCode, HolderKind HolderKind, string HolderRef, Guid SealId, string SealedDocument, string Signature,
    DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string IssuedBy, DateTimeOffset IssuedAt);

/// <summary>变更: a newly signed document replaces the current one under the next identifier version.</summary>
public sealed record LicenceChanged(
    Guid LicenceId, string Identifier, int TypeVersion, Guid SealId, string SealedDocument, string Signature,
    DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record LicenceSuspended(Guid LicenceId, DateTimeOffset EffectiveAt, string Reason, string SuspendedBy, DateTimeOffset RecordedAt);

public sealed record LicenceReinstated(Guid LicenceId, DateTimeOffset EffectiveAt, string Reason, string ReinstatedBy, DateTimeOffset RecordedAt);

/// <summary>注销: the licence ends for good from <c>EffectiveAt</c>.</summary>
public sealed record LicenceRevoked(Guid LicenceId, DateTimeOffset EffectiveAt, string Reason, string RevokedBy, DateTimeOffset RecordedAt);

/// <summary>The end of the validity period, recorded once it has passed (the status derives from ValidTo either way).</summary>
public sealed record LicenceExpired(Guid LicenceId, DateTimeOffset ExpiredAt, string RecordedBy, DateTimeOffset RecordedAt);

[JsonConverter(typeof(JsonStringEnumConverter<LicenceStatus>))]
public enum LicenceStatus
{
    [JsonStringEnumMemberName("valid")] Valid,
    [JsonStringEnumMemberName("suspended")] Suspended,
    [JsonStringEnumMemberName("revoked")] Revoked,
    [JsonStringEnumMemberName("expired")] Expired,
    [JsonStringEnumMemberName("not-yet-valid")] NotYetValid,
}

/// <summary>
/// An e-licence as the hub keeps it: identifiers, type, issuer, the holder's keyed hash, the encrypted signed document
/// and its signature, validity and status history. Nothing in it names the holder in clear. A revocation is final.
/// </summary>
public sealed record Licence(
    Guid Id, string Identifier, IReadOnlyList<string> EarlierIdentifiers, string SerialKey, Guid TypeId, string TypeCode, int TypeVersion,
    Guid IssuerDepartmentId, string IssuerCode, HolderKind HolderKind, string HolderRef, Guid SealId, string SealedDocument, string Signature,
    DateTimeOffset ValidFrom, DateTimeOffset ValidTo, DateTimeOffset IssuedAt, IReadOnlyList<StatusChange<LicenceStatus>> Changes)
    : IEvolving<Licence>
{
    public long Version { get; set; }

    public static Licence Create(LicenceIssued e) => new(
        e.LicenceId, e.Identifier, [], e.SerialKey, e.TypeId, e.TypeCode, e.TypeVersion, e.IssuerDepartmentId, e.IssuerCode, e.HolderKind,
        e.HolderRef, e.SealId, e.SealedDocument, e.Signature, e.ValidFrom, e.ValidTo, e.IssuedAt, []);

    public Licence Apply(LicenceChanged e) => this with
    {
        Identifier = e.Identifier, EarlierIdentifiers = [.. EarlierIdentifiers, Identifier], TypeVersion = e.TypeVersion, SealId = e.SealId,
        SealedDocument = e.SealedDocument, Signature = e.Signature, ValidFrom = e.ValidFrom, ValidTo = e.ValidTo,
    };

    public Licence Apply(LicenceSuspended e) => Changed(LicenceStatus.Suspended, e.EffectiveAt, e.RecordedAt, e.Reason, e.SuspendedBy);
    public Licence Apply(LicenceReinstated e) => Changed(LicenceStatus.Valid, e.EffectiveAt, e.RecordedAt, e.Reason, e.ReinstatedBy);
    public Licence Apply(LicenceRevoked e) => Changed(LicenceStatus.Revoked, e.EffectiveAt, e.RecordedAt, e.Reason, e.RevokedBy);
    public Licence Apply(LicenceExpired e) => Changed(LicenceStatus.Expired, e.ExpiredAt, e.RecordedAt, "validity ended", e.RecordedBy);

    public Licence After(object @event) => @event switch
    {
        LicenceChanged e => Apply(e),
        LicenceSuspended e => Apply(e),
        LicenceReinstated e => Apply(e),
        LicenceRevoked e => Apply(e),
        LicenceExpired e => Apply(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} does not apply to a licence.", nameof(@event)),
    };

    private Licence Changed(LicenceStatus status, DateTimeOffset at, DateTimeOffset recordedAt, string reason, string by) =>
        this with { Changes = [.. Changes, new StatusChange<LicenceStatus>(status, at, recordedAt, reason, by)] };

    public LicenceStatus LatestStatus => Changes.Count == 0 ? LicenceStatus.Valid : Changes[^1].Status;

    public LicenceStatus StatusAt(DateTimeOffset instant)
    {
        var recorded = StatusTimeline.At(Changes, instant) ?? LicenceStatus.Valid;
        if (recorded != LicenceStatus.Valid) return recorded;
        return instant < ValidFrom ? LicenceStatus.NotYetValid : instant >= ValidTo ? LicenceStatus.Expired : LicenceStatus.Valid;
    }

    /// <summary>"{type}.{issuer}.{serial}": one licence per serial of a type and issuer, whatever its version.</summary>
    public static string SerialKeyOf(LicenceIdentifier.Parts parts) => $"{parts.TypeCode}.{parts.IssuerCode}.{parts.Serial}";
}
