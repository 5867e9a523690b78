using System.Text.Json;

namespace CatalogHub.Site.Pages.Console;

/// <summary>
/// One item of any list in the console: its pending draft as a form (structured, and as JSON), submit and withdraw; for the
/// region's catalogue manager the field-by-field diff against the version in force, publishing at a Beijing time, the changes
/// scheduled and not yet in effect (cancel, reschedule) and repeal. Every write is the API's own function, with the version the
/// form was read at in If-Match: a stale form is refused and says so, never overwrites.
/// </summary>
public sealed class ItemModel(IDocumentSession session, IAuthorizationService authorization, TimeProvider clock) : ConsolePage(authorization)
{
    public SiteList List { get; private set; } = null!;
    public ConsoleItem Item { get; private set; } = null!;
    public SiteVersion? InForce { get; private set; }
    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];
    public List<ConsoleFieldError> Errors { get; } = [];

    /// <summary>The form's content when a write was refused: what the editor typed, not what is stored.</summary>
    public JsonElement? Posted { get; private set; }
    public string? Refusal { get; private set; }
    public bool Stale { get; private set; }

    /// <summary>May write this list at all (the API's write policy) and this item (owner or the region's manager).</summary>
    public bool MayEdit { get; private set; }
    public bool MayPublish { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();

    public JsonElement Shown => Posted ?? Item.Editable;
    public IEnumerable<TimelinePoint> Scheduled => Item.Lifecycle.Timeline.Where(p => p.EffectiveAt > Now);

    public static readonly IReadOnlyDictionary<string, string> DoneWords = new Dictionary<string, string>
    {
        ["drafted"] = "草稿已创建。", ["saved"] = "草稿已保存。", ["submitted"] = "已提交审核。", ["withdrawn"] = "草稿已撤回。",
        ["published"] = "已发布。", ["repealed"] = "已废止。", ["cancelled"] = "已取消该项尚未施行的变更。", ["rescheduled"] = "已调整施行时间。",
    };

    private async Task<IActionResult?> Load(string list, Guid id)
    {
        Response.Headers.CacheControl = ReadCaching.NoStore;
        if (SiteList.Find(list) is not { } found) return NotFoundPage($"没有名为“{list}”的清单。");
        List = found;
        if (await List.Item(session, id, Caller, HttpContext.RequestAborted) is not { } item)
            return NotFoundPage("没有此事项，或本部门无权查看其草稿。");
        Item = item;
        var writer = await May(List.Definition.WritePolicy);
        (MayEdit, MayPublish) = (writer && item.MayEdit, writer && item.MayPublish);
        var now = Now;
        InForce = (await List.AsOf(session, id, Clocks.Current(now, now), HttpContext.RequestAborted)).InForce;
        Changes = JsonDiff.Of(InForce?.Content, Item.Draft);
        Errors.AddRange(ConsoleFieldError.Warnings(List.RefusalsToPublish(Shown)));
        return null;
    }

    public async Task<IActionResult> OnGetAsync(string list, Guid id, string? done)
    {
        if (await Load(list, id) is { } failed) return failed;
        Done = done is null ? null : DoneWords.GetValueOrDefault(done);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(string list, Guid id, long version, string? reason) =>
        Write(list, id, version, "saved", edit: true, ConsoleForm.Read(Request.Form), () => List.Revise(HttpContext, session, id, Posted!.Value, reason ?? ""));

    public Task<IActionResult> OnPostSaveJsonAsync(string list, Guid id, long version, string? json, string? reason) =>
        ReadJson(json, out var content) is { } malformed ? Refused(list, id, malformed, content)
            : Write(list, id, version, "saved", edit: true, content, () => List.Revise(HttpContext, session, id, content!.Value, reason ?? ""));

    public Task<IActionResult> OnPostSubmitAsync(string list, Guid id, long version, string? reason) =>
        Write(list, id, version, "submitted", edit: true, null, () => List.Submit(HttpContext, session, id, reason ?? ""));

    public Task<IActionResult> OnPostWithdrawAsync(string list, Guid id, long version, string? reason) =>
        Write(list, id, version, "withdrawn", edit: true, null, () => List.Withdraw(HttpContext, session, id, reason ?? ""));

    public Task<IActionResult> OnPostPublishAsync(string list, Guid id, long version, string? effectiveAt, string? note, string? basis, string? reason) =>
        WithInstant(list, id, effectiveAt, at => Write(list, id, version, "published", edit: false, null,
            () => List.Publish(HttpContext, session, id, new Publish(at, Blank(note), reason ?? "", Blank(basis)))));

    public Task<IActionResult> OnPostRepealAsync(string list, Guid id, long version, string? effectiveAt, string? basis, string? reason) =>
        WithInstant(list, id, effectiveAt, at => Write(list, id, version, "repealed", edit: false, null,
            () => List.Repeal(HttpContext, session, id, new Repeal(at, basis ?? "", reason ?? ""))));

    /// <param name="point">The scheduled version's number, or <c>repeal</c>.</param>
    public Task<IActionResult> OnPostCancelAsync(string list, Guid id, long version, string? point, string? basis, string? reason) =>
        Write(list, id, version, "cancelled", edit: false, null, () => List.CancelSchedule(HttpContext, session, id,
            new CancelScheduled(VersionOf(point), point == "repeal" ? true : null, basis ?? "", reason ?? "")));

    public Task<IActionResult> OnPostRescheduleAsync(string list, Guid id, long version, string? point, string? effectiveAt, string? basis, string? reason) =>
        WithInstant(list, id, effectiveAt, at => Write(list, id, version, "rescheduled", edit: false, null, () => List.Reschedule(HttpContext, session, id,
            new Reschedule(VersionOf(point), point == "repeal" ? true : null, at, basis ?? "", reason ?? ""))));

    private static int? VersionOf(string? point) => int.TryParse(point, out var v) ? v : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private async Task<IActionResult> WithInstant(string list, Guid id, string? text, Func<DateTimeOffset?, Task<IActionResult>> write)
    {
        var errors = new List<ConsoleFieldError>();
        if (TryReadInstant(text, "effectiveAt", errors, out var at)) return await write(at);
        if (await Load(list, id) is { } failed) return failed;
        Errors.AddRange(errors);
        Refusal = errors[0].Message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>JSON text as content; a syntax error is the API's malformed-json problem on the content.</summary>
    public static ConsoleAnswer? ReadJson(string? json, out JsonElement? content)
    {
        content = null;
        try
        {
            content = JsonDocument.Parse(json ?? "").RootElement.Clone();
            return null;
        }
        catch (JsonException e)
        {
            return ConsoleAnswer.Of(Problems.Invalid([new FieldError(ConsoleForm.Prefix, ProblemCodes.MalformedJson, e.Message)]));
        }
    }

    private async Task<IActionResult> Refused(string list, Guid id, ConsoleAnswer answer, JsonElement? posted)
    {
        if (await Load(list, id) is { } failed) return failed;
        Show(answer, posted);
        return Page();
    }

    private async Task<IActionResult> Write(string list, Guid id, long version, string done, bool edit, JsonElement? posted, Func<Task<IResult>> write)
    {
        if (SiteList.Find(list) is not { } found) return NotFoundPage($"没有名为“{list}”的清单。");
        List = found;
        if (!await May(List.Definition.WritePolicy)) return Forbidden();
        Posted = posted;
        ReadAt(version);
        var answer = await Answer(write);
        Response.Headers.Remove("ETag");
        if (answer.Succeeded) return LocalRedirect($"{Request.Path}?done={done}");
        if (await Load(list, id) is { } failed) return failed;
        Show(answer, edit ? posted : null);
        return Page();
    }

    private void Show(ConsoleAnswer answer, JsonElement? posted)
    {
        Posted = posted;
        Stale = answer.Stale;
        Refusal = answer.Stale
            ? $"该事项已被他人修改（您打开时为第 {Request.Headers.IfMatch.ToString().Trim('"')} 次修改，现为第 {Item.Version} 次），您的操作未执行，也没有覆盖他人的修改。请核对下方的最新内容后重试。"
            : $"未能完成：{answer.Detail}（{answer.Code}）";
        // A stale form's values are shown for copying, never sent again as they are: the form below holds the item as it is now.
        if (answer.Stale) Posted = null;
        Errors.RemoveAll(e => e.Warning && answer.FieldErrors.Any(f => f.Field == e.Field));
        Errors.AddRange(ConsoleFieldError.From(answer));
        Response.StatusCode = answer.Status;
        StaleContent = answer.Stale ? posted : null;
    }

    /// <summary>What the editor had typed into a stale form, to copy from.</summary>
    public JsonElement? StaleContent { get; private set; }

    /// <summary>The errors a form shows beside its own inputs: those of the request it posted, none for the page's other forms.</summary>
    public IReadOnlyList<ConsoleFieldError> ErrorsOf(string handler) =>
        string.Equals(Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase) ? Errors : [];

    /// <summary>Errors no input of the page is for (If-Match, a field of another shape): listed in the summary only.</summary>
    public IEnumerable<ConsoleFieldError> Unplaced => Errors.Where(e => !e.Field.StartsWith(ConsoleForm.Prefix, StringComparison.Ordinal)
        && e.Field is not ("reason" or "effectiveAt" or "basis" or "note" or "version" or "repeal"));

    public static string Stage(Stage stage) => IndexModel.Stage(stage);
}

/// <summary>A field-by-field difference between two contents, with what each side is.</summary>
public sealed record DiffView(IReadOnlyList<FieldChange> Changes, string From, string To);
