using CatalogHub.Sharing.AccessLog;

namespace CatalogHub.Site.Pages.Console;

/// <summary>The sharing access log for auditors, filtered by consumer department and from an instant: the API's own read (<see cref="GetAccessLogEndpoint"/>).</summary>
public sealed class AccessLogModel(IQuerySession session, TimeProvider clock, IAuthorizationService authorization) : ConsolePage(authorization)
{
    public AccessLogPage Log { get; private set; } = null!;
    public List<ConsoleFieldError> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? consumerCode, string? from, int? page)
    {
        Response.Headers.CacheControl = ReadCaching.NoStore;
        if (!await May(Policies.Auditor)) return Forbidden();
        var answer = await GetAccessLogEndpoint.Get(string.IsNullOrWhiteSpace(consumerCode) ? null : consumerCode.Trim(), holderRef: null,
            typeCode: null, purposeItemId: null, outcome: null, reasonCode: null, string.IsNullOrWhiteSpace(from) ? null : from, to: null,
            after: null, page, 50, inclusionProofs: null, checkpoint: null, session, clock, HttpContext);
        if (answer is Microsoft.AspNetCore.Http.HttpResults.Ok<AccessLogPage> { Value: { } log }) Log = log;
        else
        {
            Errors.AddRange(ConsoleFieldError.From(ConsoleAnswer.Of(answer)));
            Log = new AccessLogPage(0, 1, 50, []);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
