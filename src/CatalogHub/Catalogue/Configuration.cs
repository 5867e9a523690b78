using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;

namespace CatalogHub.Catalogue;

/// <summary>Writes the immutable version and repeal documents inline, in the same transaction as the event.</summary>
public sealed partial class EntryPublicationProjection : EventProjection
{
    // IEvent gives the global sequence number: with Rich append mode Marten assigns it before inline projections run.
    public EntryVersion Create(IEvent<EntryPublished> e) => EntryVersion.From(e.Data, e.Sequence);

    public EntryRepeal Create(IEvent<EntryRepealed> e) => EntryRepeal.From(e.Data, e.Sequence);
}

public static class CatalogueConfiguration
{
    /// <summary>Every event of the module; schemas/ documents each one.</summary>
    public static readonly Type[] Events =
    [
        typeof(EntryDrafted), typeof(EntryDraftRevised), typeof(EntrySubmittedForReview), typeof(EntryPublished),
        typeof(EntryRepealed), typeof(EntryDraftWithdrawn),
    ];

    /// <summary>What the change log (and the basis check's index) records of an entry's event; null for the rest.</summary>
    public static PublicationChange? ChangeOf(IEvent e) => e.Data switch
    {
        EntryDrafted d => new(e.Sequence, EntryVersion.List, ChangeKind.Drafted, d.EntryId, d.RegionCode, d.ItemCode, d.DraftedAt, null),
        EntryPublished p => new(e.Sequence, EntryVersion.List, ChangeKind.Published, p.EntryId, p.RegionCode, p.ItemCode, p.PublishedAt,
            PublicationChange.DocumentOf(EntryVersion.From(p, e.Sequence))),
        EntryRepealed r => new(e.Sequence, EntryVersion.List, ChangeKind.Repealed, r.EntryId, null, null, r.RecordedAt,
            PublicationChange.DocumentOf(EntryRepeal.From(r, e.Sequence).Citation)),
        EntryDraftWithdrawn w => new(e.Sequence, EntryVersion.List, ChangeKind.Withdrawn, w.EntryId, null, null, w.WithdrawnAt, null),
        _ => null,
    };

    /// <summary>How an entry's event changes its legal timeline (see <see cref="ValidityIntervalProjection"/>); null for the rest.</summary>
    public static TimelineChange? TimelineOf(IEvent e) => e.Data switch
    {
        EntryPublished p => TimelineChange.Opened(EntryVersion.List, p.EntryId, p.Version, EntryVersion.IdOf(p.EntryId, p.Version), p.EffectiveAt,
            p.RegionCode, p.ItemCode),
        EntryRepealed r => TimelineChange.Closed(EntryVersion.List, r.EntryId, EntryRepeal.From(r, e.Sequence)),
        _ => null,
    };

    public static void AddCatalogue(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Entry>(SnapshotLifecycle.Inline);
        opts.Projections.Add<EntryPublicationProjection>(ProjectionLifecycle.Inline);

        opts.Schema.For<Entry>().DocumentAlias("entry")
            .UniqueUnlessWithdrawn("mt_doc_entry_uidx_region_codeitem_code", x => x.RegionCode, x => x.ItemCode);

        // "As of" reads go through the validity intervals (ValidityIntervalProjection) and fetch versions by primary key;
        // only the version list of one entry reads these columns. Every other index would be written by each publish for nothing.
        opts.Schema.For<EntryVersion>().DocumentAlias("entry_version")
            .Duplicate(x => x.EntryId)
            .Duplicate(x => x.Version);
        opts.Schema.For<EntryRepeal>().DocumentAlias("entry_repeal");

        opts.Events.AddEventTypes(Events);
    }
}
