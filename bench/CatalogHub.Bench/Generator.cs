using System.Diagnostics;
using CatalogHub.Catalogue;
using CatalogHub.Departments.Registering;
using CatalogHub.ImplementationLists;
using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;
using Marten;

namespace CatalogHub.Bench;

/// <summary>One stream of the dataset (an entry or an implementation list): where it lives, who owns it, and the events of its whole history.</summary>
public sealed record PlannedEntry(Guid Id, string ItemCode, string RegionCode, BenchDepartment Owner, IReadOnlyList<object> Events);

/// <summary>What the generator wrote, and what the measurements need to know about it.</summary>
public sealed record Dataset(
    int Departments, int Entries, long Events, long Versions, int Repealed, int PendingDrafts, int Scheduled, TimeSpan Took,
    Guid LongEntryId, IReadOnlyList<(int Version, DateTimeOffset EffectiveAt)> LongEntryVersions, BenchDepartment CityManager,
    int Lists, long ListVersions);

/// <summary>
/// A seeded, deterministic history of 许昌市's base catalogue: 10,000 entries over the city and its six counties,
/// each drafted, revised, submitted and published many times over ten years (some repealed, some with a pending
/// draft, some with a version scheduled to take effect later), and one entry with 5,000 published versions.
/// Every step is a real domain event, checked by the same lifecycle rules the endpoints apply, appended through
/// Marten with the application's store configuration, so the inline snapshot and version projections run as in
/// production. The events carry the times of the history they describe; only Marten's own timestamp is today.
/// </summary>
/// <param name="regions">How many of <see cref="Xuchang.Regions"/> get entries, the city first: all of them for the benchmark; 1 (the city
/// alone, about a sixth of the store) to check the driver end to end in minutes (<c>CATALOGHUB_BENCH_REGIONS</c>).</param>
public sealed class Generator(IDocumentStore store, int seed, TextWriter log, int regions)
{
    public const int LongEntryVersionCount = 5_000;

    /// <summary>The seed `make bench` generates its store from.</summary>
    public const int Seed = 20261124;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    // Beijing times of the history, held as UTC instants: the store's timestamptz columns take UTC only.
    private static readonly DateTimeOffset HistoryStart = new DateTimeOffset(2016, 1, 4, 9, 0, 0, Beijing).ToUniversalTime();
    private static readonly DateTimeOffset HistoryEnd = new DateTimeOffset(2026, 10, 30, 17, 0, 0, Beijing).ToUniversalTime();
    private static readonly DateTimeOffset NextYear = new DateTimeOffset(2027, 1, 1, 0, 0, 0, Beijing).ToUniversalTime();
    private const string Reason = "许昌市政务服务事项基本目录历史数据（基准测试数据集）";

