
namespace CatalogHub.Publication;

/// <summary>A decision on an existing list: either a problem, or the one event that records the change.</summary>
public readonly record struct Decision(IResult? Problem, object? Event)
{
    public static Decision Refuse(IResult problem) => new(problem, null);
    public static Decision Record(object @event) => new(null, @event);

    /// <summary>Records <paramref name="event"/> unless a rule returned a problem.</summary>
    public static Decision Unless(IResult? problem, Func<object> @event) => problem is null ? Record(@event()) : Refuse(problem);
}

/// <summary>
/// The steps every change to an existing published list shares (revise, submit, publish, repeal, withdraw):
/// validate input, load the stream, check who may act, compare the version the caller read (If-Match), let
/// the command decide, append and answer with the new ETag. The save is Wolverine's transactional
/// middleware; Marten re-checks the stream version at commit, so a concurrent writer surfaces as a 412.
/// </summary>
public static class PublicationWrites
{
    public static async Task<IResult> Change<T>(
        Guid id, string? reason, Validation input, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        Func<Caller, T, bool> mayAct, Func<T, Caller, Decision> decide, Func<T, long, object> view)
        where T : class, IPublishable<T>
    {
        input.Text("reason", reason, 500);
        if (input.Failed) return input.Problem();
        var (expected, precondition) = Preconditions.ExpectedVersion(http);
        if (expected is null) return precondition!;

        var caller = Caller.Required(user);
        var stream = await session.Events.FetchForWriting<T>(id, http.RequestAborted);
        var item = stream.Aggregate;
        // Someone who may not see the draft learns nothing of it, not even that it exists.
        if (item is null || !PublicationAccess.MaySeeDrafts(caller, item)) return Problems.NotFound("The resource");
        if (!mayAct(caller, item))
            return Problems.Forbidden("not-entry-editor", "Only the owning department or the region's catalogue manager may do this.");
        if (stream.CurrentVersion != expected)
            return Problems.PreconditionFailed($"You sent version {expected}; it is at version {stream.CurrentVersion}.");

        var (problem, @event) = decide(item, caller);
        if (problem is not null) return problem;

        stream.AppendOne(@event!);
        session.Record(caller, reason, http);
        var version = expected.Value + 1;
        http.SetETag(version);
        return TypedResults.Ok(view(item.After(@event!), version));
    }
}
