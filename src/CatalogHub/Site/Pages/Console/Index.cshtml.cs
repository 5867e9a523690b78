using CatalogHub.Departments;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CatalogHub.Site.Pages.Console;

/// <summary>
/// The signed-in department's desk: its items with pending work across every registered list, each opening its page, chosen
/// exactly as the API's drafts operations choose them (its own, and for a catalogue manager its region's).
/// </summary>
public sealed class IndexModel(IQuerySession session, IAuthorizationService authorization) : PageModel
{
    /// <summary>The lists whose drafting policy the department's roles meet (the API's, deny by default).</summary>
    public IReadOnlyList<SiteList> Draftable { get; private set; } = [];
    public bool Manager { get; private set; }
    public bool Auditor { get; private set; }

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
        var draftable = new List<SiteList>();
        foreach (var list in SiteList.All)
            if ((await authorization.AuthorizeAsync(User, list.Definition.DraftPolicy)).Succeeded) draftable.Add(list);
        (Draftable, Manager, Auditor) = (draftable, caller.Has(Role.CatalogueManager), caller.Has(Role.Auditor));
    }

    public static string Stage(Stage stage) => stage switch
    {
        Publication.Stage.InReview => "待审核",
        Publication.Stage.Drafting => "草稿",
        Publication.Stage.Idle => "无待处理的草稿",
        Publication.Stage.Withdrawn => "已撤回",
        _ => stage.ToString(),
    };
}
