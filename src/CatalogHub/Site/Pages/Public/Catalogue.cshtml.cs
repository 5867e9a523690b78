using CatalogHub.Catalogue;

namespace CatalogHub.Site.Pages.Public;

/// <summary>A region's base catalogue in force on a date, by category and department, searchable by name: the API's own listing query.</summary>
public sealed class CatalogueModel(IQuerySession session, TimeProvider clock) : SitePage(clock)
{
    public const int PageSize = 50;

    public string? Category { get; private set; }
    public string? Department { get; private set; }
    public string? Q { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public long Total { get; private set; }
    public IReadOnlyList<ItemVersion<EntryContent>> Items { get; private set; } = [];
    public static IReadOnlyList<string> Categories { get; } = [.. EntryContentRules.Categories];

    public async Task<IActionResult> OnGetAsync(string region, string? date, string? category, string? department, string? q, [FromQuery(Name = "page")] string? pageText)
    {
        if (ReadPlace(region, date) is { } answer) return answer;
        (Category, Department, Q) = (Blank(category), Blank(department), Blank(q));
        if (Category is not null && !EntryContentRules.Categories.Contains(Category))
            return Fail(StatusCodes.Status400BadRequest, "事项类型有误", $"“{Category}”不是基本目录的事项类型。");
        if ((Department?.Length ?? 0) > 200 || (Q?.Length ?? 0) > 100)
            return Fail(StatusCodes.Status400BadRequest, "查询条件过长", "部门名称至多 200 字，事项名称至多 100 字。");
        if (pageText is not null && !(int.TryParse(pageText, out var number) && number is >= 1 and <= Paging.MaxPage))
            return Fail(StatusCodes.Status400BadRequest, "页码有误", $"页码须为 1 至 {Paging.MaxPage} 之间的整数。");
        PageNumber = pageText is null ? 1 : int.Parse(pageText);
        (Total, Items) = await EntryQueries.InForce(session, new CatalogueFilter(RegionCode, Category, Department, Q), AsKnownNow, PageNumber, PageSize,
            HttpContext.RequestAborted);
        return Page();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
