using CatalogHub.Sharing.Notifications;
using JasperFx.Events;
using Marten.Services.BatchQuerying;
using Wolverine;

namespace CatalogHub.Platform;

/// <summary>An aggregate that can tell the state one more event leads to; endpoints answer with the state they just caused.</summary>
public interface IEvolving<out TSelf> where TSelf : IEvolving<TSelf>
{
    TSelf After(object @event);
}

/// <summary>A decision on an existing stream: a problem, the one event that records the change, or nothing to do.</summary>
public readonly record struct Decision(IResult? Problem, object? Event)
{
    public static Decision Refuse(IResult problem) => new(problem, null);
    public static Decision Record(object @event) => new(null, @event);

    /// <summary>The command asks for what already holds: answer with the current state, record nothing (a repeat is a no-op).</summary>
    public static readonly Decision Nothing = new(null, null);

    /// <summary>Records <paramref name="event"/> unless a rule returned a problem.</summary>
    public static Decision Unless(IResult? problem, Func<object> @event) => problem is null ? Record(@event()) : Refuse(problem);
}

/// <summary>
/// The steps every change to an existing stream shares: validate input, load the stream, check who may act,
/// compare the version the caller read (If-Match), let the command decide, append and answer with the new ETag.
/// The save is Wolverine's transactional middleware; Marten re-checks the stream version at commit, so a
/// concurrent writer surfaces as a 412.
/// </summary>
public static class StreamWrites
{
    /// <param name="authorize">Null when the caller may act on this aggregate, otherwise the problem (404 to hide it, 403 to refuse).</param>
    /// <param name="outbox">
    /// Where the changes subscribers are told about (<see cref="ChangeNotices"/>) are published. Inside a Wolverine endpoint
    /// the message bus is enlisted in the Marten session's outbox, so the notice is stored in the same transaction as the event.
    /// </param>
    public static Task<IResult> Change<T>(
        Guid id, string? reason, Validation input, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        Func<Caller, T, IResult?> authorize, Func<T, Caller, Decision> decide, Func<T, long, object> view, IMessageBus? outbox = null)
        where T : class, IEvolving<T> =>
        Change(id, reason, input, http, user, session, authorize, (item, caller) => Task.FromResult(decide(item, caller)), view, outbox);

    /// <summary>As above, for decisions that must read other streams first (e.g. the entry a list implements).</summary>
    /// <param name="readAlong">
    /// What else the change will read, added to the batch that fetches the stream so that it costs no round trip of its own
    /// (e.g. the rows a projection replaces). Null: the stream is fetched alone.
    /// </param>
    public static async Task<IResult> Change<T>(
        Guid id, string? reason, Validation input, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        Func<Caller, T, IResult?> authorize, Func<T, Caller, Task<Decision>> decide, Func<T, long, object> view, IMessageBus? outbox = null,
        Func<IBatchedQuery, Task>? readAlong = null)
        where T : class, IEvolving<T>
    {
        input.Text("reason", reason, 500);
        if (input.Failed) return input.Problem();
        var (expected, precondition) = Preconditions.ExpectedVersion(http);
        if (expected is null) return precondition!;

        var caller = Caller.Required(user);
        var stream = await Fetch<T>(session, id, readAlong, http.RequestAborted);
        var item = stream.Aggregate;
        if (item is null) return Problems.NotFound("The resource");
        if (authorize(caller, item) is { } refused) return refused;
        if (stream.CurrentVersion != expected)
            return Problems.PreconditionFailed($"You sent version {expected}; it is at version {stream.CurrentVersion}.");

        var (problem, @event) = await decide(item, caller);
        if (problem is not null) return problem;
        if (@event is null)
        {
            http.SetETag(expected.Value);
            return TypedResults.Ok(view(item, expected.Value));
        }

        stream.AppendOne(@event);
        session.Record(caller, reason, http);
        if (outbox is not null && ChangeNotices.Of(item, @event) is { } notice) await outbox.PublishAsync(notice);
        var version = expected.Value + 1;
        http.SetETag(version);
        return TypedResults.Ok(view(item.After(@event), version));
    }

    private static async Task<IEventStream<T>> Fetch<T>(IDocumentSession session, Guid id, Func<IBatchedQuery, Task>? readAlong, CancellationToken ct)
        where T : class
    {
        if (readAlong is null) return await session.Events.FetchForWriting<T>(id, ct);
        var batch = session.CreateBatchQuery();
        var stream = batch.Events.FetchForWriting<T>(id);
        var along = readAlong(batch);
        await batch.Execute(ct);
        await along;
        return await stream;
    }
}
