using System.Security.Claims;
using CatalogHub.Platform;
using Marten;
using Wolverine;

namespace CatalogHub.Publication;

/// <summary>
/// The lifecycle steps of any published list, each a rule of <see cref="LifecycleRules"/> plus the list's own event.
/// A list's endpoints name the route and the event; the who-may, If-Match and save are the same for every list.
/// </summary>
public static class PublicationSteps
{
    /// <param name="input">The list's content rules, already applied to the new draft.</param>
    public static Task<IResult> Revise<T>(Guid id, string reason, Validation input, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, Func<string, DateTimeOffset, object> revised, Func<T, long, object> view) where T : class, IPublishable<T> =>
        PublicationWrites.Change<T>(id, reason, input, http, user, session, PublicationAccess.MayEdit,
            (item, caller) => Decision.Unless(LifecycleRules.CanRevise(item.Lifecycle), () => revised(caller.DepartmentCode, clock.GetUtcNow())), view);

    /// <summary>The working state with its ETag for those who may see drafts; to anyone else the draft does not exist (404).</summary>
    public static async Task<IResult> ReadDraft<T>(Guid id, ClaimsPrincipal user, IQuerySession session, HttpContext http, string what,
        Func<T, long> version, Func<T, long, object> view) where T : class, IPublishable<T>
    {
        var item = await session.LoadAsync<T>(id, http.RequestAborted);
        if (item is null || !PublicationAccess.MaySeeDrafts(Caller.From(user), item)) return Problems.NotFound(what);
        http.SetETag(version(item));
        return TypedResults.Ok(view(item, version(item)));
    }

    public static Task<IResult> Submit<T>(Guid id, string reason, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, Func<string, DateTimeOffset, object> submitted, Func<T, long, object> view) where T : class, IPublishable<T> =>
        PublicationWrites.Change<T>(id, reason, new Validation(), http, user, session, PublicationAccess.MayEdit,
            (item, caller) => Decision.Unless(LifecycleRules.CanSubmit(item.Lifecycle), () => submitted(caller.DepartmentCode, clock.GetUtcNow())), view);

    public static Task<IResult> Withdraw<T>(Guid id, string reason, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, Func<string, DateTimeOffset, object> withdrawn, Func<T, long, object> view) where T : class, IPublishable<T> =>
        PublicationWrites.Change<T>(id, reason, new Validation(), http, user, session, PublicationAccess.MayEdit,
            (item, caller) => Decision.Unless(LifecycleRules.CanWithdraw(item.Lifecycle), () => withdrawn(caller.DepartmentCode, clock.GetUtcNow())), view);

    /// <param name="published">(item, next version, effective at, by, now) → the list's published event.</param>
    public static Task<IResult> Publish<T>(Guid id, DateTimeOffset? effectiveAt, string? note, string reason, HttpContext http, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, Func<T, int, DateTimeOffset, string, DateTimeOffset, object> published, Func<T, long, object> view,
        IMessageBus? outbox = null)
        where T : class, IPublishable<T>
    {
        var input = new Validation();
        input.Text("note", note, 500, required: false);
        var now = clock.GetUtcNow();
        var at = effectiveAt ?? now;
        return PublicationWrites.Change<T>(id, reason, input, http, user, session, PublicationAccess.MayPublish,
            (item, caller) => Decision.Unless(LifecycleRules.CanPublish(item.Lifecycle, at, now),
                () => published(item, item.Lifecycle.LatestVersion + 1, at, caller.DepartmentCode, now)), view, outbox);
    }

    /// <param name="repealed">(effective at, by, now) → the list's repealed event.</param>
    public static Task<IResult> Repeal<T>(Guid id, DateTimeOffset? effectiveAt, string basis, string reason, HttpContext http, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, Func<DateTimeOffset, string, DateTimeOffset, object> repealed, Func<T, long, object> view,
        IMessageBus? outbox = null)
        where T : class, IPublishable<T>
    {
        var input = new Validation();
        input.Text("basis", basis, 500);
        var now = clock.GetUtcNow();
        var at = effectiveAt ?? now;
        return PublicationWrites.Change<T>(id, reason, input, http, user, session, PublicationAccess.MayPublish,
            (item, caller) => Decision.Unless(LifecycleRules.CanRepeal(item.Lifecycle, at, now), () => repealed(at, caller.DepartmentCode, now)), view, outbox);
    }
}
