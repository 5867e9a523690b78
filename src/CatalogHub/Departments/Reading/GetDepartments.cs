
namespace CatalogHub.Departments.Reading;

public static class GetDepartmentsEndpoint
{
    [WolverineGet("/departments", Name = "ListDepartments")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Departments")]
    [ProducesResponseType<IReadOnlyList<DepartmentView>>(StatusCodes.Status200OK)]
    public static async Task<IReadOnlyList<DepartmentView>> List(string? regionCode, IQuerySession session, HttpContext http)
    {
        var query = session.Query<Department>().AsQueryable();
        if (regionCode is not null) query = query.Where(d => d.RegionCode == regionCode);
        var departments = await query.OrderBy(d => d.Code).Take(1000).ToListAsync(http.RequestAborted);
        return [.. departments.Select(DepartmentView.From)];
    }

    [WolverineGet("/departments/{id}", Name = "GetDepartment")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Departments")]
    [ProducesResponseType<DepartmentView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<Department>(id, http.RequestAborted) is { } found
            ? TypedResults.Ok(DepartmentView.From(found))
            : Problems.NotFound("The department");
}
