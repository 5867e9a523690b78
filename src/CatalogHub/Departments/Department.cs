
namespace CatalogHub.Departments;

public sealed record DepartmentRegistered(
    Guid DepartmentId, string Code, string Name, string RegionCode, IReadOnlyList<Role> Roles,
    string RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>Only the SHA-256 of the key is recorded; the key itself is shown once to the caller and never stored.</summary>
public sealed record ApiKeyIssued(
    Guid DepartmentId, string KeyId, string KeyHash, string Label, DateTimeOffset ExpiresAt,
    string IssuedBy, DateTimeOffset IssuedAt);

public sealed record ApiKeyRevoked(Guid DepartmentId, string KeyId, string Reason, string RevokedBy, DateTimeOffset RevokedAt);

/// <summary>The department no longer takes part: its keys stop authenticating, it leaves the list of departments; its history stays.</summary>
public sealed record DepartmentDeregistered(Guid DepartmentId, string Reason, string DeregisteredBy, DateTimeOffset DeregisteredAt);

public sealed record ApiKeyInfo(string KeyId, string KeyHash, string Label, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt)
{
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}

/// <summary>
/// A department of the city or a county: its unified social credit code is unique (and stays taken after
/// deregistration, so history keeps meaning one department), its roles decide what its keys may do. Keys are kept
/// with their hashes only. A deregistered department's keys never authenticate again, whatever their own state.
/// </summary>
public sealed record Department(
    Guid Id, string Code, string Name, string RegionCode, IReadOnlyList<Role> Roles, IReadOnlyList<ApiKeyInfo> Keys,
    DateTimeOffset? DeregisteredAt = null) : IEvolving<Department>
{
    /// <summary>The stream version, set by Marten on the snapshot; the ETag a deregistration sends back in If-Match.</summary>
    public long Version { get; set; }

    public static Department Create(DepartmentRegistered e) =>
        new(e.DepartmentId, e.Code, e.Name, e.RegionCode, e.Roles, []);

    public Department Apply(ApiKeyIssued e) =>
        this with { Keys = [.. Keys, new ApiKeyInfo(e.KeyId, e.KeyHash, e.Label, e.IssuedAt, e.ExpiresAt, null)] };

    public Department Apply(ApiKeyRevoked e) =>
        this with { Keys = [.. Keys.Select(k => k.KeyId == e.KeyId ? k with { RevokedAt = e.RevokedAt } : k)] };

    public Department Apply(DepartmentDeregistered e) => this with { DeregisteredAt = e.DeregisteredAt };

    public Department After(object @event) => @event switch
    {
        ApiKeyIssued e => Apply(e),
        ApiKeyRevoked e => Apply(e),
        DepartmentDeregistered e => Apply(e),
        _ => throw new ArgumentException($"{@event.GetType().Name} does not apply to a department.", nameof(@event)),
    };
}

/// <summary>Finds a key's department from the key id embedded in the key; written once when the key is issued.</summary>
public sealed record ApiKeyIndex(string Id, Guid DepartmentId);
