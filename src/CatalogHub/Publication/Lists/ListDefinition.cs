using System.Text.Json;
using System.Text.RegularExpressions;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace CatalogHub.Publication.Lists;

/// <summary>
/// What the shared lifecycle needs to know about one published list: its names, its content's rules, what its content
/// refers to. Everything else — events, the aggregate, versions, repeals, the HTTP operations, "as of" reads, the change
/// log, the validity intervals, the feed and the basis check's index — is the same for every list and lives once, here
/// and in <see cref="ListEndpoints{TContent}"/>. A list registers one instance in <see cref="ListRegistry"/>.
/// </summary>
public abstract partial class ListDefinition
{
    /// <param name="name">The list's name in citations, the change log and the feed (<c>proof-items</c>); never changes.</param>
    /// <param name="noun">The singular noun in PascalCase that names operations and events (<c>ProofItem</c>).</param>
    /// <param name="storageName">The snake_case stem of event type names and tables (<c>proof_item</c>); never changes.</param>
    /// <param name="title">How people call it, for the API document's tags (<c>证明事项清单 (proof items)</c>).</param>
    protected ListDefinition(string name, string noun, string storageName, string title)
    {
        (Name, Noun, StorageName, Title) = (name, noun, storageName, title);
        VersionsTable = $"{Hosting.SchemaName}.mt_doc_{storageName}_version";
        ItemsTable = $"{Hosting.SchemaName}.mt_doc_{storageName}";
        Route = $"/{name}";
        RegionRoute = $"/regions/{{regionCode}}/{name}";
    }

    public string Name { get; }
    public string Noun { get; }
    public string StorageName { get; }
    public string Title { get; }

    /// <summary>The base route of the list's items: <c>/{name}</c> unless a list kept an older route.</summary>
    public string Route { get; init; }

    /// <summary>
    /// A region's items in force: <c>/regions/{regionCode}/{name}</c> unless a list kept an older route; null for a list that
    /// serves its own listing there (the base catalogue's filters by category, department and name).
    /// </summary>
    public string? RegionRoute { get; init; }

    /// <summary>
    /// A region's items at two instants compared, for auditors: <c>{RegionRoute}/diff</c> unless a list serves its own listing
    /// (the base catalogue's is under <c>/regions/{regionCode}/catalogue</c>); null: none.
    /// </summary>
    public string? RegionDiffRoute { get => _regionDiffRoute ?? (RegionRoute is { } region ? $"{region}/diff" : null); init => _regionDiffRoute = value; }

    private readonly string? _regionDiffRoute;

    /// <summary>The caller's items with pending work: <c>{Route}/drafts</c> unless a list kept an older route.</summary>
    public string DraftsRoute { get => _draftsRoute ?? $"{Route}/drafts"; init => _draftsRoute = value; }

    private readonly string? _draftsRoute;

    /// <summary>Who may start a draft; by default a department that writes the catalogue.</summary>
    public string DraftPolicy { get; init; } = Policies.CatalogueWriter;

    /// <summary>Who may call the other writes (the owner or manager check inside each write still applies).</summary>
    public string WritePolicy { get; init; } = Policies.CatalogueWriter;

    /// <summary>
    /// True when an item's code is unique across regions, not within its region (a licence type's code is part of every
    /// licence identifier); the item then takes its region from the department that drafts it.
    /// </summary>
    public bool KeyedByCodeAlone { get; init; }

    /// <summary>The problem code of a draft whose code is taken.</summary>
    public string DuplicateCodeProblem { get; init; } = "duplicate-code";

    /// <summary>The problem code of a draft that derives from an item with no published version.</summary>
    public string DerivedNotPublishedProblem { get; init; } = "derived-item-not-published";

    /// <summary>
    /// True when the list takes a bulk publication at <c>POST {Route}/bulk</c> (<see cref="BulkPublish{TContent}"/>): every list
    /// drafted by code and content, which is the shared draft's shape; a list drafted elsewhere only when its draft has that shape too.
    /// </summary>
    public bool PublishesInBulk { get => _publishesInBulk ?? !DraftedElsewhere; init => _publishesInBulk = value; }

