using System.Text.Json;

namespace CatalogHub.Feed;

/// <summary>
/// One publication, repeal, cancelled or rescheduled change. <c>Document</c> is the published version (content and citation),
/// the repeal's citation or the <see cref="ScheduleChange"/>; <c>Position</c> is this change's place in the feed's total order.
/// <c>Retroactive</c> marks a correction: it changes what was in force at instants before <c>RecordedAt</c> (from the
/// document's <c>effectiveAt</c>), so answers given about them may need checking again.
/// </summary>
public sealed record FeedItem(string Position, long Sequence, string List, ChangeKind Kind, Guid Id, string? RegionCode, string? ItemCode,
    DateTimeOffset RecordedAt, JsonElement Document, bool Retroactive);

/// <summary>A page of the feed; pass <c>Next</c> as <c>after</c> to read on (also when the page is empty: nothing is skipped).</summary>
public sealed record FeedPage(IReadOnlyList<FeedItem> Items, string Next);

public static class GetChangesEndpoint
{
    public const int MaxLimit = 1000;

    private static readonly ChangeKind[] Published = [ChangeKind.Published, ChangeKind.Repealed, ChangeKind.ScheduleCancelled, ChangeKind.Rescheduled];

    /// <summary>
    /// Publications, repeals, cancelled and rescheduled changes of every published list (entries, implementation lists, licence types, the registered lists) since <c>after</c> (from the
    /// beginning when omitted), in one total order, with no gaps and no duplicates even under concurrent writes:
    /// a change committed after a page was read appears on a later page. See docs/feed.md.
    /// </summary>
    [WolverineGet("/feed", Name = "GetChanges")]
    [ProblemCodes(400, "invalid-position", "out-of-range", "validation-failed")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Feed")]
    [ProducesResponseType<FeedPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Get(string? after, int? limit, IQuerySession session, HttpContext http)
    {
        var input = new Validation();
        input.Check(ChangePosition.TryParse(after, out var position), "after", "invalid-position", "must be a position this feed returned.");
        input.Check(limit is null or (>= 1 and <= MaxLimit), "limit", "out-of-range", $"must be between 1 and {MaxLimit}.");
        if (input.Failed) return input.Problem();

        var changes = await ChangeLog.ReadAfter(session, position, limit ?? 100, Published, http.RequestAborted);
        var items = changes.Select(c => new FeedItem(c.Position.ToString(), c.Change.Sequence, c.Change.List, c.Change.Kind, c.Change.Id,
            c.Change.RegionCode, c.Change.ItemCode, c.Change.RecordedAt, c.Change.Document!.Value, c.Change.Retroactive)).ToList();
        return TypedResults.Ok(new FeedPage(items, items.Count > 0 ? items[^1].Position : position.ToString()));
    }
}
