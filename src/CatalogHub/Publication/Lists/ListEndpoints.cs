using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Wolverine;
using Wolverine.Marten;

namespace CatalogHub.Publication.Lists;

/// <summary>Starts a new item of a list as a draft of the caller's department, in the caller's region.</summary>
/// <param name="RegionCode">The caller's region; a list keyed by code alone (licence types) takes it from the caller when omitted.</param>
/// <param name="Code">The item's code, unique in its region and list among items that are not closed.</param>
/// <param name="DerivedFrom">For a county item taken over from the city (承接): the city item it derives from.</param>
public sealed record DraftItem<TContent>(string? RegionCode, string Code, TContent Content, Guid? DerivedFrom, string Reason);

/// <summary>Replaces the pending draft (If-Match: the version read).</summary>
public sealed record ReviseItem<TContent>(TContent Content, string Reason);

/// <summary>
/// The HTTP operations of one registered list, mapped once per list from its <see cref="ListDefinition{TContent}"/>: the
/// same lifecycle, reads and problems for every list. These are minimal-API endpoints (Wolverine discovers endpoints on
/// concrete classes only, and one class per list would copy the lifecycle), so each write commits its own session here,
/// once, where a Wolverine endpoint would let the transactional middleware do it; the commit comes before the response
/// is written, as <see cref="Idempotency"/> requires.
/// </summary>
public sealed partial class ListEndpoints<TContent>(ListDefinition<TContent> list) where TContent : class
{
    public const int MaxPageSize = 200;

    // The writes and the record diff are public: the department console (Site) calls these same functions, so its rules,
    // problems and If-Match check are the API's. (A comment, not the summary: the summary is part of every operation's description.)

    private string What => $"The {list.Noun} item";

