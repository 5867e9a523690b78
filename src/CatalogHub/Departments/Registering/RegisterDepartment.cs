
namespace CatalogHub.Departments.Registering;

/// <param name="Code">统一社会信用代码, check character validated (GB 32100).</param>
public sealed record RegisterDepartment(string Code, string Name, string RegionCode, IReadOnlyList<Role> Roles, string Reason)
{
    public Validation Validate()
    {
        var v = new Validation();
        if (v.Text("code", Code, 18))
            v.Check(UnifiedSocialCreditCode.IsValid(Code), "code", "invalid-credit-code",
                "is not a valid unified social credit code (GB 32100 check character).");
        v.Text("name", Name, 100);
        CatalogHub.Platform.RegionCode.CheckCurrent(v, "regionCode", RegionCode);
        if (v.List("roles", Roles, 6))
            v.Check(Roles.Distinct().Count() == Roles.Count, "roles", "duplicate-role", "lists a role twice.");
        v.Text("reason", Reason, 500);
        return v;
    }
}

public static class RegisterDepartmentEndpoint
{
    /// <summary>Registers a department (by its unified social credit code) with its region and roles; hub-admin only.</summary>
    [WolverinePost("/departments", Name = "RegisterDepartment"), Idempotent]
    [ProblemCodes(400, "invalid-credit-code", "duplicate-role", "invalid-region-code", "unknown-region")]
    [ProblemCodes(409, "duplicate-department")]
    [Authorize(Policy = Policies.HubAdmin)]
    [Tags("Departments")]
    [ProducesResponseType<DepartmentView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Post(RegisterDepartment command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var input = command.Validate();
        if (input.Failed) return input.Problem();
        if (await session.Query<Department>().AnyAsync(d => d.Code == command.Code, http.RequestAborted))
            return Problems.Conflict("duplicate-department", $"A department with code {command.Code} is already registered.", "code");

        var caller = Caller.Required(user);
        var registered = Register(session, command, caller.DepartmentCode, clock.GetUtcNow());
        session.Record(caller, command.Reason, http);
        http.SetETag(1);
        return Idempotency.Created(session, http, $"/departments/{registered.DepartmentId}", DepartmentView.For(Department.Create(registered), caller));
    }

    /// <summary>Also used to bootstrap the first hub-admin, before any caller exists.</summary>
    public static DepartmentRegistered Register(IDocumentSession session, RegisterDepartment command, string by, DateTimeOffset now, Guid? id = null)
    {
        var registered = new DepartmentRegistered(id ?? Guid.CreateVersion7(), command.Code, command.Name, command.RegionCode,
            command.Roles, by, now);
        session.Events.StartStream<Department>(registered.DepartmentId, registered);
        return registered;
    }
}
