
namespace CatalogHub.Sharing.LicenceTypes;

public static class GetLicenceTypeEndpoint
{
    public const string Versions = "cataloghub.mt_doc_licence_type_version";
    public const string Repeals = "cataloghub.mt_doc_licence_type_repeal";

    /// <summary>The version of a licence type in force at an instant, with the repeal when that is why there is none.</summary>
    public static Task<AsOf<LicenceTypeVersion, LicenceTypeRepeal>> AsOf(IQuerySession session, Guid typeId, DateTimeOffset instant, CancellationToken ct) =>
        AsOfReads.Read<LicenceTypeVersion, LicenceTypeRepeal>(session, LicenceTypeVersion.List, Versions, Repeals, typeId, instant, ct);

    /// <summary>The version of a licence type in force at <c>asOf</c> (now when omitted), citing it. Public.</summary>
    [WolverineGet("/sharing/licence-types/{id}", Name = "GetLicenceTypeAsOf")]
    [AllowAnonymous]
    [Tags("Sharing: licence types")]
    [ProducesResponseType<PublishedLicenceTypeView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, string? asOf, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        if (!Instants.TryParse(asOf, clock.GetUtcNow(), out var instant, out var problem)) return problem!;
        return AsOfReads.Answer(await AsOf(session, id, instant, http.RequestAborted), id, instant, PublishedLicenceTypeView.From);
    }

    /// <summary>The working state with its ETag, for the issuing department, the region's catalogue manager and auditors.</summary>
    [WolverineGet("/sharing/licence-types/{id}/draft", Name = "GetLicenceTypeDraft")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: licence types")]
    [ProducesResponseType<LicenceTypeDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> Draft(Guid id, ClaimsPrincipal user, IQuerySession session, HttpContext http) =>
        DraftReads.Read<LicenceType>(id, user, session, http, "The licence type", t => t.Version, LicenceTypeDraftView.Of);
}
