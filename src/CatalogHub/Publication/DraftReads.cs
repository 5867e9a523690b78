namespace CatalogHub.Publication;

public static class DraftReads
{
    /// <summary>The working state with its ETag for those who may see drafts; to anyone else the draft does not exist (404).</summary>
    public static async Task<IResult> Read<T>(Guid id, ClaimsPrincipal user, IQuerySession session, HttpContext http, string what,
        Func<T, long> version, Func<T, long, object> view) where T : class, IPublishable<T>
    {
        var item = await session.LoadAsync<T>(id, http.RequestAborted);
        if (item is null || !PublicationAccess.MaySeeDrafts(Caller.From(user), item)) return Problems.NotFound(what);
        http.SetETag(version(item));
        return TypedResults.Ok(view(item, version(item)));
    }
}
