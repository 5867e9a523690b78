
namespace CatalogHub.Sharing.AccessLog;

/// <summary>A page of the access log, oldest first. Holders appear by keyed hash only.</summary>
public sealed record AccessLogPage(long Total, int Page, int PageSize, IReadOnlyList<AccessRecord> Items);

public static class GetAccessLogEndpoint
{
    public const int MaxPageSize = 200;

    /// <summary>Every read of licence data, allowed or refused, optionally of one consumer department and from an instant on. Auditors only.</summary>
    [WolverineGet("/sharing/access-log", Name = "GetAccessLog")]
    [Authorize(Policy = Policies.Auditor)]
    [Tags("Sharing: access log")]
    [ProducesResponseType<AccessLogPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Get(string? consumerCode, string? from, int? page, int? pageSize, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        var paging = Paging.Read(input, page, pageSize, MaxPageSize);
        if (input.Failed) return input.Problem();
        DateTimeOffset? since = null;
        if (from is not null)
        {
            if (!Instants.TryParse(from, clock.GetUtcNow(), out var instant, out var problem)) return problem!;
            since = instant;
        }

        var query = session.Query<AccessRecord>().AsQueryable();
        if (consumerCode is not null) query = query.Where(r => r.ConsumerCode == consumerCode);
        if (since is { } s) query = query.Where(r => r.At >= s);
        var total = await query.CountAsync(http.RequestAborted);
        var items = await query.OrderBy(r => r.Sequence).Skip(paging.Offset).Take(paging.PageSize).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new AccessLogPage(total, paging.Page, paging.PageSize, items));
    }
}
