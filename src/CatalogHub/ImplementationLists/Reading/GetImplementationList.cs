
namespace CatalogHub.ImplementationLists.Reading;

public sealed record ImplementationListHistory(Guid Id, IReadOnlyList<RecordedEvent> Events);

/// <summary>Public reads of published versions, and the draft and history for its editors and auditors.</summary>
public static class GetImplementationListEndpoint
{
    /// <summary>The version of a list in legal force at <c>asOf</c> (now when omitted), citing it. Public.</summary>
    [WolverineGet("/implementation-lists/{id}", Name = "GetImplementationListAsOf")]
    [AllowAnonymous]
    [Tags("Implementation lists: reading")]
    [ProducesResponseType<PublishedImplementationListView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> AsOf(Guid id, string? asOf, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        if (!Instants.TryParse(asOf, clock.GetUtcNow(), out var instant, out var problem)) return problem!;
        var read = await AsOfReads.Read<ImplementationListVersion, ImplementationListRepeal>(
            session, ImplementationListVersion.List, ImplementationListsConfiguration.VersionsTable, ImplementationListsConfiguration.RepealsTable,
            id, instant, http.RequestAborted);
        return AsOfReads.Answer(read, id, instant, PublishedImplementationListView.From);
    }

    [WolverineGet("/implementation-lists/{id}/versions", Name = "GetImplementationListVersions")]
    [AllowAnonymous]
    [Tags("Implementation lists: reading")]
    [ProducesResponseType<VersionList>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> Versions(Guid id, IQuerySession session, HttpContext http) =>
        AsOfReads.Versions<ImplementationListVersion, ImplementationListRepeal>(session, ImplementationListsConfiguration.VersionsTable, "list_id", id,
            "A published implementation list", http.RequestAborted);

    [WolverineGet("/implementation-lists/{id}/versions/{version}", Name = "GetImplementationListVersion")]
    [AllowAnonymous]
    [Tags("Implementation lists: reading")]
    [ProducesResponseType<PublishedImplementationListView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Version(Guid id, int version, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<ImplementationListVersion>(ImplementationListVersion.IdOf(id, version), http.RequestAborted) is { } found
            ? TypedResults.Ok(PublishedImplementationListView.From(found))
            : Problems.NotFound($"Version {version} of the implementation list");

    /// <summary>The working state of a list, draft included, with its ETag: for its editors and auditors; 404 to anyone else.</summary>
    [WolverineGet("/implementation-lists/{id}/draft", Name = "GetImplementationListDraft")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Implementation lists: drafting")]
    [ProducesResponseType<ImplementationListDraftView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> Draft(Guid id, ClaimsPrincipal user, IQuerySession session, HttpContext http) =>
        DraftReads.Read<ImplementationList>(id, user, session, http, "The implementation list", l => l.Version, ImplementationListDraftView.Of);

    /// <summary>Every event of the list with who, when and why: for its editors and auditors.</summary>
    [WolverineGet("/implementation-lists/{id}/history", Name = "GetImplementationListHistory")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Implementation lists: history")]
    [ProducesResponseType<ImplementationListHistory>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> History(Guid id, ClaimsPrincipal user, IQuerySession session, HttpContext http) =>
        await Publication.History.Read<ImplementationList>(id, user, session, http.RequestAborted) is { } events
            ? TypedResults.Ok(new ImplementationListHistory(id, events))
            : Problems.NotFound("The implementation list");

    /// <summary>The calling department's own lists with pending work (drafting or in review), newest first.</summary>
    [WolverineGet("/implementation-lists/drafts", Name = "GetOwnImplementationListDrafts")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Implementation lists: drafting")]
    [ProducesResponseType<IReadOnlyList<ImplementationListDraftView>>(StatusCodes.Status200OK)]
    public static async Task<IResult> OwnDrafts(ClaimsPrincipal user, IQuerySession session, HttpContext http)
    {
        var caller = Caller.Required(user);
        var lists = await session.Query<ImplementationList>().Where(l => l.OwnerDepartmentId == caller.DepartmentId)
            .ToListAsync(http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<ImplementationListDraftView>>([.. lists
            .Where(l => l.Lifecycle.Stage is Stage.Drafting or Stage.InReview)
            .OrderByDescending(l => l.Id)
            .Select(ImplementationListDraftView.From)]);
    }
}