    public void Map(IEndpointRouteBuilder app)
    {
        var route = list.Route;
        var draftView = list.DraftView.Type;
        var publishedView = list.PublishedView.Type;
        int[] change = [StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity];

        // The codes of this list's own rules, declared on its rule methods, for the API document; the lifecycle's and the pipeline's
        // are added by convention (OperationDocs).
        object[] shape = [.. CodesOf(list.Check)];
        object[] refusals = [.. CodesOf(list.RefusalsToPublish), .. CodesOf(list.RefusalAtPublish)];
        if (!list.DraftedElsewhere)
            Described(app.MapPost(route, Draft).RequireAuthorization(list.DraftPolicy), "POST", route, draftView, StatusCodes.Status201Created,
                [StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity]).WithMetadata([new IdempotentAttribute(),
                .. shape, .. CodesOf(list.CheckCode), new ProblemCodesAttribute(StatusCodes.Status400BadRequest, "invalid-region-code", "unknown-region"),
                new ProblemCodesAttribute(StatusCodes.Status403Forbidden, "other-region"),
                new ProblemCodesAttribute(StatusCodes.Status409Conflict, list.DuplicateCodeProblem),
                new ProblemCodesAttribute(StatusCodes.Status422UnprocessableEntity, "derived-item-not-published", "derivation-not-from-parent-region")]);
        if (list.PublishesInBulk)
            // Both policies: it drafts and publishes; inside, only the region's catalogue manager passes (PublicationAccess.MayPublishIn).
            Described(app.MapPost($"{route}/bulk", Bulk).RequireAuthorization(list.DraftPolicy, list.WritePolicy), "POST", $"{route}/bulk",
                    typeof(BulkPublished), StatusCodes.Status200OK,
                    [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity])
                .WithMetadata([new IdempotentAttribute(), new RequestBodyLimit(BulkPublication.MaxBodyBytes), .. shape, .. CodesOf(list.CheckCode), .. refusals,
                    new ProblemCodesAttribute(StatusCodes.Status400BadRequest, "invalid-region-code", "unknown-region", list.DuplicateCodeProblem),
                    new ProblemCodesAttribute(StatusCodes.Status403Forbidden, "other-region", "not-entry-editor"),
                    // One refused element answers with its own code, several with bulk-not-publishable.
                    new ProblemCodesAttribute(StatusCodes.Status422UnprocessableEntity, BulkPublication.NotPublishable, list.DuplicateCodeProblem,
                        "derived-item-not-published", "derivation-not-from-parent-region", "reference-not-in-force")]);
        Write(app.MapPut($"{route}/{{id}}/draft", Revise), "PUT", $"{route}/{{id}}/draft", draftView, StatusCodes.Status200OK,
            [StatusCodes.Status400BadRequest, .. change]).WithMetadata(shape);
        foreach (var (verb, handler) in new (string, Delegate)[] { ("submit", Submit), ("withdraw", Withdraw), ("publish", Publish), ("repeal", Repeal),
                     ("cancel-schedule", CancelSchedule), ("reschedule", Reschedule) })
            Write(app.MapPost($"{route}/{{id}}/{verb}", handler), "POST", $"{route}/{{id}}/{verb}", draftView, StatusCodes.Status200OK,
                [StatusCodes.Status403Forbidden, .. change]).WithMetadata(verb == "publish" ? refusals : []);

        Read(app.MapGet(list.DraftsRoute, Drafts), list.DraftsRoute, typeof(IReadOnlyList<>).MakeGenericType(draftView))
            .RequireAuthorization(list.WritePolicy);
        Read(app.MapGet($"{route}/{{id}}/draft", GetDraft), $"{route}/{{id}}/draft", draftView, StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Authenticated);
        // What is published and its history may come from the standby (StandbyReads); drafts are read where they are written.
        Read(app.MapGet($"{route}/{{id}}/history", History), $"{route}/{{id}}/history", typeof(ItemHistory), StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Authenticated).WithMetadata(Standby);
        Read(app.MapGet($"{route}/{{id}}", AsOf), $"{route}/{{id}}", publishedView, StatusCodes.Status400BadRequest,
            StatusCodes.Status404NotFound).AllowAnonymous().WithMetadata(Standby, CitationProofCodes, NotInForceCodes);
        Read(app.MapGet($"{route}/{{id}}/versions", Versions), $"{route}/{{id}}/versions", typeof(VersionList), StatusCodes.Status404NotFound)
            .AllowAnonymous().WithMetadata(Standby);
        Read(app.MapGet($"{route}/{{id}}/record-diff", RecordDiff), $"{route}/{{id}}/record-diff", typeof(RecordDiff), StatusCodes.Status400BadRequest)
            .AllowAnonymous().WithMetadata(Standby, new ProblemCodesAttribute(StatusCodes.Status400BadRequest, "required"));
        Read(app.MapGet($"{route}/{{id}}/diff", VersionDiff), $"{route}/{{id}}/diff", typeof(VersionDiff), StatusCodes.Status400BadRequest,
            StatusCodes.Status404NotFound).RequireAuthorization(Policies.Auditor).WithMetadata(Standby, CitationProofCodes);
        if (list.RegionDiffRoute is { } regionDiff)
            Read(app.MapGet(regionDiff, RegionDiff), regionDiff, typeof(RegionDiff), StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
                .RequireAuthorization(Policies.Auditor).WithMetadata(Standby, CitationProofCodes, new ProblemCodesAttribute(StatusCodes.Status400BadRequest, "required", "out-of-range"));
        Read(app.MapGet($"{route}/{{id}}/versions/{{version}}", OneVersion), $"{route}/{{id}}/versions/{{version}}", publishedView,
            StatusCodes.Status404NotFound).AllowAnonymous().WithMetadata(Standby);
        if (list.RegionRoute is not { } region) return;
        Read(app.MapGet(region, InForce), region, typeof(ItemPage<TContent>), StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .AllowAnonymous().WithMetadata(Standby, CitationProofCodes, new ProblemCodesAttribute(StatusCodes.Status400BadRequest, "out-of-range"));
        Read(app.MapGet($"{region}/{{code}}", InForceOfCode), $"{region}/{{code}}", publishedView, StatusCodes.Status400BadRequest,
                StatusCodes.Status404NotFound)
            .AllowAnonymous().WithMetadata([Standby, .. CodesOf(list.CheckCode), new ProblemCodesAttribute(StatusCodes.Status404NotFound, "not-in-force")]);
    }

    private static readonly ReadsFromStandbyAttribute Standby = new();

    /// <summary>The problem codes a rule of the list declares (<see cref="ProblemCodesAttribute"/> on its method); none for a rule that refuses nothing.</summary>
    private static IEnumerable<object> CodesOf(Delegate? rule) => rule?.Method.GetCustomAttributes<ProblemCodesAttribute>() ?? [];

    /// <summary>A read that proves its citations on request (<c>inclusionProofs</c>, <c>checkpoint</c>).</summary>
    private static readonly ProblemCodesAttribute CitationProofCodes = new(typeof(Audit.Log.CitationProof), nameof(Audit.Log.CitationProof.Check));

    /// <summary>An "as of" read's 404 when the item exists but has no version in force then (<see cref="AsOfReads"/>).</summary>
    private static readonly ProblemCodesAttribute NotInForceCodes = new(StatusCodes.Status404NotFound, "repealed", "not-in-force");

    private RouteHandlerBuilder Write(RouteHandlerBuilder route, string method, string path, Type ok, int status, params int[] problems) =>
        Described(route.RequireAuthorization(list.WritePolicy), method, path, ok, status, problems);

    private RouteHandlerBuilder Read(RouteHandlerBuilder route, string path, Type ok, params int[] problems) =>
        Described(route, "GET", path, ok, StatusCodes.Status200OK, problems);

    /// <summary>Operation ids in the form Wolverine gives its endpoints (<c>POST_promises_id_publish</c>), so every list reads alike.</summary>
    private RouteHandlerBuilder Described(RouteHandlerBuilder route, string method, string path, Type ok, int status, int[] problems)
    {
        route.WithName($"{method}{path.Replace("{", "").Replace("}", "").Replace('/', '_').Replace('-', '_')}")
            .WithTags(list.Title).WithSummary(Summary(method, path)).Produces(status, ok);
        foreach (var problem in problems) route.ProducesProblem(problem);
        return route;
    }

    /// <summary>The operation's summary in the API document, naming the list as people call it.</summary>
    private string Summary(string method, string path) => (method, path[(path.LastIndexOf('/') + 1)..]) switch
    {
        _ when path == list.RegionRoute => $"A region's items in force: {list.Title}",
        _ when path == $"{list.RegionRoute}/{{code}}" => $"A region's item of one code in force at asOf as known at knownAt, with its citation: {list.Title}",
        _ when path == list.RegionDiffRoute => $"A region's items at two instants compared: added, changed (with their fields), repealed: {list.Title}",
        _ when path == list.DraftsRoute => $"Items with pending work the caller may edit: {list.Title}",
        ("POST", _) when path == list.Route => $"Draft a new item: {list.Title}",
        ("POST", "bulk") => $"Draft and publish many new items of a region at once, all or nothing: {list.Title}",
        ("PUT", "draft") => $"Replace an item's pending draft: {list.Title}",
        ("GET", "draft") => $"An item's pending draft: {list.Title}",
        ("POST", "submit") => $"Submit an item's draft for review: {list.Title}",
        ("POST", "withdraw") => $"Withdraw an item's pending draft: {list.Title}",
        ("POST", "publish") => $"Publish an item's reviewed draft as its next version, or as a correction of the past: {list.Title}",
        ("POST", "repeal") => $"Repeal a published item, from now on or as a correction of the past: {list.Title}",
        ("POST", "cancel-schedule") => $"Cancel a version or repeal not yet in effect: {list.Title}",
        ("POST", "reschedule") => $"Move a version or repeal not yet in effect to another time: {list.Title}",
        ("GET", "history") => $"Every event of an item, drafts included: {list.Title}",
        ("GET", "record-diff") => $"What the record said at knownAt about asOf, beside what it says now: {list.Title}",
        ("GET", "diff") => $"Two published versions of an item compared field by field: {list.Title}",
        ("GET", "versions") => $"An item's versions published by knownAt and its repeals: {list.Title}",
        ("GET", "{version}") => $"One published version of an item: {list.Title}",
        _ => $"The item's version in force at asOf as known at knownAt, with its citation: {list.Title}",
    };

    public async Task<IResult> Draft(DraftItem<TContent> command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var caller = Caller.Required(user);
        var regionCode = command.RegionCode ?? (list.KeyedByCodeAlone ? caller.RegionCode : null);
        var input = new Validation();
        list.CheckCode(input, command.Code);
        RegionCode.CheckCurrent(input, "regionCode", regionCode);
        list.Check(input, command.Content);
        input.Text("reason", command.Reason, 500);
        if (input.Failed) return input.Problem();

        if (regionCode != caller.RegionCode)
            return Problems.Forbidden("other-region", $"A department of {caller.RegionCode} drafts items of its own region only.");
        if ((await list.CodesTaken(session, regionCode!, [command.Code], http.RequestAborted)).Count > 0)
            return Problems.Conflict(list.DuplicateCodeProblem, CodeTaken(command.Code, regionCode!), "code");
        if (command.DerivedFrom is { } source
            && await Derivation.Refusal(session, list.Name, source, regionCode!, list.DerivedNotPublishedProblem, http.RequestAborted) is { } refused)
            return refused;

        var id = Guid.CreateVersion7();
        var drafted = new ItemDrafted<TContent>(id, regionCode!, command.Code, caller.DepartmentId, caller.DepartmentCode,
            command.DerivedFrom, command.Content, caller.DepartmentCode, clock.GetUtcNow());
        session.Events.StartStream<ListItem<TContent>>(id, drafted);
        session.Record(caller, command.Reason, http);
        http.SetETag(1);
        var created = Idempotency.Created(session, http, $"{list.Route}/{id}/draft", View(ListItem<TContent>.Started(drafted), 1));
        await session.SaveChangesAsync(http.RequestAborted);
        return created;
    }

    private string CodeTaken(string code, string regionCode) =>
        $"A {list.Noun} item {code} already exists{(list.KeyedByCodeAlone ? "" : $" in {regionCode}")}.";

    public Task<IResult> Revise(Guid id, ReviseItem<TContent> command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var input = new Validation();
        list.Check(input, command.Content);
        return Committed(session, http, PublicationWrites.Revise<ListItem<TContent>>(id, command.Reason, input, http, user, session, clock,
            (by, now) => new ItemDraftRevised<TContent>(id, command.Content, by, now), View));
    }

    public Task<IResult> Submit(Guid id, SubmitForReview command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        Committed(session, http, PublicationWrites.Submit<ListItem<TContent>>(id, command, http, user, session,
            (_, caller) => new ItemSubmittedForReview<TContent>(id, caller.DepartmentCode, clock.GetUtcNow()), View));

    public Task<IResult> Withdraw(Guid id, WithdrawDraft command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        Committed(session, http, PublicationWrites.Withdraw<ListItem<TContent>>(id, command, http, user, session,
            (_, caller) => new ItemDraftWithdrawn<TContent>(id, caller.DepartmentCode, clock.GetUtcNow()), View));

    /// <summary>Subscribers hear of publications and repeals through Wolverine's outbox, enrolled in this session's transaction.</summary>
    public Task<IResult> Publish(Guid id, Publish command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMartenOutbox outbox)
    {
        outbox.Enroll(session);
        return Committed(session, http, Published(id, command, http, user, session, clock.GetUtcNow(), outbox));
    }

    /// <summary>
    /// The publish decision and its events, queued on <paramref name="session"/> for the caller to commit; the benchmark's domain
    /// path calls it without a message bus (<paramref name="outbox"/> null: no change notice).
    /// </summary>
    public async Task<IResult> Published(Guid id, Publish command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, DateTimeOffset now,
        IMessageBus? outbox)
    {
        using var span = HubTracing.StartPublish(list.Route);
        return HubTracing.Answered(span, await PublicationWrites.Publish<ListItem<TContent>>(id, command, http, user, session, now,
            async (item, effectiveAt) => PublishRefusals.Of(list.RefusalsToPublish(item.Draft))
                ?? (list.RefusalAtPublish is { } refusal ? await refusal(session, item.Draft, Clocks.Current(effectiveAt, now), http.RequestAborted) : null)
                ?? await PublishRefusals.ReferencesNotInForce(session, list.References(item.Draft), effectiveAt, http.RequestAborted),
            (item, caller, effectiveAt) => HubTracing.Published(span, PublishedEvent(item, command, caller, effectiveAt, now)), View, outbox));
    }

    /// <summary>The reviewed draft of <paramref name="item"/> published as its next version (a single publication's, or each of a bulk one's).</summary>
    private static ItemPublished<TContent> PublishedEvent(ListItem<TContent> item, Publish command, Caller caller, DateTimeOffset effectiveAt,
        DateTimeOffset now) =>
        new(item.Id, item.Lifecycle.LatestVersion + 1, item.RegionCode, item.Code, item.DerivedFrom, item.Draft, effectiveAt, command.Note,
            caller.DepartmentCode, now, item.OwnerDepartmentCode, command.Basis);

    public Task<IResult> Repeal(Guid id, Repeal command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IMartenOutbox outbox)
    {
        var now = clock.GetUtcNow();
        outbox.Enroll(session);
        return Committed(session, http, PublicationWrites.Repeal<ListItem<TContent>>(id, command, http, user, session, now,
            (_, caller, effectiveAt) => new ItemRepealed<TContent>(id, effectiveAt, command.Reason, command.Basis, caller.DepartmentCode, now), View,
            outbox));
    }

    public Task<IResult> CancelSchedule(Guid id, CancelScheduled command, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, IMartenOutbox outbox)
    {
        var now = clock.GetUtcNow();
        outbox.Enroll(session);
        return Committed(session, http, PublicationWrites.CancelScheduled<ListItem<TContent>>(id, command, http, user, session, now,
            (caller, point) => new ItemScheduleCancelled<TContent>(id, point.Version, point.EffectiveAt, command.Reason, command.Basis, caller.DepartmentCode, now),
            View, outbox));
    }

    public Task<IResult> Reschedule(Guid id, Reschedule command, HttpContext http, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, IMartenOutbox outbox)
    {
        var now = clock.GetUtcNow();
        outbox.Enroll(session);
        return Committed(session, http, PublicationWrites.Reschedule<ListItem<TContent>>(id, command, http, user, session, now,
            (caller, point, to) => new ItemRescheduled<TContent>(id, point.Version, point.EffectiveAt, to, command.Reason, command.Basis,
                caller.DepartmentCode, now), View, outbox));
    }

    private static async Task<IResult> Committed(IDocumentSession session, HttpContext http, Task<IResult> change)
    {
        var result = await change;
        await session.SaveChangesAsync(http.RequestAborted);
        return result;
    }

    private object View(ListItem<TContent> item, long version) => list.DraftView.Of(ItemDraftView<TContent>.Of(list.Name, item, version));

    private object Published(ItemVersion<TContent> version) => list.PublishedView.Of(PublishedItemView<TContent>.From(version));

    /// <summary>Items with pending work the caller may edit: its own department's, plus, for a catalogue manager, its region's.</summary>
    private async Task<IReadOnlyList<object>> Drafts(ClaimsPrincipal user, IQuerySession session, HttpContext http) =>
        [.. (await Pending(Caller.Required(user), session, http.RequestAborted)).Select(i => View(i, i.Version))];

    /// <summary>Items with pending work the caller may edit (the drafts operation and the department console both list these).</summary>
    public static async Task<IReadOnlyList<ListItem<TContent>>> Pending(Caller caller, IQuerySession session, CancellationToken ct)
    {
        var manager = caller.Has(Role.CatalogueManager);
        return await session.Query<ListItem<TContent>>()
            .Where(i => i.Lifecycle.Stage == Stage.Drafting || i.Lifecycle.Stage == Stage.InReview)
            .Where(i => i.OwnerDepartmentId == caller.DepartmentId || (manager && i.RegionCode == caller.RegionCode))
            .OrderBy(i => i.Code)
            .Take(1000)
            .ToListAsync(ct);
    }

    private Task<IResult> GetDraft(Guid id, ClaimsPrincipal user, IQuerySession session, HttpContext http) =>
        DraftReads.Read<ListItem<TContent>>(id, user, session, http, What, i => i.Version, View);

    private async Task<IResult> History(Guid id, ClaimsPrincipal user, IQuerySession session, HttpContext http) =>
        await Publication.History.Read<ListItem<TContent>>(id, user, session, http.RequestAborted) is { } events
            ? TypedResults.Ok(new ItemHistory(id, events))
            : Problems.NotFound(What);

    /// <summary>
    /// The version in legal force at <c>asOf</c> as the record stood at <c>knownAt</c> (both now when omitted), citing it. With <c>inclusionProofs=true</c>, also the
    /// citation's inclusion proof against the latest signed checkpoint, or the one of <c>checkpoint</c> leaves.
    /// </summary>
    private async Task<IResult> AsOf(Guid id, string? asOf, string? knownAt, bool? inclusionProofs, long? checkpoint, IQuerySession session,
        TimeProvider clock, HttpContext http)
    {
        if (!Instants.TryParseClocks(asOf, knownAt, clock.GetUtcNow(), out var clocks, out var problem)) return problem!;
        var input = new Validation();
        Audit.Log.CitationProof.Check(input, inclusionProofs, checkpoint);
        if (input.Failed) return input.Problem();
        var found = await AsOfReads.Read<ItemVersion<TContent>, ItemRepeal>(session, list.Name, list.VersionsTable, id, clocks, http.RequestAborted);
        return AsOfReads.Answer(found, id, clocks.AsOf, clocks.KnownAt, Published, inclusionProofs, checkpoint);
    }

    /// <summary>
    /// The auditor's question after a correction: what was in force at <c>asOf</c> as the record stood at <c>knownAt</c>
    /// (required), beside what the record says now, and the content fields that differ. Each side cites its version or names
    /// why there is none (<c>repealed</c>, <c>not-in-force</c>).
    /// </summary>
    public async Task<IResult> RecordDiff(Guid id, string? asOf, [Required] string? knownAt, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var now = clock.GetUtcNow();
        if (!Instants.TryParseClocks(asOf, knownAt, now, out var then, out var problem)) return problem!;
        var input = new Validation();
        input.Check(!string.IsNullOrWhiteSpace(knownAt), "knownAt", "required", "is required: the record's instant to compare with now.");
        if (input.Failed) return input.Problem();
        var current = Clocks.Current(then.AsOf, now);
        var before = await AsOfReads.Read<ItemVersion<TContent>, ItemRepeal>(session, list.Name, list.VersionsTable, id, then, http.RequestAborted);
        var after = await AsOfReads.Read<ItemVersion<TContent>, ItemRepeal>(session, list.Name, list.VersionsTable, id, current, http.RequestAborted);
        static string? Why(AsOf<ItemVersion<TContent>, ItemRepeal> a, DateTimeOffset at) =>
            a.InForce is not null ? null : a.Repeal is { } r && r.EffectiveAt <= at ? "repealed" : "not-in-force";
        JsonElement? Content(ItemVersion<TContent>? v) => v is null ? null : JsonSerializer.SerializeToElement(v.Content, ApiJson.Options);
        var changes = JsonDiff.Of(Content(before.InForce), Content(after.InForce));
        return TypedResults.Ok(new RecordDiff(id, then.AsOf, then.KnownAt, now, before.InForce?.Citation, Why(before, then.AsOf), after.InForce?.Citation,
            Why(after, then.AsOf), before.InForce?.Citation.Version != after.InForce?.Citation.Version || changes.Count > 0, changes));
    }

    /// <summary>
    /// Two published versions of an item (<c>from</c>, <c>to</c>: version numbers, either order) compared field by field, each cited;
    /// with <c>inclusionProofs=true</c>, both citations proven. Auditors only.
    /// </summary>
    private async Task<IResult> VersionDiff(Guid id, [Required] int? from, [Required] int? to, bool? inclusionProofs, long? checkpoint, IQuerySession session, HttpContext http)
    {
        var input = new Validation();
        foreach (var (field, version) in new[] { ("from", from), ("to", to) })
            if (input.Check(version is not null, field, "required", "is required: a version number of the item."))
                input.Check(version >= 1, field, "out-of-range", "must be at least 1.");
        Audit.Log.CitationProof.Check(input, inclusionProofs, checkpoint);
        if (input.Failed) return input.Problem();
        var found = await session.LoadManyAsync<ItemVersion<TContent>>(http.RequestAborted, ItemVersion<TContent>.IdOf(id, from!.Value), ItemVersion<TContent>.IdOf(id, to!.Value));
        if (found.FirstOrDefault(v => v.Version == from) is not { } older) return Problems.NotFound($"Version {from} of the {list.Noun} item");
        if (found.FirstOrDefault(v => v.Version == to) is not { } newer) return Problems.NotFound($"Version {to} of the {list.Noun} item");
        return Audit.Log.CitationProof.Answer(ListDiffs.Versions(older, newer), inclusionProofs, checkpoint, [older.Sequence, newer.Sequence]);
    }

    /// <summary>
    /// A region's items of this list in force at <c>from</c> and at <c>to</c> (the legal clock; <c>from</c> before <c>to</c>), both as
    /// the record stood at <c>knownAt</c> (now when omitted), compared: added, changed (with the fields that differ) and repealed
    /// items, each citing its versions and repeal; with <c>inclusionProofs=true</c>, every version and repeal it cites proven. Auditors only.
    /// </summary>
    private async Task<IResult> RegionDiff(string regionCode, [Required] string? from, [Required] string? to, string? knownAt, bool? inclusionProofs,
        long? checkpoint, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        if (RegionCode.NoSuchRegion(regionCode) is { } unknown) return unknown;
        var input = new Validation();
        RegionCode.CheckKnown(input, "regionCode", regionCode);
        input.Check(!string.IsNullOrWhiteSpace(from), "from", "required", "is required: the earlier instant of the legal clock.");
        input.Check(!string.IsNullOrWhiteSpace(to), "to", "required", "is required: the later instant of the legal clock.");
        if (input.Failed) return input.Problem();
        var now = clock.GetUtcNow();
        if (!Instants.TryParse(from, now, out var since, out var badFrom, "from")) return badFrom!;
        if (!Instants.TryParse(to, now, out var until, out var badTo, "to")) return badTo!;
        if (!Instants.TryParseClocks(null, knownAt, now, out var record, out var badKnownAt)) return badKnownAt!;
        input.Check(since < until, "to", "out-of-range", "must be after from.");
        Audit.Log.CitationProof.Check(input, inclusionProofs, checkpoint);
        if (input.Failed) return input.Problem();
        var diff = await ListDiffs.Region<TContent>(session, list.Name, list.VersionsTable, regionCode, record with { AsOf = since },
            record with { AsOf = until }, http.RequestAborted);
        return Audit.Log.CitationProof.Answer(diff, inclusionProofs, checkpoint, diff.Added.Concat(diff.Changed).Concat(diff.Repealed)
            .SelectMany(c => new[] { c.From?.Sequence, c.To?.Sequence, c.Repeal?.Sequence }).OfType<long>());
    }

    private Task<IResult> Versions(Guid id, string? knownAt, IQuerySession session, TimeProvider clock, HttpContext http) =>
        Instants.TryParseClocks(null, knownAt, clock.GetUtcNow(), out var clocks, out var problem)
            ? AsOfReads.Versions<ItemVersion<TContent>, ItemRepeal>(session, list.VersionsTable, "item_id", id, $"A published {list.Noun} item",
                clocks, http.RequestAborted)
            : Task.FromResult(problem!);

    private async Task<IResult> OneVersion(Guid id, int version, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<ItemVersion<TContent>>(ItemVersion<TContent>.IdOf(id, version), http.RequestAborted) is { } found
            ? TypedResults.Ok(Published(found))
            : Problems.NotFound($"Version {version} of the {list.Noun} item");

    /// <summary>
    /// The region's item of <c>code</c> in force at <c>asOf</c> as known at <c>knownAt</c> (both now when omitted), citing its version: what
    /// a case-handling system asks with the codes it holds (an implementation list by its catalogue item's code, 411000 and 000147011000)
    /// rather than the item's id. 404 <c>not-in-force</c> when the region has none of that code in force then. A code spelt like the
    /// route's own <c>diff</c> is not read here: find it in the region's listing.
    /// </summary>
    private async Task<IResult> InForceOfCode(string regionCode, string code, string? asOf, string? knownAt, IQuerySession session,
        TimeProvider clock, HttpContext http)
    {
        if (RegionCode.NoSuchRegion(regionCode) is { } unknown) return unknown;
        var input = new Validation();
        RegionCode.CheckKnown(input, "regionCode", regionCode);
        list.CheckCode(input, code);
        if (!Instants.TryParseClocks(asOf, knownAt, clock.GetUtcNow(), out var clocks, out var badInstant)) return badInstant!;
        if (input.Failed) return input.Problem();
        return await RegionReads.InForceOfCode<ItemVersion<TContent>>(session, list.Name, list.VersionsTable, regionCode, code, clocks,
                http.RequestAborted) is { } found
            ? TypedResults.Ok(Published(found))
            : Problems.Of(StatusCodes.Status404NotFound, "not-in-force", "No published version was in force at that instant.",
                $"{regionCode} has no {list.Noun} item {code} in force at {clocks.AsOf:O} as known at {clocks.KnownAt:O}.", "code");
    }

    /// <summary>
    /// A region's items of this list in force at <c>asOf</c> as known at <c>knownAt</c> (both now when omitted), in code order, each citing its
    /// version; with <c>inclusionProofs=true</c>, every citation of the page proven.
    /// </summary>
    private async Task<IResult> InForce(string regionCode, string? asOf, string? knownAt, int? page, int? pageSize, bool? inclusionProofs, long? checkpoint,
        IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var input = new Validation();
        if (RegionCode.NoSuchRegion(regionCode) is { } unknown) return unknown;
        RegionCode.CheckKnown(input, "regionCode", regionCode);
        var paging = Paging.Read(input, page, pageSize, MaxPageSize);
        Audit.Log.CitationProof.Check(input, inclusionProofs, checkpoint);
        if (!Instants.TryParseClocks(asOf, knownAt, clock.GetUtcNow(), out var clocks, out var badInstant)) return badInstant!;
        if (input.Failed) return input.Problem();

        var (total, rows) = await RegionReads.InForce<ItemVersion<TContent>>(session, list.Name, list.VersionsTable, regionCode, clocks, paging,
            http.RequestAborted);
        var answer = new ItemPage<TContent>(clocks.AsOf, clocks.KnownAt, total, paging.Page, paging.PageSize, [.. rows.Select(PublishedItemView<TContent>.From)]);
        return Audit.Log.CitationProof.Answer(answer, inclusionProofs, checkpoint, answer.Items.Select(i => i.Citation.Sequence));
    }
}

/// <summary>
/// What the record said at <c>KnownThen</c> about <c>AsOf</c>, beside what it says at <c>KnownNow</c>: each side's citation, or why
/// it has none (<c>repealed</c>, <c>not-in-force</c>); <c>Changed</c> when the version or its content differs; <c>Changes</c> the
/// content's fields that differ (JSON Pointers into <c>content</c>).
/// </summary>
public sealed record RecordDiff(Guid Id, DateTimeOffset AsOf, DateTimeOffset KnownThen, DateTimeOffset KnownNow, Citation? Then, string? ThenProblem,
    Citation? Now, string? NowProblem, bool Changed, IReadOnlyList<FieldChange> Changes);

/// <summary>Every event of an item, drafts included: for its editors and auditors only.</summary>
public sealed record ItemHistory(Guid Id, IReadOnlyList<RecordedEvent> Events);
