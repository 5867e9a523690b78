using System.Security.Claims;
using CatalogHub.Platform;
using Marten;

namespace CatalogHub.Catalogue;

/// <summary>A decision on an existing entry: either a problem, or the one event that records the change.</summary>
public readonly record struct Decision(IResult? Problem, object? Event)
{
    public static Decision Refuse(IResult problem) => new(problem, null);
    public static Decision Record(object @event) => new(null, @event);

    /// <summary>Records <paramref name="event"/> unless a rule returned a problem.</summary>
    public static Decision Unless(IResult? problem, Func<object> @event) => problem is null ? Record(@event()) : Refuse(problem);
}

/// <summary>
/// The steps every change to an existing entry shares: validate input, load the stream at the version the
/// caller read (If-Match), check who may act, let the command decide, append and answer with the new ETag.
/// The save is Wolverine's transactional middleware; a concurrent writer surfaces there as a 412.
/// </summary>
public static class EntryWrites
{
    public static async Task<IResult> Change(
        Guid id, string? reason, Validation input, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        Func<Caller, Entry, bool> mayAct, Func<Entry, Caller, Decision> decide)
    {
        EntryContentRules.CheckReason(input, reason);
        if (input.Failed) return input.Problem();
        var (expected, precondition) = Preconditions.ExpectedVersion(http);
        if (expected is null) return precondition!;

        var caller = Caller.Required(user);
        // Marten re-checks at commit that the stream is still at the version fetched here.
        var stream = await session.Events.FetchForWriting<Entry>(id, http.RequestAborted);
        var entry = stream.Aggregate;
        if (entry is null || !EntryAccess.MaySeeDrafts(caller, entry)) return Problems.NotFound("The entry");
        if (!mayAct(caller, entry))
            return Problems.Forbidden("not-entry-editor", "Only the owning department or the region's catalogue manager may do this.");
        if (stream.CurrentVersion != expected)
            return Problems.PreconditionFailed($"You sent version {expected}; the entry is at version {stream.CurrentVersion}.");

        var (problem, @event) = decide(entry, caller);
        if (problem is not null) return problem;

        stream.AppendOne(@event!);
        session.Record(caller, reason, http);
        var changed = entry.After(@event!) with { Version = expected.Value + 1 };
        http.SetETag(changed.Version);
        return TypedResults.Ok(EntryDraftView.From(changed));
    }
}
