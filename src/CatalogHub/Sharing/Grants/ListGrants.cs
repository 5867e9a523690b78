using CatalogHub.Publication.Lists;
using CatalogHub.Sharing.LicenceTypes;

namespace CatalogHub.Sharing.Grants;

/// <summary>A page of grants, newest first.</summary>
public sealed record GrantPage(long Total, int Page, int PageSize, IReadOnlyList<GrantView> Items);

public static class ListGrantsEndpoint
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// The grants the calling department is party to: those that let it read (as consumer) and those on the licence types
    /// it issues, whoever granted them; a hub-admin or an auditor sees every grant. <c>typeCode</c> narrows to one licence
    /// type. Revoked and expired grants are included, with <c>revokedAt</c> and <c>validUntil</c> saying so.
    /// </summary>
    [WolverineGet("/sharing/grants", Name = "ListGrants")]
    [ProblemCodes(400, "too-long", "out-of-range", "validation-failed")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: grants")]
    [ProducesResponseType<GrantPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Get(string? typeCode, int? page, int? pageSize, ClaimsPrincipal user, IQuerySession session, HttpContext http)
    {
        var input = new Validation();
        input.Text("typeCode", typeCode, 32, required: false);
        var paging = Paging.Read(input, page, pageSize, MaxPageSize);
        if (input.Failed) return input.Problem();

        var caller = Caller.Required(user);
        var ct = http.RequestAborted;
        var query = session.Query<Grant>().AsQueryable();
        if (!caller.Has(Role.HubAdmin) && !caller.Has(Role.Auditor))
        {
            var issued = await session.Query<ListItem<LicenceTypeContent>>().Where(t => t.OwnerDepartmentId == caller.DepartmentId)
                .Select(t => t.Code).ToListAsync(ct);
            var issuedCodes = issued.ToArray();
            query = query.Where(g => g.ConsumerDepartmentId == caller.DepartmentId || issuedCodes.Contains(g.TypeCode));
        }
        if (typeCode is not null) query = query.Where(g => g.TypeCode == typeCode);
        var total = await query.CountAsync(ct);
        // Ids are version-7 GUIDs: their order is the order of granting.
        var grants = await query.OrderByDescending(g => g.Id).Skip(paging.Offset).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new GrantPage(total, paging.Page, paging.PageSize, [.. grants.Select(g => GrantView.Of(g, g.Version))]));
    }
}