    private readonly bool? _publishesInBulk;

    /// <summary>The rule an item's code must follow (400 <c>invalid-code</c> by default).</summary>
    public Action<Validation, string?> CheckCode { get; init; } = CheckDefaultCode;

    /// <summary>
    /// True when the list starts drafts through an operation of its own at <c>POST {Route}</c>: an implementation list is
    /// drafted by naming its catalogue entry, and takes its code from it.
    /// </summary>
    public bool DraftedElsewhere { get; init; }

    public string VersionsTable { get; }

    /// <summary>The items' snapshots (<see cref="ListItem{TContent}"/>), drafts included.</summary>
    public string ItemsTable { get; }

    /// <summary>Repeals of every registered list share one table: they carry no content, only the citation.</summary>
    public const string RepealsTable = $"{Hosting.SchemaName}.mt_doc_list_item_repeal";

    /// <summary>The event type name an event of this list is stored under: <c>proof_item_published</c>.</summary>
    public string EventName(string what) => $"{StorageName}_{what}";

    /// <summary>The projection of the items' snapshots, by the name it is registered under.</summary>
    public string SnapshotProjectionName => $"{StorageName}_item";

    /// <summary>The projection of the version and repeal documents, which reads an older publication's region from the snapshots.</summary>
    public string DocumentsProjectionName => $"{StorageName}_documents";

    /// <summary>
    /// The immutable version and repeal documents <paramref name="events"/> record, as the projection registered as
    /// <see cref="DocumentsProjectionName"/> stores them (a rebuild inserts them in bulk instead).
    /// </summary>
    public abstract Task<IReadOnlyList<object>> DocumentsOf(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken ct);

    /// <summary>
    /// The list's older publications carry no region (licence types'): their version documents take it from the item snapshots,
    /// so a rebuild writes the snapshots first. Every other list's publications carry it, and its documents need no snapshot.
    /// </summary>
    public bool PublicationsMayLackRegion { get; init; }

    public abstract IReadOnlyList<Type> EventTypes { get; }

    /// <summary>The events that change the list's legal timeline (see <see cref="TimelineOf"/>).</summary>
    public abstract IReadOnlyList<Type> TimelineEventTypes { get; }

    /// <summary>The events the change log records (see <see cref="ChangeOf"/>): not revisions or submissions, most of a list's events.</summary>
    public abstract IReadOnlyList<Type> ChangeEventTypes { get; }

    /// <summary>True for a list that had a module of its own and may have stored events and documents in its older shapes.</summary>
    public abstract bool MovedOntoRegistry { get; }

    public abstract Type ContentType { get; }

    /// <summary>A realistic content of this list (the API document's example, the demo data, tests that cover every list).</summary>
    public abstract object ExampleContent { get; }

    /// <summary>How people and schemas/ name this list's event of type <paramref name="t"/>: <c>ItemPublished</c> → <c>PromisePublished</c>.</summary>
    public string EventTitle(Type t) => Noun + t.Name[..t.Name.IndexOf('`')]["Item".Length..];

    /// <summary>What the change log (the feed, the basis check's index) records of this list's event; null for the rest.</summary>
    public abstract PublicationChange? ChangeOf(IEvent e);

    /// <summary>How this list's event changes its legal timeline (see <see cref="ValidityIntervalProjection"/>); null for the rest.</summary>
    public abstract TimelineChange? TimelineOf(IEvent e);

    /// <summary>What the rules say of <see cref="ExampleContent"/> as a draft and at publication: both empty for a good example.</summary>
    public abstract (IReadOnlyList<FieldError> Shape, IReadOnlyList<FieldError> Refusals) JudgeExample();

    /// <summary>A published version of this list as the change log holds it (<see cref="PublicationChange.Document"/>), read with <paramref name="json"/>.</summary>
    public abstract PublishedContent ReadVersion(PublicationChange published, JsonSerializerOptions json);

