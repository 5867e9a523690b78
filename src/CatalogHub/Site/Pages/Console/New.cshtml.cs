using System.Text.Json;

namespace CatalogHub.Site.Pages.Console;

/// <summary>
/// A new draft of any list, in the department's region: its code (an implementation list names the catalogue entry it
/// implements instead), the content as a form drawn from the list's example or as JSON, and why. Drafted by the API's own
/// function, so a refused draft shows the API's problems beside their fields and nothing is written.
/// </summary>
public sealed class NewModel(IDocumentSession session, IAuthorizationService authorization) : ConsolePage(authorization)
{
    public SiteList List { get; private set; } = null!;
    public List<ConsoleFieldError> Errors { get; } = [];
    public JsonElement Shown { get; private set; }
    public string? Code { get; private set; }
    public string? EntryId { get; private set; }
    public string? DerivedFrom { get; private set; }
    public string? Refusal { get; private set; }

    /// <summary>An implementation list is drafted by naming its entry, which gives it its code.</summary>
    public bool ByEntry => List.CodeField is null;

    private async Task<IActionResult?> Open(string list)
    {
        Response.Headers.CacheControl = ReadCaching.NoStore;
        if (SiteList.Find(list) is not { } found) return NotFoundPage($"没有名为“{list}”的清单。");
        List = found;
        return await May(List.Definition.DraftPolicy) ? null : Forbidden();
    }

    public async Task<IActionResult> OnGetAsync(string list)
    {
        if (await Open(list) is { } refused) return refused;
        Shown = List.Example;
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string list, Guid? derivedFrom, Guid? entryId, string? reason) =>
        await Open(list) ?? await Create(ConsoleForm.Read(Request.Form), PostedCode, derivedFrom, entryId, reason);

    public async Task<IActionResult> OnPostCreateJsonAsync(string list, Guid? derivedFrom, Guid? entryId, string? json, string? reason)
    {
        if (await Open(list) is { } refused) return refused;
        if (ItemModel.ReadJson(json, out var content) is not { } malformed) return await Create(content!.Value, PostedCode, derivedFrom, entryId, reason);
        Shown = List.Example;
        return Show(malformed);
    }

    /// <summary>The code's input is named as the list's draft operation names it, so its problems land beside it.</summary>
    private string? PostedCode => List.CodeField is { } name ? Request.Form[name].ToString() : null;

    private async Task<IActionResult> Create(JsonElement content, string? code, Guid? derivedFrom, Guid? entryId, string? reason)
    {
        (Shown, Code, EntryId, DerivedFrom) = (content, code, entryId?.ToString(), derivedFrom?.ToString());
        var result = await List.Draft(HttpContext, session, Caller.RegionCode, code, derivedFrom, entryId, content, reason ?? "");
        var answer = ConsoleAnswer.Of(result);
        Response.Headers.Remove("ETag");
        return answer.Succeeded ? LocalRedirect($"/console/lists/{List.Name}/{CreatedId(result)}?done=drafted") : Show(answer);
    }

    private IActionResult Show(ConsoleAnswer answer)
    {
        Refusal = $"未能创建草稿：{answer.Detail}（{answer.Code}）";
        Errors.AddRange(ConsoleFieldError.From(answer));
        Response.StatusCode = answer.Status;
        return Page();
    }

    public IReadOnlyList<ConsoleFieldError> ErrorsOf(string handler) =>
        string.Equals(Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase) ? Errors : [];
}
