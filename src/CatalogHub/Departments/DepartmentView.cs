namespace CatalogHub.Departments;

/// <summary>A key as its own department and the hub-admin see it: never the key, never its hash.</summary>
public sealed record ApiKeyView(string KeyId, string Label, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <param name="Keys">Only for the department itself and the hub-admin; null for everyone else, to whom key ids and labels are no business.</param>
public sealed record DepartmentView(
    Guid Id, string Code, string Name, string RegionCode, IReadOnlyList<Role> Roles, IReadOnlyList<ApiKeyView>? Keys, DateTimeOffset? DeregisteredAt)
{
    public static DepartmentView For(Department d, Caller viewer) => new(d.Id, d.Code, d.Name, d.RegionCode, d.Roles,
        viewer.Has(Role.HubAdmin) || viewer.DepartmentId == d.Id
            ? [.. d.Keys.Select(k => new ApiKeyView(k.KeyId, k.Label, k.IssuedAt, k.ExpiresAt, k.RevokedAt))]
            : null,
        d.DeregisteredAt);
}
