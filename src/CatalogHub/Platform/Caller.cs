
namespace CatalogHub.Platform;

/// <summary>The authenticated department behind a request, as the API key handler established it.</summary>
public sealed record Caller(Guid DepartmentId, string DepartmentCode, string RegionCode, string KeyId, IReadOnlySet<Role> Roles)
{
    public const string DepartmentIdClaim = "cataloghub:department-id";
    public const string DepartmentCodeClaim = "cataloghub:department-code";
    public const string RegionClaim = "cataloghub:region";
    public const string KeyIdClaim = "cataloghub:key-id";

    public bool Has(Role role) => Roles.Contains(role);

    /// <summary>Null for an anonymous request (public reads).</summary>
    public static Caller? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var roles = user.FindAll(ClaimTypes.Role)
            .Select(c => Enum.GetValues<Role>().First(r => Policies.ClaimValue(r) == c.Value))
            .ToHashSet();
        return new Caller(
            Guid.Parse(user.FindFirstValue(DepartmentIdClaim)!),
            user.FindFirstValue(DepartmentCodeClaim)!,
            user.FindFirstValue(RegionClaim)!,
            user.FindFirstValue(KeyIdClaim)!,
            roles);
    }

    /// <summary>For endpoints behind an authorization policy, where a caller is guaranteed.</summary>
    public static Caller Required(ClaimsPrincipal user) =>
        From(user) ?? throw new InvalidOperationException("Endpoint reached without authentication; it lacks an [Authorize] policy.");

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim>
        {
            new(DepartmentIdClaim, DepartmentId.ToString()),
            new(DepartmentCodeClaim, DepartmentCode),
            new(RegionClaim, RegionCode),
            new(KeyIdClaim, KeyId),
            new(ClaimTypes.Name, DepartmentCode),
        };
        claims.AddRange(Roles.Select(r => new Claim(ClaimTypes.Role, Policies.ClaimValue(r))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
