
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
    public static Task<IResult> Change<T>(
        Guid id, string? reason, Validation input, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        Func<Caller, T, bool> mayAct, Func<T, Caller, Decision> decide, Func<T, long, object> view)
        where T : class, IPublishable<T> =>
        Change(id, reason, input, http, user, session, mayAct, (item, caller) => Task.FromResult(decide(item, caller)), view);

    /// <summary>As above, for decisions that must read other published lists first (e.g. the entry a list implements).</summary>
    public static async Task<IResult> Change<T>(
        Guid id, string? reason, Validation input, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        Func<Caller, T, bool> mayAct, Func<T, Caller, Task<Decision>> decide, Func<T, long, object> view)
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

        var (problem, @event) = await decide(item, caller);
        if (problem is not null) return problem;

        stream.AppendOne(@event!);
        session.Record(caller, reason, http);
        var version = expected.Value + 1;
        http.SetETag(version);
        return TypedResults.Ok(view(item.After(@event!), version));
    }

    public static Task<IResult> Submit<T>(Guid id, SubmitForReview command, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        Func<T, Caller, object> submitted, Func<T, long, object> view) where T : class, IPublishable<T> =>
        Change<T>(id, command.Reason, new Validation(), http, user, session, PublicationAccess.MayEdit,
            (item, caller) => Decision.Unless(LifecycleRules.CanSubmit(item.Lifecycle), () => submitted(item, caller)), view);

    public static Task<IResult> Withdraw<T>(Guid id, WithdrawDraft command, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        Func<T, Caller, object> withdrawn, Func<T, long, object> view) where T : class, IPublishable<T> =>
        Change<T>(id, command.Reason, new Validation(), http, user, session, PublicationAccess.MayEdit,
            (item, caller) => Decision.Unless(LifecycleRules.CanWithdraw(item.Lifecycle), () => withdrawn(item, caller)), view);

    /// <summary>
    /// Publishes the reviewed draft as version N+1, effective at the command's time (now when omitted).
    /// <paramref name="content"/> lets a list refuse a draft whose content may not become law (null: publishable).
    /// </summary>
    public static Task<IResult> Publish<T>(Guid id, Publish command, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        DateTimeOffset now, Func<T, DateTimeOffset, Task<IResult?>> content, Func<T, Caller, DateTimeOffset, object> published,
        Func<T, long, object> view) where T : class, IPublishable<T>
    {
        var input = new Validation();
        input.Text("note", command.Note, 500, required: false);
        var effectiveAt = command.EffectiveAt ?? now;
        return Change<T>(id, command.Reason, input, http, user, session, PublicationAccess.MayPublish, async (item, caller) =>
        {
            var refused = LifecycleRules.CanPublish(item.Lifecycle, effectiveAt, now) ?? await content(item, effectiveAt);
            return refused is null ? Decision.Record(published(item, caller, effectiveAt)) : Decision.Refuse(refused);
        }, view);
    }

    public static Task<IResult> Repeal<T>(Guid id, Repeal command, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        DateTimeOffset now, Func<T, Caller, DateTimeOffset, object> repealed, Func<T, long, object> view) where T : class, IPublishable<T>
    {
        var input = new Validation();
        input.Text("basis", command.Basis, 500);
        var effectiveAt = command.EffectiveAt ?? now;
        return Change<T>(id, command.Reason, input, http, user, session, PublicationAccess.MayPublish,
            (item, caller) => Decision.Unless(LifecycleRules.CanRepeal(item.Lifecycle, effectiveAt, now), () => repealed(item, caller, effectiveAt)), view);
    }
}
