using System.Text.Json;
using CatalogHub.Catalogue;
using CatalogHub.Catalogue.Drafting;
using CatalogHub.ImplementationLists;
using CatalogHub.ImplementationLists.Drafting;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Marten;

namespace CatalogHub.Site;

/// <summary>An item of any list as its editors, its region's catalogue manager and auditors see it in the console.</summary>
/// <param name="Draft">The pending draft as stored.</param>
/// <param name="Editable">The draft as an editor sends it back: without what the list fixed when it was drafted (an implementation list's entry).</param>
public sealed record ConsoleItem(SiteList List, Guid Id, string RegionCode, string Code, string OwnerDepartmentCode, Guid? DerivedFrom,
    Lifecycle Lifecycle, JsonElement Draft, JsonElement Editable, long Version, bool MayEdit, bool MayPublish)
{
    public string Title => SiteText.TitleOf(Draft, Code);
}

/// <summary>
/// What the API's own function answered to a write the console made: success, or its problem with its stable code, the field
/// at fault and every field error (<see cref="Problems"/>), read from the result object itself.
/// </summary>
public sealed record ConsoleAnswer(int Status, string? Code, string? Detail, string? Field, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Status < 400;

    /// <summary>Someone else changed the item after this form was read (the API's 412 <c>stale-version</c>).</summary>
    public bool Stale => Status == StatusCodes.Status412PreconditionFailed;

    public static ConsoleAnswer Of(IResult result) => result switch
    {
        ProblemHttpResult { ProblemDetails: var p } => new(p.Status ?? 500, Extension(p, "code") as string, p.Detail ?? p.Title,
            Extension(p, "field") as string, Extension(p, "errors") as IReadOnlyList<FieldError> ?? []),
        IStatusCodeHttpResult { StatusCode: { } status } => new(status, null, null, null, []),
        _ => new(StatusCodes.Status200OK, null, null, null, []),
    };

    private static object? Extension(ProblemDetails p, string name) => p.Extensions.TryGetValue(name, out var value) ? value : null;

    /// <summary>The errors by field: every field error, or the problem's one field with its own code and detail.</summary>
    public IReadOnlyList<FieldError> FieldErrors => Succeeded ? []
        : Errors.Count > 0 ? Errors
        : [new FieldError(Field ?? "", Code ?? "error", Detail ?? "")];
}

/// <summary>
/// The console's writes and reads of one list: each calls the API's own function for it (<see cref="ListEndpoints{TContent}"/>,
/// <see cref="DraftImplementationListEndpoint"/>) with the page's request, so the rules, the problem codes, the owner and manager
/// checks and the If-Match comparison are the API's. The page puts the version its form was read at in the request's If-Match.
/// </summary>
public abstract partial class SiteList
{
    /// <summary>The item, if the caller may see its drafts (as <see cref="PublicationAccess.MaySeeDrafts{T}"/> decides for the API).</summary>
    public abstract Task<ConsoleItem?> Item(IQuerySession session, Guid id, Caller caller, CancellationToken ct);

    /// <summary>A realistic content to start a new draft from.</summary>
    public JsonElement Example => JsonSerializer.SerializeToElement(Definition.ExampleContent, Definition.ContentType, ApiJson.Options);

    /// <summary>What the regulations will refuse at publication (the list's own rule, the one the API's publish applies).</summary>
    public abstract IReadOnlyList<FieldError> RefusalsToPublish(JsonElement content);

    /// <summary>
    /// How the draft operation of this list names the item's code (<c>itemCode</c> for the base catalogue's), so its problems land
    /// beside the code's input; null for a list whose code is its entry's (an implementation list names <c>entryId</c> instead).
    /// </summary>
    public abstract string? CodeField { get; }

    /// <param name="code">The item's code; for an implementation list, the entry it implements names it (<paramref name="entryId"/>).</param>
    public abstract Task<IResult> Draft(HttpContext http, IDocumentSession session, string regionCode, string? code, Guid? derivedFrom, Guid? entryId,
        JsonElement content, string reason);

    public abstract Task<IResult> Revise(HttpContext http, IDocumentSession session, Guid id, JsonElement content, string reason);

    public abstract Task<IResult> Submit(HttpContext http, IDocumentSession session, Guid id, string reason);

    public abstract Task<IResult> Withdraw(HttpContext http, IDocumentSession session, Guid id, string reason);

    public abstract Task<IResult> Publish(HttpContext http, IDocumentSession session, Guid id, Publish command);

    public abstract Task<IResult> Repeal(HttpContext http, IDocumentSession session, Guid id, Repeal command);

    public abstract Task<IResult> CancelSchedule(HttpContext http, IDocumentSession session, Guid id, CancelScheduled command);

    public abstract Task<IResult> Reschedule(HttpContext http, IDocumentSession session, Guid id, Reschedule command);

    public abstract Task<IResult> RecordDiff(HttpContext http, IQuerySession session, Guid id, string asOf, string knownAt);

    /// <summary>Every event of the item for those who may see its drafts (the API's history read); null otherwise.</summary>
    public abstract Task<IReadOnlyList<RecordedEvent>?> History(IQuerySession session, Guid id, ClaimsPrincipal user, CancellationToken ct);

