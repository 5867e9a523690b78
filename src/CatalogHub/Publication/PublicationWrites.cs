
using Wolverine;

namespace CatalogHub.Publication;

/// <summary>
/// The steps every change to an existing published list shares (revise, submit, publish, repeal, withdraw):
/// <see cref="StreamWrites"/> with the lifecycle's rules of who may see and change a draft.
/// </summary>
public static class PublicationWrites
{
    public static Task<IResult> Change<T>(
        Guid id, string? reason, Validation input, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        Func<Caller, T, bool> mayAct, Func<T, Caller, Decision> decide, Func<T, long, object> view, IMessageBus? outbox = null,
        bool timeline = false)
        where T : class, IPublishable<T> =>
        Change(id, reason, input, http, user, session, mayAct, (item, caller) => Task.FromResult(decide(item, caller)), view, outbox, timeline);

    /// <summary>As above, for decisions that must read other published lists first (e.g. the entry a list implements).</summary>
    /// <param name="timeline">The change may move the item's legal timeline: its validity intervals are read with the item.</param>
    public static Task<IResult> Change<T>(
        Guid id, string? reason, Validation input, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        Func<Caller, T, bool> mayAct, Func<T, Caller, Task<Decision>> decide, Func<T, long, object> view, IMessageBus? outbox = null,
        bool timeline = false)
        where T : class, IPublishable<T> =>
        StreamWrites.Change(id, reason, input, http, user, session, (caller, item) =>
            // Someone who may not see the draft learns nothing of it, not even that it exists.
            !PublicationAccess.MaySeeDrafts(caller, item) ? Problems.NotFound("The resource")
            : !mayAct(caller, item) ? Problems.Forbidden("not-entry-editor", "Only the owning department or the region's catalogue manager may do this.")
            : null, decide, view, outbox,
            // A publish's inline projection of the intervals reads the item's rows: read in the same round trip as the item.
            timeline ? batch => ValidityIntervalProjection.ReadAlong(batch, session, T.ListName, id) : null);

    /// <param name="input">The list's content rules, already applied to the new draft.</param>
    public static Task<IResult> Revise<T>(Guid id, string reason, Validation input, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, Func<string, DateTimeOffset, object> revised, Func<T, long, object> view) where T : class, IPublishable<T> =>
        Change<T>(id, reason, input, http, user, session, PublicationAccess.MayEdit,
            (item, caller) => Decision.Unless(LifecycleRules.CanRevise(item.Lifecycle), () => revised(caller.DepartmentCode, clock.GetUtcNow())), view);

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
        Func<T, long, object> view, IMessageBus? outbox = null) where T : class, IPublishable<T>
    {
        var input = new Validation();
        var effectiveAt = CheckPublish(input, command, now);
        return Change<T>(id, command.Reason, input, http, user, session, PublicationAccess.MayPublish, async (item, caller) =>
        {
            var refused = LifecycleRules.CanPublish(item.Lifecycle, effectiveAt, now) ?? await content(item, effectiveAt);
            return refused is null ? Decision.Record(published(item, caller, effectiveAt)) : Decision.Refuse(refused);
        }, view, outbox, timeline: true);
    }

    /// <summary>The input rules of a publication (its note, a correction's basis); returns its effective time.</summary>
    public static DateTimeOffset CheckPublish(Validation input, Publish command, DateTimeOffset now)
    {
        input.Text("note", command.Note, 500, required: false);
        var effectiveAt = command.EffectiveAt ?? now;
        // A correction names the decision that orders it; it is the catalogue manager's, as every publication is.
        input.Text("basis", command.Basis, 500, required: effectiveAt < now);
        return effectiveAt;
    }

    /// <summary>Cancels a version or the repeal not yet in effect (<see cref="LifecycleRules.CanChangeSchedule"/>).</summary>
    public static Task<IResult> CancelScheduled<T>(Guid id, CancelScheduled command, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        DateTimeOffset now, Func<Caller, TimelinePoint, object> cancelled, Func<T, long, object> view, IMessageBus? outbox = null)
        where T : class, IPublishable<T>
    {
        var input = new Validation();
        var version = ScheduledTarget(input, command.Version, command.Repeal);
        input.Text("basis", command.Basis, 500);
        return Change<T>(id, command.Reason, input, http, user, session, PublicationAccess.MayPublish, (item, caller) =>
            LifecycleRules.CanChangeSchedule(item.Lifecycle, version, now, out var point) is { } refused
                ? Decision.Refuse(refused) : Decision.Record(cancelled(caller, point)), view, outbox, timeline: true);
    }

    /// <summary>Moves a version or the repeal not yet in effect to a new future time between its neighbours (<see cref="LifecycleRules.CanReschedule"/>).</summary>
    public static Task<IResult> Reschedule<T>(Guid id, Reschedule command, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        DateTimeOffset now, Func<Caller, TimelinePoint, DateTimeOffset, object> rescheduled, Func<T, long, object> view, IMessageBus? outbox = null)
        where T : class, IPublishable<T>
    {
        var input = new Validation();
        var version = ScheduledTarget(input, command.Version, command.Repeal);
        input.Check(command.EffectiveAt is not null, "effectiveAt", "required", "is required: the new effective time.");
        input.Text("basis", command.Basis, 500);
        var to = command.EffectiveAt ?? now;
        return Change<T>(id, command.Reason, input, http, user, session, PublicationAccess.MayPublish, (item, caller) =>
            LifecycleRules.CanReschedule(item.Lifecycle, version, to, now, out var point) is { } refused
                ? Decision.Refuse(refused) : Decision.Record(rescheduled(caller, point, to)), view, outbox, timeline: true);
    }

    /// <summary>The scheduled change a cancellation or rescheduling names: a version number, or null for the repeal.</summary>
    private static int? ScheduledTarget(Validation input, int? version, bool? repeal)
    {
        input.Check((version is null) != (repeal != true), "version", "one-target", "name either a version or \"repeal\": true, not both nor neither.");
        input.Check(version is null or > 0, "version", "invalid-version", "must be a version number (1 or more).");
        return repeal == true ? null : version;
    }

    public static Task<IResult> Repeal<T>(Guid id, Repeal command, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        DateTimeOffset now, Func<T, Caller, DateTimeOffset, object> repealed, Func<T, long, object> view, IMessageBus? outbox = null)
        where T : class, IPublishable<T>
    {
        var input = new Validation();
        input.Text("basis", command.Basis, 500);
        var effectiveAt = command.EffectiveAt ?? now;
        return Change<T>(id, command.Reason, input, http, user, session, PublicationAccess.MayPublish,
            (item, caller) => Decision.Unless(LifecycleRules.CanRepeal(item.Lifecycle, effectiveAt, now), () => repealed(item, caller, effectiveAt)),
            view, outbox, timeline: true);
    }
}