    public async Task<Dataset> Run(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var departments = Enumerable.Range(0, Xuchang.Regions.Length).Select(Xuchang.DepartmentsOf).ToArray();
        await WriteDepartments(departments.SelectMany(d => d), ct);

        var entries = PlanEntries(departments);
        var longEntry = PlanLongEntry(departments[0]);
        log.WriteLine($"  planned {entries.Count + 1:N0} entries, {entries.Sum(e => e.Events.Count) + longEntry.Events.Count:N0} events");

        // One session per owning department: its events carry that department as Marten's user name.
        var batches = entries.GroupBy(e => e.Owner.Code).Select(g => g.ToList()).ToList();
        var written = 0L;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = ct }, async (batch, token) =>
        {
            await using var session = Session(batch[0].Owner);
            foreach (var entry in batch) session.Events.StartStream<ListItem<EntryContent>>(entry.Id, entry.Events);
            await session.SaveChangesAsync(token);
            var total = Interlocked.Add(ref written, batch.Sum(e => e.Events.Count));
            if (Interlocked.Increment(ref _batchesDone) % 20 == 0) log.WriteLine($"  {total:N0} events written ({clock.Elapsed.TotalSeconds:F0} s)");
        });
        await WriteLongEntry(longEntry, ct);

        var all = entries.Append(longEntry).ToList();
        var lists = PlanLists(all, departments);
        log.WriteLine($"  planned {lists.Count:N0} implementation lists, {lists.Sum(l => l.Events.Count):N0} events");
        await Parallel.ForEachAsync(lists.GroupBy(l => l.Owner.Code), new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = ct }, async (batch, token) =>
        {
            await using var session = Session(batch.First().Owner);
            foreach (var list in batch) session.Events.StartStream<ListItem<ImplementationListContent>>(list.Id, list.Events);
            await session.SaveChangesAsync(token);
        });
        var events = all.Concat(lists).Sum(e => (long)e.Events.Count) + departments.Sum(d => d.Length);
        return new Dataset(
            departments.Sum(d => d.Length), all.Count, events, all.Sum(e => (long)e.Events.OfType<ItemPublished<EntryContent>>().Count()),
            all.Count(e => e.Events[^1] is ItemRepealed<EntryContent>), all.Count(e => e.Events[^1] is ItemDraftRevised<EntryContent>),
            all.Count(e => e.Events[^1] is ItemPublished<EntryContent> p && p.EffectiveAt == NextYear), clock.Elapsed,
            longEntry.Id, PublishedVersions(longEntry), departments[0][0],
            lists.Count, lists.Sum(l => (long)l.Events.OfType<ItemPublished<ImplementationListContent>>().Count()));
    }

    /// <summary>An implementation list for every entry that is never repealed (see <see cref="ImplementationListPlan"/>).</summary>
    private List<PlannedEntry> PlanLists(IEnumerable<PlannedEntry> entries, BenchDepartment[][] departments) =>
    [
        .. entries.Where(e => e.Events[^1] is not ItemRepealed<EntryContent>).Select(e =>
        {
            var r = Array.FindIndex(Xuchang.Regions, region => region.Code == e.RegionCode);
            var template = Xuchang.Items.First(t => e.ItemCode.StartsWith(t.Code, StringComparison.Ordinal));
            var id = Xuchang.IdOf($"implementation-list:{e.RegionCode}:{e.ItemCode}");
            var rng = new Random(seed * 104729 + e.Id.GetHashCode());
            return new PlannedEntry(id, e.ItemCode, e.RegionCode, e.Owner,
                ImplementationListPlan.History(rng, id, e, template, Xuchang.Regions[r], departments[r][0], HistoryEnd));
        }),
    ];

    private int _batchesDone;

    private IDocumentSession Session(BenchDepartment actor)
    {
        var session = store.LightweightSession();
        session.LastModifiedBy = actor.Code;
        session.SetHeader("keyId", "bench-generator");
        session.SetHeader("departmentId", actor.Id.ToString());
        session.SetHeader("reason", Reason);
        session.CorrelationId = $"bench-{actor.Code}";
        return session;
    }

    private async Task WriteDepartments(IEnumerable<BenchDepartment> departments, CancellationToken ct)
    {
        var manager = Xuchang.DepartmentsOf(0)[0];
        await using var session = Session(manager);
        foreach (var d in departments)
            RegisterDepartmentEndpoint.Register(session, new RegisterDepartment(d.Code, d.Name, d.RegionCode, d.Roles, Reason),
                manager.Code, HistoryStart.AddDays(-30), d.Id);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The 5,000-version entry is appended in slices: one transaction per 1,000 versions keeps each batch moderate.</summary>
    private async Task WriteLongEntry(PlannedEntry entry, CancellationToken ct)
    {
        const int slice = 3_000;
        for (var from = 0; from < entry.Events.Count; from += slice)
        {
            await using var session = Session(entry.Owner);
            var events = entry.Events.Skip(from).Take(slice).ToArray();
            if (from == 0) session.Events.StartStream<ListItem<EntryContent>>(entry.Id, events);
            else session.Events.Append(entry.Id, events);
            await session.SaveChangesAsync(ct);
        }
    }

    private List<PlannedEntry> PlanEntries(BenchDepartment[][] departments)
    {
        var entries = new List<PlannedEntry>();
        var cityEntries = new Dictionary<string, Guid> { [LongEntryItemCode] = LongEntryId };
        for (var r = 0; r < regions; r++)
        {
            var region = Xuchang.Regions[r];
            var slots = (from t in Xuchang.Items from v in Xuchang.Variants[t.Category].Select((name, i) => (name, i)) select (t, v)).ToArray();
            new Random(seed + r).Shuffle(slots);
            // The city's first slot is the long entry's item; no other entry takes it.
            var chosen = slots.Where(s => !(r == 0 && IsLongEntrySlot(s.t, s.v.i))).Take(region.ItemCount - (r == 0 ? 1 : 0));
            foreach (var (template, variant) in chosen)
            {
                var itemCode = $"{template.Code}-{variant.i + 1:D2}";
                var owner = departments[r][1 + Array.IndexOf(Xuchang.Sectors, template.Sector)];
                var id = Xuchang.IdOf($"entry:{region.Code}:{itemCode}");
                // A county entry takes over (承接) the city's entry of the same item, where the city has one.
                Guid? derived = r == 0 ? null : cityEntries.TryGetValue(itemCode, out var parent) ? parent : null;
                if (r == 0) cityEntries[itemCode] = id;
                var content = Content(region, template, variant.name, owner);
                var rng = new Random(seed * 7919 + entries.Count);
                entries.Add(new PlannedEntry(id, itemCode, region.Code, owner,
                    History(rng, id, itemCode, region.Code, owner, departments[r][0], derived, content)));
            }
        }
        return entries;
    }

    private static string LongEntryItemCode => $"{Xuchang.Items[0].Code}-01";
    private static Guid LongEntryId => Xuchang.IdOf($"entry:{Xuchang.City}:{LongEntryItemCode}");

    private static bool IsLongEntrySlot(ItemTemplate t, int variant) => t.Code == Xuchang.Items[0].Code && variant == 0;

    private static EntryContent Content(Region region, ItemTemplate template, string variant, BenchDepartment owner) =>
        new($"{template.Name}（{variant}）", template.Category, owner.Name, owner.Name, template.Bases, $"410000-{template.Code}");

    /// <summary>
    /// Drafted, then 10-30 rounds of revise (1-5 times), submit and publish spread over the years up to October
    /// 2026; 3% end repealed, 2% with a version that takes effect on 1 January 2027, 5% with a pending draft.
    /// </summary>
    private static List<object> History(Random rng, Guid id, string itemCode, string regionCode, BenchDepartment owner,
        BenchDepartment manager, Guid? derived, EntryContent content)
    {
        var at = HistoryStart.AddDays(rng.Next(0, 3 * 365)).AddHours(rng.Next(0, 8));
        var rounds = rng.Next(10, 31);
        var cycle = (HistoryEnd - at - TimeSpan.FromDays(90)) / rounds;
        var drafted = new ItemDrafted<EntryContent>(id, regionCode, itemCode, owner.Id, owner.Code, derived, content, owner.Code, at);
        var entry = ListItem<EntryContent>.Started(drafted);
        var events = new List<object> { drafted };
        void Record(object e) { events.Add(e); entry = entry.After(e); }

        var ending = rng.NextDouble();
        for (var round = 0; round < rounds && at < HistoryEnd; round++)
        {
            var roundStart = at;
            for (var i = rng.Next(round == 0 ? 0 : 1, 6); i > 0; i--)
            {
                at = at.AddHours(rng.Next(1, 72));
                Require(LifecycleRules.CanRevise(entry.Lifecycle));
                Record(new ItemDraftRevised<EntryContent>(id, Revised(content, rng), owner.Code, at));
            }
            at = at.AddHours(rng.Next(1, 48));
            Require(LifecycleRules.CanSubmit(entry.Lifecycle));
            Record(new ItemSubmittedForReview<EntryContent>(id, owner.Code, at));

            at = at.AddHours(rng.Next(24, 120));
            var last = round == rounds - 1;
            var effectiveAt = last && ending < 0.02 ? NextYear : rng.NextDouble() < 0.6 ? at : at.AddDays(rng.Next(1, 31));
            Require(LifecycleRules.CanPublish(entry.Lifecycle, effectiveAt, at));
            Record(new ItemPublished<EntryContent>(id, entry.Lifecycle.LatestVersion + 1, regionCode, itemCode, derived, entry.Draft, effectiveAt,
                round == 0 ? "首次公布" : "依据法律法规调整更新", manager.Code, at, owner.Code));
            at = Later(roundStart + cycle * (0.85 + 0.3 * rng.NextDouble()), effectiveAt);
        }

        if (ending is >= 0.02 and < 0.05)
        {
            var effectiveAt = at.AddDays(30);
            Require(LifecycleRules.CanRepeal(entry.Lifecycle, effectiveAt, at));
            Record(new ItemRepealed<EntryContent>(id, effectiveAt, "事项取消", "国务院关于取消和下放一批行政许可事项的决定（国发〔2020〕13号）", manager.Code, at));
        }
        else if (ending is >= 0.05 and < 0.10)
        {
            Require(LifecycleRules.CanRevise(entry.Lifecycle));
            Record(new ItemDraftRevised<EntryContent>(id, Revised(content, rng), owner.Code, at));
        }
        return events;
    }

    /// <summary>
    /// The 5,000-version entry's versions as a run from this generator's seed wrote them (the plan is deterministic): for the
    /// measurements run alone on a store a full run generated.
    /// </summary>
    public (Guid Id, IReadOnlyList<(int Version, DateTimeOffset EffectiveAt)> Versions) LongEntry() =>
        (LongEntryId, PublishedVersions(PlanLongEntry(Xuchang.DepartmentsOf(0))));

    /// <summary>What a mode run alone needs of the dataset a full run generated into <paramref name="store"/>: its long entry, from the plan.</summary>
    public static Dataset OfFullRun(IDocumentStore store)
    {
        var (longEntry, versions) = new Generator(store, Seed, Console.Out, 0).LongEntry();
        return new Dataset(0, 0, 0, 0, 0, 0, 0, TimeSpan.Zero, longEntry, versions, Xuchang.DepartmentsOf(0)[0], 0, 0);
    }

    private static IReadOnlyList<(int Version, DateTimeOffset EffectiveAt)> PublishedVersions(PlannedEntry entry) =>
        [.. entry.Events.OfType<ItemPublished<EntryContent>>().Select(p => (p.Version, p.EffectiveAt))];

    /// <summary>5,000 rounds a day apart from June 2012: revise, submit, publish taking effect an hour later.</summary>
    private PlannedEntry PlanLongEntry(BenchDepartment[] city)
    {
        var template = Xuchang.Items[0];
        var owner = city[1 + Array.IndexOf(Xuchang.Sectors, template.Sector)];
        var manager = city[0];
        var (itemCode, id) = (LongEntryItemCode, LongEntryId);
        var content = Content(Xuchang.Regions[0], template, Xuchang.Variants[template.Category][0], owner);
        var rng = new Random(seed - 1);
        var at = new DateTimeOffset(2012, 6, 1, 9, 0, 0, Beijing).ToUniversalTime();
        var drafted = new ItemDrafted<EntryContent>(id, Xuchang.City, itemCode, owner.Id, owner.Code, null, content, owner.Code, at);
        var entry = ListItem<EntryContent>.Started(drafted);
        var events = new List<object> { drafted };
        void Record(object e) { events.Add(e); entry = entry.After(e); }
        for (var version = 1; version <= LongEntryVersionCount; version++)
        {
            Require(LifecycleRules.CanRevise(entry.Lifecycle));
            Record(new ItemDraftRevised<EntryContent>(id, Revised(content, rng), owner.Code, at));
            Require(LifecycleRules.CanSubmit(entry.Lifecycle));
            Record(new ItemSubmittedForReview<EntryContent>(id, owner.Code, at.AddHours(1)));
            var publishedAt = at.AddHours(2);
            Require(LifecycleRules.CanPublish(entry.Lifecycle, publishedAt.AddHours(1), publishedAt));
            Record(new ItemPublished<EntryContent>(id, version, Xuchang.City, itemCode, null, entry.Draft, publishedAt.AddHours(1),
                $"第{version}次调整", manager.Code, publishedAt, owner.Code));
            at = at.AddHours(25);
        }
        return new PlannedEntry(id, itemCode, Xuchang.City, owner, events);
    }

    /// <summary>A revision touches what revisions touch: the legal bases (a local regulation cited or not) and the provincial code.</summary>
    private static EntryContent Revised(EntryContent content, Random rng)
    {
        var bases = rng.Next(2) == 0 ? content.LegalBases : [.. content.LegalBases, Xuchang.LocalBasis];
        var revised = content with { LegalBases = bases, ExternalSourceId = rng.Next(4) == 0 ? null : content.ExternalSourceId };
        var input = new Validation();
        EntryContentRules.Check(input, revised);
        if (input.Failed) throw new InvalidOperationException($"Generated content breaks the entry rules: {input.Errors[0]}");
        return revised;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => (a > b ? a : b).AddHours(1);

    internal static void Require(Microsoft.AspNetCore.Http.IResult? problem)
    {
        if (problem is not null) throw new InvalidOperationException($"The generated history breaks a lifecycle rule: {problem}");
    }
}
