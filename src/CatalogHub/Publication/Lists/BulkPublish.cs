using CatalogHub.Sharing.Notifications;
using Wolverine.Marten;

namespace CatalogHub.Publication.Lists;

/// <summary>One new item of a bulk publication: what a draft names besides its region and reason.</summary>
/// <param name="Code">The item's code, unique in its region and list among items that are not closed (and within the request).</param>
/// <param name="DerivedFrom">For a county item taken over from the city (承接): the city item it derives from.</param>
public sealed record BulkItem<TContent>(string Code, TContent Content, Guid? DerivedFrom);

/// <summary>
/// Drafts, submits and publishes new items of one region in one request, all or nothing: a county adopting its city's catalogue
/// (承接, each item naming the city item it derives from) or a department's catalogue migrated onto the hub. At most
/// <see cref="BulkPublication.MaxItems"/> entries. Every rule of the single draft, submission and publication applies to each item;
/// a refused request writes nothing and answers one problem whose <c>errors</c> name each refused element as
/// <c>entries[i].field</c>. The region's catalogue manager's alone, as every publication is.
/// </summary>
/// <param name="RegionCode">The caller's region; a list keyed by code alone (licence types) takes it from the caller when omitted.</param>
/// <param name="EffectiveAt">When every version takes legal effect; now when omitted (before now: a correction, with <paramref name="Basis"/>).</param>
public sealed record BulkPublish<TContent>(string? RegionCode, IReadOnlyList<BulkItem<TContent>> Entries, DateTimeOffset? EffectiveAt, string? Note,
    string Reason, string? Basis = null);

/// <summary>What a bulk publication published: each item, by its index in the request, at version 1.</summary>
public sealed record BulkPublished(string List, string RegionCode, DateTimeOffset EffectiveAt, int Count, IReadOnlyList<BulkPublishedItem> Items);

/// <param name="Index">The item's place in the request's <c>entries</c>.</param>
public sealed record BulkPublishedItem(int Index, Guid Id, string Code, int Version);

public static class BulkPublication
{
    /// <summary>
    /// The most entries one request takes: a city's whole base catalogue (许昌市 has about 1,450 items) with room to spare. More is
    /// refused as a whole (400 <c>too-many</c> on <c>entries</c>): split it, each part all or nothing.
    /// </summary>
    public const int MaxItems = 2_000;

    /// <summary>The largest body a bulk publication takes: <see cref="MaxItems"/> implementation-sized items; every other operation keeps <see cref="RequestHygiene.MaxBodyBytes"/>.</summary>
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>The problem code of a refused bulk publication with more than one refused element (one alone gives its own code).</summary>
    public const string NotPublishable = "bulk-not-publishable";
}