    public abstract void Configure(StoreOptions opts);

    /// <summary>
    /// Queues an item of <paramref name="content"/> (<see cref="ExampleContent"/> when null), drafted, submitted and published at
    /// once (the demo dataset); <paramref name="derivedFrom"/> for a county item taken over from the city's.
    /// </summary>
    public abstract void StartPublishedExample(IDocumentSession session, Guid id, string regionCode, string code, Guid ownerId, string ownerCode,
        string publishedBy, DateTimeOffset now, object? content = null, Guid? derivedFrom = null);

    public abstract void Map(IEndpointRouteBuilder app);

    [GeneratedRegex("^[0-9A-Za-z-]{2,64}$")]
    private static partial Regex CodeShape();

    /// <summary>An item's code, unique in its region and list among items that are not closed (the key the basis check finds it by).</summary>
    [ProblemCodes(400, "invalid-code")]
    private static void CheckDefaultCode(Validation v, string? code)
    {
        if (v.Text("code", code, 64))
            v.Check(CodeShape().IsMatch(code!), "code", "invalid-code", "must be 2-64 letters, digits or '-'.");
    }
}

/// <summary>How a list shows one of the shared views: as it is, or in a list's own older shape (and its type, for the API document).</summary>
public sealed record ListView<TFrom>(Type Type, Func<TFrom, object> Of) where TFrom : class
{
    public static readonly ListView<TFrom> Same = new(typeof(TFrom), v => v);

    public static ListView<TFrom> As<TTo>(Func<TFrom, TTo> of) where TTo : class => new(typeof(TTo), v => of(v));
}

/// <summary>What a published version of a registered list says, with its citation and what it refers to.</summary>
public sealed record PublishedContent(Citation Citation, object Content, IReadOnlyList<ListReference> References);