    protected static TimeProvider Clock(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>();

    protected static IMartenOutbox Outbox(HttpContext http) => http.RequestServices.GetRequiredService<IMartenOutbox>();
}

public sealed partial class SiteList<TContent>
{
    private readonly ListEndpoints<TContent> _api = new(list);

    public override async Task<ConsoleItem?> Item(IQuerySession session, Guid id, Caller caller, CancellationToken ct) =>
        await session.LoadAsync<ListItem<TContent>>(id, ct) is { } item && PublicationAccess.MaySeeDrafts(caller, item)
            ? new ConsoleItem(this, item.Id, item.RegionCode, item.Code, item.OwnerDepartmentCode, item.DerivedFrom, item.Lifecycle,
                JsonSerializer.SerializeToElement(item.Draft, ApiJson.Options), Editable(item.Draft), item.Version, PublicationAccess.MayEdit(caller, item),
                PublicationAccess.MayPublish(caller, item))
            : null;

    /// <summary>
    /// An implementation list names its entry once, when drafted (<see cref="ImplementationListRules.Check"/> refuses it in a revision,
    /// and <see cref="ListDefinition{TContent}.Revised"/> keeps the drafted one).
    /// </summary>
    private static JsonElement Editable(TContent draft) =>
        JsonSerializer.SerializeToElement<object>(draft is ImplementationListContent guide ? guide with { EntryId = null } : draft, ApiJson.Options);

    public override IReadOnlyList<FieldError> RefusalsToPublish(JsonElement content) =>
        Read(content, out var read) is null ? list.RefusalsToPublish(read!) : [];

    /// <summary>The content as the API would bind it from a request body; a JSON error is the API's 400 <c>malformed-json</c> on its field.</summary>
    private static IResult? Read(JsonElement content, out TContent? read)
    {
        try
        {
            read = content.Deserialize<TContent>(ApiJson.Options);
            return null;
        }
        catch (JsonException e)
        {
            read = null;
            var field = ProblemCodes.FieldOf(e);
            return Problems.Invalid([new FieldError(field is null ? "content" : $"content.{field}", ProblemCodes.MalformedJson, e.Message)]);
        }
    }

    public override async Task<IResult> Draft(HttpContext http, IDocumentSession session, string regionCode, string? code, Guid? derivedFrom,
        Guid? entryId, JsonElement content, string reason)
    {
        if (Read(content, out var read) is { } malformed) return malformed;
        // The base catalogue and implementation lists are drafted through operations of their own (ListDefinition.DraftedElsewhere),
        // which leave the commit to Wolverine's transactional middleware; the shared one commits itself.
        var drafted = read switch
        {
            EntryContent entry => await DraftEntryEndpoint.Post(new DraftEntry(code ?? "", regionCode, entry, derivedFrom, reason), http, http.User,
                session, Clock(http)),
            ImplementationListContent guide => await DraftImplementationListEndpoint.Post(
                new DraftImplementationList(entryId ?? Guid.Empty, regionCode, guide, reason), http, http.User, session, Clock(http)),
            _ => null,
        };
        if (drafted is null)
            return await _api.Draft(new DraftItem<TContent>(regionCode, code ?? "", read!, derivedFrom, reason), http, http.User, session, Clock(http));
        if (ConsoleAnswer.Of(drafted).Succeeded) await session.SaveChangesAsync(http.RequestAborted);
        return drafted;
    }

    public override string? CodeField => typeof(TContent) == typeof(EntryContent) ? "itemCode"
        : typeof(TContent) == typeof(ImplementationListContent) ? null : "code";

    public override async Task<IResult> Revise(HttpContext http, IDocumentSession session, Guid id, JsonElement content, string reason) =>
        Read(content, out var read) ?? await _api.Revise(id, new ReviseItem<TContent>(read!, reason), http, http.User, session, Clock(http));

    public override Task<IResult> Submit(HttpContext http, IDocumentSession session, Guid id, string reason) =>
        _api.Submit(id, new SubmitForReview(reason), http, http.User, session, Clock(http));

    public override Task<IResult> Withdraw(HttpContext http, IDocumentSession session, Guid id, string reason) =>
        _api.Withdraw(id, new WithdrawDraft(reason), http, http.User, session, Clock(http));

    public override Task<IResult> Publish(HttpContext http, IDocumentSession session, Guid id, Publish command) =>
        _api.Publish(id, command, http, http.User, session, Clock(http), Outbox(http));

    public override Task<IResult> Repeal(HttpContext http, IDocumentSession session, Guid id, Repeal command) =>
        _api.Repeal(id, command, http, http.User, session, Clock(http), Outbox(http));

    public override Task<IResult> CancelSchedule(HttpContext http, IDocumentSession session, Guid id, CancelScheduled command) =>
        _api.CancelSchedule(id, command, http, http.User, session, Clock(http), Outbox(http));

    public override Task<IResult> Reschedule(HttpContext http, IDocumentSession session, Guid id, Reschedule command) =>
        _api.Reschedule(id, command, http, http.User, session, Clock(http), Outbox(http));

    public override Task<IResult> RecordDiff(HttpContext http, IQuerySession session, Guid id, string asOf, string knownAt) =>
        _api.RecordDiff(id, asOf, knownAt, session, Clock(http), http);

    public override Task<IReadOnlyList<RecordedEvent>?> History(IQuerySession session, Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        Publication.History.Read<ListItem<TContent>>(id, user, session, ct);
}
