
namespace CatalogHub.Sharing.Licences;

public static class GetLicenceEndpoint
{
    /// <summary>The issuer's view of one of its licences, with its ETag and status as of <c>asOf</c>. Others read through grants.</summary>
    [WolverineGet("/sharing/licences/{id}", Name = "GetLicence")]
    [Authorize(Policy = Policies.LicenceIssuer)]
    [Tags("Sharing: licences")]
    [ProducesResponseType<LicenceView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, string? asOf, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        if (!Instants.TryParse(asOf, clock.GetUtcNow(), out var instant, out var problem)) return problem!;
        var licence = await session.LoadAsync<Licence>(id, http.RequestAborted);
        if (licence is null || licence.IssuerDepartmentId != Caller.Required(user).DepartmentId) return Problems.NotFound("The licence");
        http.SetETag(licence.Version);
        return TypedResults.Ok(LicenceView.Of(licence, instant, licence.Version));
    }
}
