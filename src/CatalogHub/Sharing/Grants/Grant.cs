
namespace CatalogHub.Sharing.Grants;

/// <summary>
/// A department may read these face fields of licences of this type, for these published service items (用证事由),
/// from <c>ValidFrom</c> until <c>ValidUntil</c>.
/// </summary>
public sealed record GrantIssued(
    Guid GrantId, Guid ConsumerDepartmentId, string ConsumerCode, Guid TypeId, string TypeCode, IReadOnlyList<string> Fields,
    IReadOnlyList<Guid> PurposeItemIds, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, string GrantedBy, DateTimeOffset GrantedAt);

public sealed record GrantRevoked(Guid GrantId, string Reason, string RevokedBy, DateTimeOffset RevokedAt);

/// <summary>A sharing grant (共享授权). Data minimisation: a read gets only the listed fields, only for the listed items.</summary>
public sealed record Grant(
    Guid Id, Guid ConsumerDepartmentId, string ConsumerCode, Guid TypeId, string TypeCode, IReadOnlyList<string> Fields,
    IReadOnlyList<Guid> PurposeItemIds, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, string GrantedBy, DateTimeOffset? RevokedAt)
    : IEvolving<Grant>
{
    public long Version { get; set; }

    public static Grant Create(GrantIssued e) => new(
        e.GrantId, e.ConsumerDepartmentId, e.ConsumerCode, e.TypeId, e.TypeCode, e.Fields, e.PurposeItemIds, e.ValidFrom, e.ValidUntil,
        e.GrantedBy, null);

    public Grant Apply(GrantRevoked e) => this with { RevokedAt = e.RevokedAt };

    public Grant After(object @event) => @event is GrantRevoked e ? Apply(e)
        : throw new ArgumentException($"{@event.GetType().Name} does not apply to a grant.", nameof(@event));

    public bool IsRevokedAt(DateTimeOffset instant) => RevokedAt is { } at && at <= instant;
    public bool IsInForceAt(DateTimeOffset instant) => !IsRevokedAt(instant) && ValidFrom <= instant && instant < ValidUntil;
}

public sealed record GrantView(
    Guid Id, string ConsumerCode, string TypeCode, IReadOnlyList<string> Fields, IReadOnlyList<Guid> PurposeItemIds,
    DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, string GrantedBy, DateTimeOffset? RevokedAt, long Version)
{
    public static GrantView Of(Grant g, long version) =>
        new(g.Id, g.ConsumerCode, g.TypeCode, g.Fields, g.PurposeItemIds, g.ValidFrom, g.ValidUntil, g.GrantedBy, g.RevokedAt, version);
}

/// <summary>Why a read was refused, as the stable reason code of the 403 and of the access-log record; null when a grant allows it.</summary>
public static class GrantRules
{
    public static (Grant? Grant, string? Refusal) Match(IReadOnlyList<Grant> grants, Guid purposeItemId, IReadOnlyCollection<string> fields, DateTimeOffset now)
    {
        if (grants.Count == 0) return (null, "no-grant");
        var inForce = grants.Where(g => g.IsInForceAt(now)).ToList();
        if (inForce.Count == 0)
        {
            // The grant given last tells why nothing is in force now.
            var latest = grants.MaxBy(g => g.ValidFrom)!;
            return (null, latest.IsRevokedAt(now) ? "grant-revoked" : now < latest.ValidFrom ? "grant-not-yet-valid" : "grant-expired");
        }
        var forPurpose = inForce.Where(g => g.PurposeItemIds.Contains(purposeItemId)).ToList();
        if (forPurpose.Count == 0) return (null, "purpose-not-granted");
        var covering = forPurpose.FirstOrDefault(g => fields.All(g.Fields.Contains));
        return covering is null ? (null, "fields-not-granted") : (covering, null);
    }
}
