using CatalogHub.BasisCheck;
using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;

namespace CatalogHub.Tests.BasisCheck;

/// <summary>
/// The index's timelines against a plain model of the legal clock: for seeded random histories of publications (corrections
/// effective in the past among them), repeals, cancellations and reschedulings, applied in record order as a load applies them
/// and in shuffled order with repeats as other nodes' commits arrive, every question (in force at T, as known at K) is answered
/// exactly as the model answers it. The index keeps its timelines compactly (issue 14's memory target); this says the compact
/// form answers as the edits, replayed in full, do.
/// </summary>
public sealed class Published_index_timelines
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private const string Region = "411000";
    private const string ItemCode = "000147011000";

    /// <summary>One recorded edit as the model keeps it.</summary>
    private sealed record Edit(long Sequence, DateTimeOffset RecordedAt, TimelineEdit What, Citation? Version, RepealCitation? Repeal);

    private sealed record Point(DateTimeOffset At, Citation? Version, RepealCitation? Repeal);

    [Theory]
    [InlineData(20261101)]
    [InlineData(20261102)]
    [InlineData(20261103)]
    [InlineData(20261104)]
    [InlineData(20261105)]
    [InlineData(20261106)]
    [InlineData(20261107)]
    [InlineData(20261108)]
    public void every_question_is_answered_as_the_replayed_edits_answer_it_whatever_order_the_changes_came_in(int seed)
    {
        var rng = new Random(seed);
        foreach (var list in new[] { CatalogueList.Name, ImplementationListsList.Name })
        {
            var id = Guid.CreateVersion7();
            var (changes, edits) = History(rng, list, id);
            var inOrder = changes.Aggregate(Timeline.Empty(id, list), (t, c) => t.With(c));
            var shuffled = changes.Concat(changes.Where(_ => rng.Next(4) == 0)).ToArray();
            rng.Shuffle(shuffled);
            var arrived = shuffled.Aggregate(Timeline.Empty(id, list), (t, c) => t.With(c));

            var instants = edits.SelectMany(e => new[] { e.What.At, e.What.To ?? e.What.At })
                .SelectMany(t => new[] { t.AddTicks(-1), t, t.AddHours(1) }).Append(Start.AddYears(-1)).Append(Start.AddYears(10)).ToArray();
            var knownAts = edits.SelectMany(e => new DateTimeOffset?[] { e.RecordedAt.AddTicks(-1), e.RecordedAt }).Append(null).ToArray();
            foreach (var knownAt in knownAts)
                foreach (var instant in instants)
                {
                    var expected = Model(edits, instant, knownAt);
                    foreach (var timeline in new[] { inOrder, arrived })
                    {
                        var standing = timeline.At(instant, knownAt);
                        Assert.Equal(expected.Kind, standing.Kind);
                        Assert.Equal(expected.Version, standing.Version?.Citation);
                        Assert.Equal(expected.Repeal, standing.Repeal);
                    }
                }
            // Every version published is kept, cancelled ones too, in version order.
            var published = edits.Where(e => e.Version is not null).Select(e => e.Version!.Version).Order().ToArray();
            Assert.Equal(published, inOrder.Versions.Select(v => v.Citation.Version));
            Assert.Equal(published, arrived.Versions.Select(v => v.Citation.Version));
        }
    }

    /// <summary>
    /// A drafted item, then 6-14 recorded changes a few days apart: publications effective from a month before to two months after
    /// they were recorded, a repeal now and then, and cancellations and reschedulings of points not yet in effect.
    /// </summary>
    private static (PublicationChange[] Changes, List<Edit> Edits) History(Random rng, string list, Guid id)
    {
        var changes = new List<PublicationChange> { new(1, list, ChangeKind.Drafted, id, Region, ItemCode, Start, null) };
        var edits = new List<Edit>();
        var (sequence, recordedAt, version) = (10L, Start, 0);
        var count = rng.Next(6, 15);
        for (var step = 0; step < count; step++)
        {
            sequence += rng.Next(1, 50);
            recordedAt = recordedAt.AddDays(rng.Next(1, 10)).AddMinutes(rng.Next(0, 600));
            var future = Points(edits, DateTimeOffset.MaxValue).Where(p => p.At > recordedAt).ToList();
            // Mostly publications; a cancellation or rescheduling only of a point not yet in effect.
            var kind = rng.Next(10);
            if (kind > 6 && future.Count == 0) kind = 0;
            switch (kind)
            {
                case < 6:
                {
                    var citation = new Citation(list, id, ++version, recordedAt, recordedAt.AddDays(rng.Next(-30, 60)).AddHours(rng.Next(0, 24)), sequence);
                    edits.Add(new(sequence, recordedAt, TimelineEdit.Put(citation.EffectiveAt), citation, null));
                    changes.Add(Published(citation, list));
                    break;
                }
                case 6:
                {
                    var repeal = new RepealCitation(list, id, recordedAt, recordedAt.AddDays(rng.Next(-5, 30)), sequence, "事项取消",
                        "《国务院关于取消和下放一批行政许可事项的决定》");
                    edits.Add(new(sequence, recordedAt, TimelineEdit.Put(repeal.EffectiveAt), null, repeal));
                    changes.Add(new(sequence, list, ChangeKind.Repealed, id, null, null, recordedAt, PublicationChange.DocumentOf(repeal)));
                    break;
                }
                default:
                {
                    var point = future[rng.Next(future.Count)];
                    DateTimeOffset? to = rng.Next(2) == 0 ? null : recordedAt.AddDays(rng.Next(1, 90));
                    var change = new ScheduleChange(list, id, point.Version?.Version, point.At, to, recordedAt, sequence, "调整施行日期",
                        "许昌市人民政府办公室通知", "11411000005326026D");
                    edits.Add(new(sequence, recordedAt, to is { } t ? TimelineEdit.Move(point.At, t) : TimelineEdit.Cancel(point.At), null, null));
                    changes.Add(new(sequence, list, to is null ? ChangeKind.ScheduleCancelled : ChangeKind.Rescheduled, id, null, null, recordedAt,
                        PublicationChange.DocumentOf(change)));
                    break;
                }
            }
        }
        return ([.. changes], edits);
    }

    private static PublicationChange Published(Citation c, string list) =>
        new(c.Sequence, list, ChangeKind.Published, c.Id, Region, ItemCode, c.PublishedAt, list == CatalogueList.Name
            ? PublicationChange.DocumentOf(new ItemVersion<EntryContent>($"{c.Id}:{c.Version}", list, c.Id, c.Version, Region, ItemCode, null,
                new EntryContent("食品生产许可", "行政许可", "许昌市市场监督管理局", "许昌市市场监督管理局",
                    [new LegalBasis("中华人民共和国食品安全法", "法律", "第三十五条")], null), c.EffectiveAt, c.PublishedAt, "11411000005326026D", null, c.Sequence))
            : PublicationChange.DocumentOf(new ItemVersion<ImplementationListContent>($"{c.Id}:{c.Version}", list, c.Id, c.Version, Region, ItemCode, null,
                ImplementationListsList.Definition.Example, c.EffectiveAt, c.PublishedAt, "11411000005326026D", null, c.Sequence)));

    /// <summary>The timeline as the edits recorded by <paramref name="knownAt"/> made it, replayed one by one in record order.</summary>
    private static List<Point> Points(IEnumerable<Edit> edits, DateTimeOffset knownAt)
    {
        var points = new List<Point>();
        foreach (var e in edits.OrderBy(e => e.Sequence).Where(e => e.RecordedAt <= knownAt))
        {
            var at = points.FindIndex(p => p.At == e.What.At);
            var kept = at < 0 ? null : points[at];
            if (at >= 0) points.RemoveAt(at);
            var next = e.What.Kind switch
            {
                TimelineEditKind.Put => new Point(e.What.At, e.Version is { } v ? v with { RecordedBy = e.Sequence } : null, e.Repeal),
                TimelineEditKind.Move when kept is not null => new Point(e.What.To!.Value, kept.Version is { } v ? v with { EffectiveAt = e.What.To!.Value, RecordedBy = e.Sequence } : null,
                    kept.Repeal is { } r ? r with { EffectiveAt = e.What.To!.Value } : null),
                _ => null,
            };
            if (next is not null) points.Insert(points.Count(p => p.At < next.At), next);
        }
        return points;
    }

    private static (StandingKind Kind, Citation? Version, RepealCitation? Repeal) Model(List<Edit> edits, DateTimeOffset instant, DateTimeOffset? knownAt)
    {
        var points = Points(edits, knownAt ?? DateTimeOffset.MaxValue);
        var last = points.LastOrDefault(p => p.At <= instant);
        return last switch
        {
            { Version: { } v } => (StandingKind.InForce, v, null),
            { Repeal: { } r } => (StandingKind.Repealed, null, r),
            _ => (points.Count > 0 ? StandingKind.NotYetInForce : StandingKind.DraftOnly, null, null),
        };
    }
}
