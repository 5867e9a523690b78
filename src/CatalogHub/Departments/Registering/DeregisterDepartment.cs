namespace CatalogHub.Departments.Registering;

public sealed record DeregisterDepartment(string Reason);

public static class DeregisterDepartmentEndpoint
{
    /// <summary>
    /// Takes a department out of the hub (merged, abolished, or registered in error): its keys stop authenticating at once
    /// on this node and within <see cref="ApiKeyCache.Lifetime"/> on others, it leaves <c>GET /departments</c>, and its
    /// history stays. Send the department's ETag in If-Match. Deregistering it again changes nothing.
    /// </summary>
    [WolverinePost("/departments/{id}/deregister", Name = "DeregisterDepartment")]
    [ProblemCodes(409, "cannot-deregister-self")]
    [Authorize(Policy = Policies.HubAdmin)]
    [Tags("Departments")]
    [ProducesResponseType<DepartmentView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    public static Task<IResult> Post(Guid id, DeregisterDepartment command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        StreamWrites.Change<Department>(id, command.Reason, new Validation(), http, user, session,
            (_, _) => null,
            (department, caller) => Decide(department, caller, command.Reason, clock.GetUtcNow()),
            (department, _) => DepartmentView.For(department, Caller.Required(user)));

    /// <summary>A hub-admin cannot deregister its own department: that could leave the hub with nobody to administer it.</summary>
    public static Decision Decide(Department department, Caller caller, string reason, DateTimeOffset now) =>
        department.DeregisteredAt is not null ? Decision.Nothing
        : department.Id == caller.DepartmentId
            ? Decision.Refuse(Problems.Conflict("cannot-deregister-self", "A hub-admin cannot deregister its own department.", "id"))
            : Decision.Record(new DepartmentDeregistered(department.Id, reason, caller.DepartmentCode, now));
}
