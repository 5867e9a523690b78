
namespace CatalogHub.Departments;

/// <summary>A key as anyone may see it: never the key, never its hash.</summary>
public sealed record ApiKeyView(string KeyId, string Label, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

public sealed record DepartmentView(Guid Id, string Code, string Name, string RegionCode, IReadOnlyList<Role> Roles, IReadOnlyList<ApiKeyView> Keys)
{
    public static DepartmentView From(Department d) => new(d.Id, d.Code, d.Name, d.RegionCode, d.Roles,
        [.. d.Keys.Select(k => new ApiKeyView(k.KeyId, k.Label, k.IssuedAt, k.ExpiresAt, k.RevokedAt))]);
}
