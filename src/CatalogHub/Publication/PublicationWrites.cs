using System.Security.Claims;
using CatalogHub.Platform;
using Marten;
using Wolverine;

namespace CatalogHub.Publication;

/// <summary>
/// The steps every change to an existing published list shares (revise, submit, publish, repeal, withdraw), on top of
/// <see cref="StreamWrites.Change{T}"/>: someone who may not see the draft learns nothing of it, not even that it
/// exists (404); someone who may see it but not act gets a 403.
/// </summary>
public static class PublicationWrites
{
    public static Task<IResult> Change<T>(
        Guid id, string? reason, Validation input, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        Func<Caller, T, bool> mayAct, Func<T, Caller, Decision> decide, Func<T, long, object> view, IMessageBus? outbox = null)
        where T : class, IPublishable<T> =>
        StreamWrites.Change(id, reason, input, http, user, session,
            (caller, item) => !PublicationAccess.MaySeeDrafts(caller, item) ? Problems.NotFound("The resource")
                : !mayAct(caller, item) ? Problems.Forbidden("not-entry-editor", "Only the owning department or the region's catalogue manager may do this.")
                : null,
            decide, view, outbox);
}
