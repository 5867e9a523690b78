using System.Text.Json;

namespace CatalogHub.Site.Pages.Console;

/// <summary>
/// An auditor's view of one item (its editors see it too, as the API's history shows it to them): every event with who
/// (department), when, why and with which key; the diff between any two published versions; what was in force at two
/// instants; and the API's record diff (what the record said at one instant about another, beside what it says now).
/// </summary>
public sealed class AuditModel(IQuerySession session, IAuthorizationService authorization, TimeProvider clock) : ConsolePage(authorization)
{
    public SiteList List { get; private set; } = null!;
    public Guid Id { get; private set; }
    public IReadOnlyList<RecordedEvent> Events { get; private set; } = [];
    public IReadOnlyList<SiteVersion> Versions { get; private set; } = [];
    public DiffView? VersionDiff { get; private set; }
    public DiffView? InstantDiff { get; private set; }
    public RecordDiff? Record { get; private set; }
    public List<ConsoleFieldError> Errors { get; } = [];
    public string? RecordProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string list, Guid id, int? from, int? to, string? at1, string? at2, string? asOf, string? knownAt)
    {
        Response.Headers.CacheControl = ReadCaching.NoStore;
        if (SiteList.Find(list) is not { } found) return NotFoundPage($"没有名为“{list}”的清单。");
        (List, Id) = (found, id);
        var ct = HttpContext.RequestAborted;
        if (await List.History(session, id, User, ct) is not { } events) return NotFoundPage("没有此事项，或本部门无权查看其记录。");
        Events = events;
        var now = clock.GetUtcNow();
        Versions = (await List.Versions(session, id, Clocks.Current(now, now), ct)).Versions;

        if (from is { } f && to is { } t && Versions.FirstOrDefault(v => v.Citation.Version == f) is { } a && Versions.FirstOrDefault(v => v.Citation.Version == t) is { } b)
            VersionDiff = new(JsonDiff.Of(a.Content, b.Content), $"第 {f} 版", $"第 {t} 版");

        if ((at1 ?? at2) is not null && TryReadInstant(at1, "at1", Errors, out var first) && TryReadInstant(at2, "at2", Errors, out var second))
        {
            var (x, y) = (first ?? now, second ?? now);
            var left = (await List.AsOf(session, id, Clocks.Current(x, now), ct)).InForce;
            var right = (await List.AsOf(session, id, Clocks.Current(y, now), ct)).InForce;
            InstantDiff = new(JsonDiff.Of(left?.Content, right?.Content), $"{SiteText.Time(x)} 施行的{Name(left)}", $"{SiteText.Time(y)} 施行的{Name(right)}");
        }

        if (!string.IsNullOrWhiteSpace(knownAt))
        {
            var answer = await List.RecordDiff(HttpContext, session, id, string.IsNullOrWhiteSpace(asOf) ? "" : asOf, knownAt);
            if (answer is Microsoft.AspNetCore.Http.HttpResults.Ok<RecordDiff> { Value: { } diff }) Record = diff;
            else
            {
                var problem = ConsoleAnswer.Of(answer);
                Errors.AddRange(ConsoleFieldError.From(problem));
                RecordProblem = problem.Detail;
            }
        }
        return Page();
    }

    private static string Name(SiteVersion? v) => v is null ? "（无施行版本）" : $"第 {v.Citation.Version} 版";

    /// <summary>An event's kind in words, from its type name (<c>proof_item_published</c>, <c>implementation_list_draft_revised</c>).</summary>
    public static string Kind(string type) => type switch
    {
        _ when type.EndsWith("_drafted", StringComparison.Ordinal) => "起草",
        _ when type.EndsWith("_draft_revised", StringComparison.Ordinal) => "修改草稿",
        _ when type.EndsWith("_submitted_for_review", StringComparison.Ordinal) => "提交审核",
        _ when type.EndsWith("_published", StringComparison.Ordinal) => "发布",
        _ when type.EndsWith("_repealed", StringComparison.Ordinal) => "废止",
        _ when type.EndsWith("_draft_withdrawn", StringComparison.Ordinal) => "撤回草稿",
        _ when type.EndsWith("_schedule_cancelled", StringComparison.Ordinal) => "取消尚未施行的变更",
        _ when type.EndsWith("_rescheduled", StringComparison.Ordinal) => "调整施行时间",
        _ => type,
    };

    /// <summary>What a published or repealed event says about legal time, for the timeline's last column.</summary>
    public static string Effect(JsonElement data) =>
        data.TryGetProperty("effectiveAt", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var t)
            ? $"{(data.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? $"第 {v.GetInt32()} 版，" : "")}{SiteText.Time(t)} 起施行"
            : data.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.String && to.TryGetDateTimeOffset(out var moved) ? $"改为 {SiteText.Time(moved)}" : "";
}
