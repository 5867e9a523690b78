using CatalogHub.Departments;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CatalogHub.Site.Pages.Public;

/// <summary>The site's front page: the regions whose departments the hub serves, and any region by its code.</summary>
public sealed class IndexModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];
    public string Today => SiteText.Today(clock.GetUtcNow());
    public SiteFailure? Failure { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? region)
    {
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (Platform.RegionCode.IsKnown(region.Trim())) return Redirect($"/site/{region.Trim()}?date={Today}");
            Failure = new(StatusCodes.Status404NotFound, "未找到", $"没有行政区划代码为“{region}”的地区。");
            Response.StatusCode = Failure.Status;
        }
        var codes = await session.Query<Department>().Where(d => d.DeregisteredAt == null).Select(d => d.RegionCode).ToListAsync(HttpContext.RequestAborted);
        Regions = [.. codes.Distinct().Order().Select(c => (c, Platform.RegionCode.Name(c) ?? c))];
        return Page();
    }
}
