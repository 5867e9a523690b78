using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;

namespace CatalogHub.Catalogue;

/// <summary>Writes the immutable version and repeal documents inline, in the same transaction as the event.</summary>
public sealed partial class EntryPublicationProjection : EventProjection
{
    // IEvent gives the global sequence number: with Rich append mode Marten assigns it before inline projections run.
    public EntryVersion Create(IEvent<EntryPublished> e) => new(
        EntryVersion.IdOf(e.Data.EntryId, e.Data.Version), e.Data.EntryId, e.Data.Version, e.Data.ItemCode, e.Data.RegionCode,
        e.Data.DerivedFrom, e.Data.Content, e.Data.EffectiveAt, e.Data.PublishedAt, e.Data.PublishedBy, e.Data.Note, e.Sequence);

    public EntryRepeal Create(IEvent<EntryRepealed> e) => new(
        e.Data.EntryId, e.Data.EffectiveAt, e.Data.RecordedAt, e.Data.Reason, e.Data.Basis, e.Data.RepealedBy, e.Sequence);
}

public static class CatalogueConfiguration
{
    /// <summary>Every event of the module; schemas/ documents each one.</summary>
    public static readonly Type[] Events =
    [
        typeof(EntryDrafted), typeof(EntryDraftRevised), typeof(EntrySubmittedForReview), typeof(EntryPublished),
        typeof(EntryRepealed), typeof(EntryDraftWithdrawn),
    ];

    public static void AddCatalogue(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Entry>(SnapshotLifecycle.Inline);
        opts.Projections.Add<EntryPublicationProjection>(ProjectionLifecycle.Inline);

        opts.Schema.For<Entry>().DocumentAlias("entry")
            .UniqueIndex(x => x.RegionCode, x => x.ItemCode);

        // Duplicated columns let the "as of" queries run as plain indexed SQL (see EntryQueries).
        opts.Schema.For<EntryVersion>().DocumentAlias("entry_version")
            .Duplicate(x => x.EntryId)
            .Duplicate(x => x.RegionCode)
            .Duplicate(x => x.EffectiveAt)
            .Duplicate(x => x.Version)
            .Duplicate(x => x.ItemCode);
        opts.Schema.For<EntryRepeal>().DocumentAlias("entry_repeal").Duplicate(x => x.EffectiveAt);

        opts.Events.AddEventTypes(Events);
    }
}
