using CatalogHub.Departments;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CatalogHub.Site.Pages.Console;

/// <summary>
/// The signed-in department's desk: its items with pending work across every registered list, read-only for now, chosen
/// exactly as the API's drafts operations choose them (its own, and for a catalogue manager its region's).
/// </summary>
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public Department? Department { get; private set; }
    public IReadOnlyList<(SiteList List, IReadOnlyList<SiteDraft> Drafts)> Drafts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Response.Headers.CacheControl = ReadCaching.NoStore;
        var caller = Caller.Required(User);
        var ct = HttpContext.RequestAborted;
        Department = await session.LoadAsync<Department>(caller.DepartmentId, ct);
        var drafts = new List<(SiteList, IReadOnlyList<SiteDraft>)>();
        foreach (var list in SiteList.All) drafts.Add((list, await list.Drafts(session, caller, ct)));
        Drafts = drafts;
    }

    public static string Stage(Stage stage) => stage switch
    {
        Publication.Stage.InReview => "待审核",
        Publication.Stage.Drafting => "草稿",
        _ => stage.ToString(),
    };
}