/// <summary>A list whose versions say a <typeparamref name="TContent"/>.</summary>
public sealed class ListDefinition<TContent>(string name, string noun, string storageName, string title)
    : ListDefinition(name, noun, storageName, title) where TContent : class
{
    /// <summary>The shape every draft must have (400 when broken); a draft may still be incomplete in substance.</summary>
    public required Action<Validation, TContent?> Check { get; init; }

    /// <summary>What the regulations forbid to become law (422 at publication), each element with its own code.</summary>
    public Func<TContent, IReadOnlyList<FieldError>> RefusalsToPublish { get; init; } = _ => [];

    /// <summary>The items of other lists the content names; each must be in force when a version takes effect.</summary>
    public Func<TContent, IEnumerable<ListReference>> References { get; init; } = _ => [];

    /// <summary>
    /// A refusal at publication that needs a read and its own problem (an implementation list's entry must be in force at
    /// the effective time: 422 <c>entry-repealed</c> / <c>entry-not-in-force</c>); checked before <see cref="References"/>.
    /// </summary>
    public Func<IQuerySession, TContent, Clocks, CancellationToken, Task<IResult?>>? RefusalAtPublish { get; init; }

    /// <summary>
    /// What a revision keeps of the draft it replaces, for content a list fixes when the item is drafted (an implementation
    /// list's entry). Applied wherever a revision is, so the revision events record only what the editor sent.
    /// </summary>
    public Func<TContent, TContent, TContent> Revised { get; init; } = (_, revised) => revised;

    /// <summary>A realistic content, for the API document's examples and the demo data.</summary>
    public required TContent Example { get; init; }

    /// <summary>How editors see an item; a list that moved onto the registry keeps its older shape here.</summary>
    public ListView<ItemDraftView<TContent>> DraftView { get; init; } = ListView<ItemDraftView<TContent>>.Same;

    /// <summary>How anyone sees a published version; a list that moved onto the registry keeps its older shape here.</summary>
    public ListView<PublishedItemView<TContent>> PublishedView { get; init; } = ListView<PublishedItemView<TContent>>.Same;

    /// <summary>
    /// For a list that moved onto the registry: its events' older JSON shape, which every read of the list's events upgrades
    /// (the rows are never rewritten, so their leaves in the transparency log hold).
    /// </summary>
    public OldEventShape? UpgradeOldShape { get; init; }

    public override object ExampleContent => Example;

    /// <summary>
    /// Which of <paramref name="codes"/> an item that is not withdrawn already holds, in <paramref name="regionCode"/> (anywhere, for a
    /// list keyed by code alone): a draft may not take them. One query, for one draft or a bulk publication's every item.
    /// </summary>
    public async Task<IReadOnlySet<string>> CodesTaken(IQuerySession session, string regionCode, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        if (codes.Count == 0) return new HashSet<string>();
        var wanted = codes.ToArray();
        var taken = session.Query<ListItem<TContent>>().Where(i => wanted.Contains(i.Code) && i.Lifecycle.Stage != Stage.Withdrawn);
        if (!KeyedByCodeAlone) taken = taken.Where(i => i.RegionCode == regionCode);
        return (await taken.Select(i => i.Code).ToListAsync(ct)).ToHashSet();
    }

    public override (IReadOnlyList<FieldError> Shape, IReadOnlyList<FieldError> Refusals) JudgeExample()
    {
        var shape = new Validation();
        Check(shape, Example);
        return (shape.Errors, RefusalsToPublish(Example));
    }

    public override Type ContentType => typeof(TContent);

    public override async Task<IReadOnlyList<object>> DocumentsOf(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        // IEvent gives the global sequence number: with Rich append mode Marten assigns it before inline projections run.
        var documents = new List<object>();
        foreach (var e in events)
            switch (e.Data)
            {
                case ItemPublished<TContent> p: documents.Add(ItemVersion<TContent>.From(Name, await WithRegion(operations, p, ct), e.Sequence)); break;
                case ItemRepealed<TContent> r: documents.Add(ItemRepeal.From(Name, r, e.Sequence)); break;
            }
        return documents;
    }

    /// <summary>
    /// A publication recorded in a list's older shape may lack the region (the licence catalogue's did): it is the
    /// item's, which its drafting recorded and its snapshot holds (rebuilt before these documents when a list moves).
    /// </summary>
    private static async Task<ItemPublished<TContent>> WithRegion(IDocumentOperations operations, ItemPublished<TContent> p, CancellationToken ct) =>
        !string.IsNullOrEmpty(p.RegionCode) ? p
        : p with { RegionCode = (await operations.LoadAsync<ListItem<TContent>>(p.Id, ct))?.RegionCode ?? "" };

    public override bool MovedOntoRegistry => UpgradeOldShape is not null;

    public override IReadOnlyList<Type> EventTypes =>
    [
        typeof(ItemDrafted<TContent>), typeof(ItemDraftRevised<TContent>), typeof(ItemSubmittedForReview<TContent>),
        typeof(ItemPublished<TContent>), typeof(ItemRepealed<TContent>), typeof(ItemDraftWithdrawn<TContent>),
        typeof(ItemScheduleCancelled<TContent>), typeof(ItemRescheduled<TContent>),
    ];

    public override IReadOnlyList<Type> TimelineEventTypes =>
        [typeof(ItemPublished<TContent>), typeof(ItemRepealed<TContent>), typeof(ItemScheduleCancelled<TContent>), typeof(ItemRescheduled<TContent>)];

    public override IReadOnlyList<Type> ChangeEventTypes =>
    [
        typeof(ItemDrafted<TContent>), typeof(ItemPublished<TContent>), typeof(ItemRepealed<TContent>), typeof(ItemDraftWithdrawn<TContent>),
        typeof(ItemScheduleCancelled<TContent>), typeof(ItemRescheduled<TContent>),
    ];

    public override PublicationChange? ChangeOf(IEvent e) => e.Data switch
    {
        ItemDrafted<TContent> d => new(e.Sequence, Name, ChangeKind.Drafted, d.Id, d.RegionCode, d.Code, d.DraftedAt, null),
        ItemPublished<TContent> p => new(e.Sequence, Name, ChangeKind.Published, p.Id, p.RegionCode, p.Code, p.PublishedAt,
            PublicationChange.DocumentOf(ItemVersion<TContent>.From(Name, p, e.Sequence))),
        ItemRepealed<TContent> r => new(e.Sequence, Name, ChangeKind.Repealed, r.Id, null, null, r.RecordedAt,
            PublicationChange.DocumentOf(ItemRepeal.From(Name, r, e.Sequence).Citation)),
        ItemDraftWithdrawn<TContent> w => new(e.Sequence, Name, ChangeKind.Withdrawn, w.Id, null, null, w.WithdrawnAt, null),
        ItemScheduleCancelled<TContent> c => new(e.Sequence, Name, ChangeKind.ScheduleCancelled, c.Id, null, null, c.RecordedAt,
            PublicationChange.DocumentOf(new ScheduleChange(Name, c.Id, c.Version, c.EffectiveAt, null, c.RecordedAt, e.Sequence, c.Reason, c.Basis, c.CancelledBy))),
        ItemRescheduled<TContent> m => new(e.Sequence, Name, ChangeKind.Rescheduled, m.Id, null, null, m.RecordedAt,
            PublicationChange.DocumentOf(new ScheduleChange(Name, m.Id, m.Version, m.From, m.To, m.RecordedAt, e.Sequence, m.Reason, m.Basis, m.RescheduledBy))),
        _ => null,
    };

    public override TimelineChange? TimelineOf(IEvent e) => e.Data switch
    {
        ItemPublished<TContent> p => TimelineChange.Opened(Name, p.Id, p.Version, ItemVersion<TContent>.IdOf(p.Id, p.Version), p.EffectiveAt,
            p.PublishedAt, e.Sequence, p.RegionCode, p.Code),
        ItemRepealed<TContent> r => TimelineChange.Closed(Name, r.Id, ItemRepeal.From(Name, r, e.Sequence), e.Sequence),
        ItemScheduleCancelled<TContent> c => TimelineChange.Cancelled(Name, c.Id, c.EffectiveAt, c.RecordedAt, e.Sequence),
        ItemRescheduled<TContent> m => TimelineChange.Moved(Name, m.Id, m.From, m.To, m.RecordedAt, e.Sequence),
        _ => null,
    };

    public override PublishedContent ReadVersion(PublicationChange published, JsonSerializerOptions json)
    {
        var version = published.Document!.Value.Deserialize<ItemVersion<TContent>>(json)!;
        return new(version.Citation, version.Content, [.. References(version.Content)]);
    }

    public override void Configure(StoreOptions opts)
    {
        // Projection names default to the class name, which every list's closed generic shares.
        opts.Projections.Add(new ItemProjection(EventTypes) { Name = SnapshotProjectionName }, ProjectionLifecycle.Inline);
        opts.Projections.Add(new ItemDocumentsProjection(this), ProjectionLifecycle.Inline, DocumentsProjectionName);
        var items = opts.Schema.For<ListItem<TContent>>().DocumentAlias(StorageName).Duplicate(x => x.OwnerDepartmentId);
        if (KeyedByCodeAlone) items.UniqueUnlessWithdrawn($"mt_doc_{StorageName}_uidx_code", x => x.Code);
        else items.UniqueUnlessWithdrawn($"mt_doc_{StorageName}_uidx_region_code", x => x.RegionCode, x => x.Code);
        // Every publication looks up the county items derived from it (ChangeNotices.CityVersionChanged): without this index
        // that was a scan of every item of the list per publication, off the request path but on the same two cores.
        items.Index(x => x.DerivedFrom!, index =>
        {
            index.Name = $"mt_doc_{StorageName}_idx_derived_from";
            index.Predicate = "data ->> 'derivedFrom' is not null";
        });
        // As-of reads go through the validity intervals and fetch versions by primary key; only one item's version list reads these.
        opts.Schema.For<ItemVersion<TContent>>().DocumentAlias($"{StorageName}_version")
            .Duplicate(x => x.ItemId)
            .Duplicate(x => x.Version);
        opts.Schema.For<ItemRepeal>().DocumentAlias("list_item_repeal");
        MapEvent<ItemDrafted<TContent>>(opts, "drafted");
        MapEvent<ItemDraftRevised<TContent>>(opts, "draft_revised");
        MapEvent<ItemSubmittedForReview<TContent>>(opts, "submitted_for_review");
        MapEvent<ItemPublished<TContent>>(opts, "published");
        MapEvent<ItemRepealed<TContent>>(opts, "repealed");
        MapEvent<ItemDraftWithdrawn<TContent>>(opts, "draft_withdrawn");
        MapEvent<ItemScheduleCancelled<TContent>>(opts, "schedule_cancelled");
        MapEvent<ItemRescheduled<TContent>>(opts, "rescheduled");
    }

    /// <summary>
    /// Stores the event under the list's own name. With an older shape to read, the name also gets an upcaster: Marten
    /// keeps a mapping and an upcaster of one name apart (the upcaster only reads), and a mapping alone would read an old
    /// row with empty ids, silently (docs/migrating-lists.md).
    /// </summary>
    private void MapEvent<TEvent>(StoreOptions opts, string what) where TEvent : class
    {
        opts.Events.MapEventType<TEvent>(EventName(what));
        if (UpgradeOldShape is not { } upgrade) return;
        opts.Events.Upcast<TEvent>(EventName(what), upgrade.Upcaster<TEvent>());
    }

    public override void StartPublishedExample(IDocumentSession session, Guid id, string regionCode, string code, Guid ownerId, string ownerCode,
        string publishedBy, DateTimeOffset now, object? content = null, Guid? derivedFrom = null)
    {
        var published = (TContent?)content ?? Example;
        session.Events.StartStream<ListItem<TContent>>(id,
            new ItemDrafted<TContent>(id, regionCode, code, ownerId, ownerCode, derivedFrom, published, ownerCode, now),
            new ItemSubmittedForReview<TContent>(id, ownerCode, now),
            new ItemPublished<TContent>(id, 1, regionCode, code, derivedFrom, published, now, "首次公布", publishedBy, now, ownerCode));
    }

    public override void Map(IEndpointRouteBuilder app) => new ListEndpoints<TContent>(this).Map(app);

    /// <summary>The item's state, evolved explicitly: no generated code per content type.</summary>
    private sealed class ItemProjection : SingleStreamProjection<ListItem<TContent>, Guid>
    {
        // Evolve names no event type Marten could see: without these a rebuild (a list's move, a repair) reads every event of the store.
        public ItemProjection(IEnumerable<Type> events)
        {
            foreach (var type in events) IncludeType(type);
            // A rebuild keeps each item's latest state in memory and writes it once per this many items, instead of loading and
            // writing every item again for each page of events that touches it (a catalogue entry has eight events on average).
            Options.RebuildFlushThreshold = 20_000;
        }

        public override ListItem<TContent>? Evolve(ListItem<TContent>? snapshot, Guid id, IEvent e) =>
            e.Data is ItemDrafted<TContent> drafted ? ListItem<TContent>.Started(drafted) : snapshot?.After(e.Data);
    }

    /// <summary>Writes the immutable version and repeal documents (<see cref="DocumentsOf"/>) inline, in the same transaction as the event.</summary>
    private sealed class ItemDocumentsProjection : ProjectionBase, IProjection
    {
        private readonly ListDefinition<TContent> list;

        // Declared so that a rebuild reads only these two event types, not every event of the store.
        public ItemDocumentsProjection(ListDefinition<TContent> list)
        {
            this.list = list;
            IncludeType<ItemPublished<TContent>>();
            IncludeType<ItemRepealed<TContent>>();
        }

        public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
            operations.StoreObjects(await list.DocumentsOf(operations, events, cancellation));
    }
}
