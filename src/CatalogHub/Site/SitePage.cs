using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CatalogHub.Site;

/// <summary>Why a page shows no content: its status (400, 404) and the words it says.</summary>
public sealed record SiteFailure(int Status, string Title, string Detail);

/// <summary>
/// A public page of one region as of one date. The date is always in the URL (a page opened without one is sent to today's),
/// so each page is stable and citable; a malformed date or region answers a 400 page, an unknown region a 404 page.
/// </summary>
public abstract class SitePage(TimeProvider clock) : PageModel
{
    public SiteFailure? Failure { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string RegionName { get; private set; } = "";
    public string Date { get; private set; } = "";
    public DateTimeOffset Instant { get; private set; }

    /// <summary>The page's instant, as the record stands now: the public site shows the latest record of what was in force.</summary>
    public Clocks AsKnownNow => Clocks.Current(Instant, Now);
    public SiteLinks Links { get; private set; } = null!;
    public DateTimeOffset Now => clock.GetUtcNow();

    protected IActionResult Fail(int status, string title, string detail)
    {
        Failure = new(status, title, detail);
        Response.StatusCode = status;
        return Page();
    }

    protected IActionResult NotFoundPage(string detail) => Fail(StatusCodes.Status404NotFound, "未找到", detail);

    /// <summary>Reads the region and the date of the URL: null when both are good, else the answer to send.</summary>
    protected IActionResult? ReadPlace(string region, string? date)
    {
        if (!Platform.RegionCode.IsWellFormed(region))
            return Fail(StatusCodes.Status400BadRequest, "地区代码有误", $"“{region}”不是六位行政区划代码（GB/T 2260），例如 411000（许昌市）。");
        if (!Platform.RegionCode.IsKnown(region))
            return NotFoundPage($"没有行政区划代码为 {region} 的地区。");
        if (string.IsNullOrEmpty(date))
            return Redirect($"{Request.Path}{QueryString.Create(Request.Query.Where(q => q.Key != "date")
                .Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())).Prepend(KeyValuePair.Create("date", (string?)SiteText.Today(Now))))}");
        if (!SiteText.TryReadDate(date, Now, out var instant))
            return Fail(StatusCodes.Status400BadRequest, "日期有误", $"“{date}”不是有效日期，请按“年-月-日”填写，例如 {SiteText.Today(Now)}。");
        (RegionCode, RegionName, Date, Instant, Links) = (region, Platform.RegionCode.Name(region)!, date, instant, new SiteLinks(region, date));
        return null;
    }
}
