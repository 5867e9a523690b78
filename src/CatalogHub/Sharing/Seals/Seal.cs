using System.Text.Json.Serialization;

namespace CatalogHub.Sharing.Seals;

public sealed record SealRegistered(
    Guid SealId, Guid DepartmentId, string DepartmentCode, string Name, string Kind, SealAlgorithm Algorithm, string PublicKeyPem,
    DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>From <c>EffectiveAt</c> the seal signs nothing valid until it is reinstated.</summary>
public sealed record SealSuspended(Guid SealId, DateTimeOffset EffectiveAt, string Reason, string SuspendedBy, DateTimeOffset RecordedAt);

public sealed record SealReinstated(Guid SealId, DateTimeOffset EffectiveAt, string Reason, string ReinstatedBy, DateTimeOffset RecordedAt);

/// <summary>From <c>EffectiveAt</c> on, for good: every licence it signed verifies as seal-revoked from then on.</summary>
public sealed record SealRevoked(Guid SealId, DateTimeOffset EffectiveAt, string Reason, string RevokedBy, DateTimeOffset RecordedAt);

[JsonConverter(typeof(JsonStringEnumConverter<SealStatus>))]
public enum SealStatus
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("suspended")] Suspended,
    [JsonStringEnumMemberName("revoked")] Revoked,
    [JsonStringEnumMemberName("not-yet-valid")] NotYetValid,
    [JsonStringEnumMemberName("expired")] Expired,
}

/// <summary>
/// An e-seal (电子印章) of a department: a signing key whose public half the hub keeps. Its status history follows
/// <see cref="StatusTimeline"/>; a revocation is final.
/// </summary>
public sealed record Seal(
    Guid Id, Guid DepartmentId, string DepartmentCode, string Name, string Kind, SealAlgorithm Algorithm, string PublicKeyPem,
    DateTimeOffset ValidFrom, DateTimeOffset ValidTo, IReadOnlyList<StatusChange<SealStatus>> Changes) : IEvolving<Seal>
{
    public long Version { get; set; }

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>
    {
        "公章", "行政审批专用章", "电子证照专用章", "业务专用章", "合同专用章", "财务专用章",
    };

    public static Seal Create(SealRegistered e) => new(
        e.SealId, e.DepartmentId, e.DepartmentCode, e.Name, e.Kind, e.Algorithm, e.PublicKeyPem, e.ValidFrom, e.ValidTo, []);

    public Seal Apply(SealSuspended e) => Changed(SealStatus.Suspended, e.EffectiveAt, e.RecordedAt, e.Reason, e.SuspendedBy);
    public Seal Apply(SealReinstated e) => Changed(SealStatus.Active, e.EffectiveAt, e.RecordedAt, e.Reason, e.ReinstatedBy);
    public Seal Apply(SealRevoked e) => Changed(SealStatus.Revoked, e.EffectiveAt, e.RecordedAt, e.Reason, e.RevokedBy);

    public Seal After(object @event) => @event switch
    {
        SealSuspended e => Apply(e),
        SealReinstated e => Apply(e),
        SealRevoked e => Apply(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} does not apply to a seal.", nameof(@event)),
    };

    private Seal Changed(SealStatus status, DateTimeOffset at, DateTimeOffset recordedAt, string reason, string by) =>
        this with { Changes = [.. Changes, new StatusChange<SealStatus>(status, at, recordedAt, reason, by)] };

    /// <summary>The last recorded status, whatever its effective time.</summary>
    public SealStatus LatestStatus => Changes.Count == 0 ? SealStatus.Active : Changes[^1].Status;

    public SealStatus StatusAt(DateTimeOffset instant)
    {
        var recorded = StatusTimeline.At(Changes, instant) ?? SealStatus.Active;
        if (recorded != SealStatus.Active) return recorded;
        return instant < ValidFrom ? SealStatus.NotYetValid : instant >= ValidTo ? SealStatus.Expired : SealStatus.Active;
    }
}

/// <summary>The pure decisions on a seal's status: null means allowed.</summary>
public static class SealRules
{
    [ProblemCodes(422, "seal-revoked", "seal-not-active", "seal-not-suspended")]
    public static IResult? CanChange(Seal seal, SealStatus to, DateTimeOffset effectiveAt, DateTimeOffset now)
    {
        if (seal.LatestStatus == SealStatus.Revoked)
            return Problems.Rule("seal-revoked", "The seal is revoked; its status can no longer change.");
        if (to == SealStatus.Suspended && seal.LatestStatus != SealStatus.Active)
            return Problems.Rule("seal-not-active", "Only an active seal can be suspended.");
        if (to == SealStatus.Active && seal.LatestStatus != SealStatus.Suspended)
            return Problems.Rule("seal-not-suspended", "Only a suspended seal can be reinstated.");
        return StatusTimeline.CanAppend(seal.Changes, effectiveAt, now);
    }
}

/// <summary>A seal as anyone may see it: the public key is public so integrators can verify offline.</summary>
public sealed record SealView(
    Guid Id, string DepartmentCode, string Name, string Kind, SealAlgorithm Algorithm, string PublicKeyPem,
    DateTimeOffset ValidFrom, DateTimeOffset ValidTo, DateTimeOffset AsOf, SealStatus Status, IReadOnlyList<StatusChange<SealStatus>> History, long Version)
{
    public static SealView Of(Seal s, DateTimeOffset asOf, long version) => new(
        s.Id, s.DepartmentCode, s.Name, s.Kind, s.Algorithm, s.PublicKeyPem, s.ValidFrom, s.ValidTo, asOf, s.StatusAt(asOf), s.Changes, version);
}
