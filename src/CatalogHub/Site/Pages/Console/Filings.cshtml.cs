using CatalogHub.Filing;
using CatalogHub.Filing.Reading;

namespace CatalogHub.Site.Pages.Console;

/// <summary>What the counties of the manager's region filed (备案), with each filing's diff: the API's own answer (<see cref="GetFilingsEndpoint"/>).</summary>
public sealed class FilingsModel(IQuerySession session, IAuthorizationService authorization) : ConsolePage(authorization)
{
    public FilingPage Filings { get; private set; } = null!;
    public string? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? status, int? page)
    {
        Response.Headers.CacheControl = ReadCaching.NoStore;
        if (!await May(Policies.CatalogueWriter)) return Forbidden();
        var answer = await GetFilingsEndpoint.List(null, string.IsNullOrEmpty(status) ? null : status, page, 50, User, session, HttpContext);
        if (answer is not Microsoft.AspNetCore.Http.HttpResults.Ok<FilingPage> { Value: { } filings })
        {
            var problem = ConsoleAnswer.Of(answer);
            return problem.Status == StatusCodes.Status403Forbidden ? Forbidden() : Fail(problem.Status, "查询条件有误", problem.Detail ?? "");
        }
        (Filings, Status) = (filings, status);
        return Page();
    }
}