public sealed partial class ListEndpoints<TContent>
{
    /// <summary>
    /// Drafts, submits and publishes up to 2,000 new items of the caller's region at once, all or nothing, under every rule of the single
    /// draft, submission and publication. A refusal writes nothing and lists every refused element (<c>entries[17].content.name</c>): 400
    /// when any element is malformed or repeats a code of the request, otherwise 422. Answers each item's id at version 1.
    /// </summary>
    public async Task<IResult> Bulk(BulkPublish<TContent> command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMartenOutbox outbox)
    {
        var ct = http.RequestAborted;
        var now = clock.GetUtcNow();
        var caller = Caller.Required(user);
        var regionCode = command.RegionCode ?? (list.KeyedByCodeAlone ? caller.RegionCode : null);
        var input = new Validation();
        RegionCode.CheckCurrent(input, "regionCode", regionCode);
        input.Text("reason", command.Reason, 500);
        var publish = new Publish(command.EffectiveAt, command.Note, command.Reason, command.Basis);
        var effectiveAt = PublicationWrites.CheckPublish(input, publish, now);
        input.List("entries", command.Entries, BulkPublication.MaxItems);
        if (input.Failed) return input.Problem();
        if (regionCode != caller.RegionCode)
            return Problems.Forbidden("other-region", $"A department of {caller.RegionCode} drafts items of its own region only.");
        if (!PublicationAccess.MayPublishIn(caller, regionCode!))
            return Problems.Forbidden("not-entry-editor", "Only the region's catalogue manager may publish; a bulk publication drafts and publishes at once.");

        // Malformed elements and codes repeated within the request (400), then what the store and the regulations refuse (422):
        // all of them in one answer, each element checked by the single path's own rules.
        var entries = command.Entries;
        var malformed = new List<FieldError>();
        var sound = new List<int>(entries.Count);
        var firstWithCode = new Dictionary<string, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { } entry)
            {
                malformed.Add(new($"entries[{i}]", "required", "is required."));
                continue;
            }
            var element = new Validation();
            list.CheckCode(element, entry.Code);
            list.Check(element, entry.Content);
            malformed.AddRange(Within(i, element.Errors));
            if (entry.Code is { } code && !firstWithCode.TryAdd(code, i))
                malformed.Add(new($"entries[{i}].code", list.DuplicateCodeProblem, $"entries[{firstWithCode[code]}] has the code {code} already."));
            else if (!element.Failed) sound.Add(i);
        }

        var refused = new List<FieldError>();
        var taken = await list.CodesTaken(session, regionCode!, [.. sound.Select(i => entries[i].Code)], ct);
        refused.AddRange(sound.Where(i => taken.Contains(entries[i].Code))
            .Select(i => new FieldError($"entries[{i}].code", list.DuplicateCodeProblem, CodeTaken(entries[i].Code, regionCode!))));
        refused.AddRange(await Derivation.Refusals(session, list.Name,
            [.. sound.Where(i => entries[i].DerivedFrom is not null).Select(i => ($"entries[{i}].derivedFrom", entries[i].DerivedFrom!.Value))],
            regionCode!, list.DerivedNotPublishedProblem, ct));

        var items = new List<(int Index, ItemDrafted<TContent> Drafted, ItemSubmittedForReview<TContent> Submitted, ListItem<TContent> Reviewed, ItemPublished<TContent> Published)>(sound.Count);
        var references = new List<ListReference>();
        foreach (var i in sound)
        {
            var entry = entries[i];
            var id = Guid.CreateVersion7();
            var drafted = new ItemDrafted<TContent>(id, regionCode!, entry.Code, caller.DepartmentId, caller.DepartmentCode, entry.DerivedFrom,
                entry.Content, caller.DepartmentCode, now);
            var submitted = new ItemSubmittedForReview<TContent>(id, caller.DepartmentCode, now);
            var draft = ListItem<TContent>.Started(drafted);
            if (Refusal(i, LifecycleRules.CanSubmit(draft.Lifecycle)) is { } notSubmittable)
            {
                refused.Add(notSubmittable);
                continue;
            }
            var reviewed = draft.After(submitted);
            var before = refused.Count;
            if (Refusal(i, LifecycleRules.CanPublish(reviewed.Lifecycle, effectiveAt, now)) is { } notPublishable) refused.Add(notPublishable);
            refused.AddRange(Within(i, list.RefusalsToPublish(entry.Content)));
            if (list.RefusalAtPublish is { } atPublish
                && Refusal(i, await atPublish(session, entry.Content, Clocks.Current(effectiveAt, now), ct)) is { } notNow)
                refused.Add(notNow);
            references.AddRange(list.References(entry.Content).Select(r => r with { Field = $"entries[{i}].{r.Field}" }));
            if (refused.Count == before) items.Add((i, drafted, submitted, reviewed, PublishedEvent(reviewed, publish, caller, effectiveAt, now)));
        }
        refused.AddRange(await PublishRefusals.NotInForce(session, references, effectiveAt, ct));

        if (malformed.Count > 0 || refused.Count > 0)
            return BulkRefusal(malformed, refused, entries.Count);

        outbox.Enroll(session);
        foreach (var item in items)
        {
            session.Events.StartStream<ListItem<TContent>>(item.Drafted.Id, item.Drafted, item.Submitted, item.Published);
            // Subscribers hear of each publication as of a single one, through the outbox, in this transaction.
            if (ChangeNotices.Of(item.Reviewed, item.Published) is { } notice) await outbox.PublishAsync(notice);
        }
        session.Record(caller, command.Reason, http);
        var answer = Idempotency.Ok(session, http, new BulkPublished(list.Name, regionCode!, effectiveAt, items.Count,
            [.. items.Select(item => new BulkPublishedItem(item.Index, item.Drafted.Id, item.Drafted.Code, item.Published.Version))]));
        await session.SaveChangesAsync(ct);
        return answer;
    }

    private static IEnumerable<FieldError> Within(int index, IEnumerable<FieldError> errors) =>
        errors.Select(e => e with { Field = $"entries[{index}].{e.Field}" });

    /// <summary>A lifecycle or list refusal, written as a single write's problem, as one element's error.</summary>
    private static FieldError? Refusal(int index, IResult? problem) =>
        problem is not Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult { ProblemDetails: var details } ? null
        : new FieldError(details.Extensions.TryGetValue("field", out var field) && field is string f ? $"entries[{index}].{f}" : $"entries[{index}]",
            details.Extensions["code"] as string ?? "refused", details.Detail ?? details.Title ?? "");

    /// <summary>
    /// One problem for the whole request, every refused element in <c>errors</c> in the request's order: 400 when any element is
    /// malformed (the 422 refusals of the others are listed too), else 422; one element's own code when it alone is refused.
    /// </summary>
    private static IResult BulkRefusal(List<FieldError> malformed, List<FieldError> refused, int count)
    {
        var errors = malformed.Concat(refused).OrderBy(e => IndexOf(e.Field)).ToList();
        var elements = errors.Select(e => IndexOf(e.Field)).Distinct().Count();
        var detail = $"{elements} of {count} entries are refused; nothing was written. errors lists each.";
        return malformed.Count > 0
            ? Problems.Result(Problems.Details(StatusCodes.Status400BadRequest, errors.Count == 1 ? errors[0].Code : "validation-failed",
                "The request is invalid.", detail, errors[0].Field, errors))
            : Problems.Rule(errors.Count == 1 ? errors[0].Code : BulkPublication.NotPublishable, detail, errors[0].Field, errors);
    }

    /// <summary>The element index of a field <c>entries[i]…</c>.</summary>
    private static int IndexOf(string field) => int.Parse(field.AsSpan()["entries[".Length..field.IndexOf(']')]);
}
