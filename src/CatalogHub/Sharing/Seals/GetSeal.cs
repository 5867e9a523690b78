
namespace CatalogHub.Sharing.Seals;

public static class GetSealEndpoint
{
    /// <summary>A seal with its public key, its status as of <c>asOf</c> (now when omitted) and every status change. Public.</summary>
    [WolverineGet("/sharing/seals/{id}", Name = "GetSeal")]
    [AllowAnonymous]
    [Tags("Sharing: seals")]
    [ProducesResponseType<SealView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, string? asOf, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        if (!Instants.TryParse(asOf, clock.GetUtcNow(), out var instant, out var problem)) return problem!;
        if (await session.LoadAsync<Seal>(id, http.RequestAborted) is not { } seal) return Problems.NotFound("The seal");
        http.SetETag(seal.Version);
        return TypedResults.Ok(SealView.Of(seal, instant, seal.Version));
    }

    /// <summary>The seals of one department (by unified social credit code), each with its status now. Public.</summary>
    [WolverineGet("/sharing/departments/{departmentCode}/seals", Name = "ListDepartmentSeals")]
    [AllowAnonymous]
    [Tags("Sharing: seals")]
    [ProducesResponseType<IReadOnlyList<SealView>>(StatusCodes.Status200OK)]
    public static async Task<IReadOnlyList<SealView>> List(string departmentCode, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var now = clock.GetUtcNow();
        var seals = await session.Query<Seal>().Where(s => s.DepartmentCode == departmentCode).OrderBy(s => s.Name).Take(500)
            .ToListAsync(http.RequestAborted);
        return [.. seals.Select(s => SealView.Of(s, now, s.Version))];
    }
}
