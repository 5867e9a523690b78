using JasperFx.Events;

namespace CatalogHub.Audit.Events;

/// <summary>A page of the store's events in sequence order; pass <c>NextAfter</c> as <c>after</c> for the next page.</summary>
public sealed record EventPage(IReadOnlyList<RecordedEvent> Events, long? NextAfter);

public static class ListEventsEndpoint
{
    public const int MaxLimit = 500;

    /// <summary>
    /// The auditor's replay of who changed what, when and why, across every stream: filter by the acting
    /// department (unified social credit code), a stream, an event type and a recorded-time window.
    /// </summary>
    [WolverineGet("/audit/events", Name = "ListAuditEvents")]
    [ProblemCodes(400, "too-long", "out-of-range", "validation-failed")]
    [Authorize(Policy = Policies.Auditor)]
    [Tags("Audit")]
    [ProducesResponseType<EventPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Get(string? department, Guid? streamId, string? type, string? from, string? to, long? after, int? limit,
        IQuerySession session, HttpContext http)
    {
        var input = new Validation();
        input.Text("department", department, 18, required: false);
        input.Text("type", type, 100, required: false);
        input.Check(limit is null or (>= 1 and <= MaxLimit), "limit", "out-of-range", $"must be between 1 and {MaxLimit}.");
        input.Check(after is null or >= 0, "after", "out-of-range", "must be 0 or more.");
        if (!Instants.TryParse(from, DateTimeOffset.MinValue, out var since, out var badFrom, "from")) return badFrom!;
        if (!Instants.TryParse(to, DateTimeOffset.MaxValue, out var until, out var badTo, "to")) return badTo!;
        if (input.Failed) return input.Problem();

        var start = after ?? 0;
        // Recorded times are the database's clock, so the window applies only when the caller asks for one.
        // Marten's tombstones (the burnt sequence numbers of a failed write) are not events anybody recorded.
        var query = session.Events.QueryAllRawEvents().Where(e => e.Sequence > start && e.EventTypeName != Tombstone.Name);
        if (from is not null) query = query.Where(e => e.Timestamp >= since);
        if (to is not null) query = query.Where(e => e.Timestamp <= until);
        if (department is not null) query = query.Where(e => e.UserName == department);
        if (streamId is not null) query = query.Where(e => e.StreamId == streamId);
        if (type is not null) query = query.Where(e => e.EventTypeName == type);
        var size = limit ?? 100;
        var events = await query.OrderBy(e => e.Sequence).Take(size).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new EventPage([.. events.Select(RecordedEvent.From)], events.Count == size ? events[^1].Sequence : null));
    }
}
