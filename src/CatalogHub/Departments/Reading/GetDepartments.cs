namespace CatalogHub.Departments.Reading;

public static class GetDepartmentsEndpoint
{
    /// <summary>The registered departments that still take part; a deregistered one is read by its id.</summary>
    [WolverineGet("/departments", Name = "ListDepartments")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Departments")]
    [ProducesResponseType<IReadOnlyList<DepartmentView>>(StatusCodes.Status200OK)]
    public static async Task<IReadOnlyList<DepartmentView>> List(string? regionCode, IQuerySession session, ClaimsPrincipal user, HttpContext http)
    {
        var query = session.Query<Department>().Where(d => d.DeregisteredAt == null);
        if (regionCode is not null) query = query.Where(d => d.RegionCode == regionCode);
        var departments = await query.OrderBy(d => d.Code).Take(1000).ToListAsync(http.RequestAborted);
        var caller = Caller.Required(user);
        return [.. departments.Select(d => DepartmentView.For(d, caller))];
    }

    /// <summary>One department by its id, deregistered ones included; its keys are listed to the hub-admin and to the department itself.</summary>
    [WolverineGet("/departments/{id}", Name = "GetDepartment")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Departments")]
    [ProducesResponseType<DepartmentView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, ClaimsPrincipal user, HttpContext http)
    {
        if (await session.LoadAsync<Department>(id, http.RequestAborted) is not { } found) return Problems.NotFound("The department");
        http.SetETag(found.Version);
        return TypedResults.Ok(DepartmentView.For(found, Caller.Required(user)));
    }
}
