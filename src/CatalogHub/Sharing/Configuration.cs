using CatalogHub.Sharing.Holders;
using CatalogHub.Sharing.Licences;
using CatalogHub.Sharing.LicenceTypes;
using CatalogHub.Sharing.Seals;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;

namespace CatalogHub.Sharing;

/// <summary>Writes the licence catalogue's immutable versions and repeals inline, in the same transaction as the event.</summary>
public sealed partial class LicenceTypePublicationProjection : EventProjection
{
    public LicenceTypeVersion Create(IEvent<LicenceTypePublished> e) => new(
        LicenceTypeVersion.IdOf(e.Data.TypeId, e.Data.Version), e.Data.TypeId, e.Data.Version, e.Data.Code, e.Data.IssuerDepartmentId,
        e.Data.IssuerCode, e.Data.Content, e.Data.EffectiveAt, e.Data.PublishedAt, e.Data.PublishedBy, e.Data.Note, e.Sequence);

    public LicenceTypeRepeal Create(IEvent<LicenceTypeRepealed> e) => new(
        e.Data.TypeId, e.Data.EffectiveAt, e.Data.RecordedAt, e.Data.Reason, e.Data.Basis, e.Data.RepealedBy, e.Sequence);
}

public static class SharingConfiguration
{
    /// <summary>Every event of the module; schemas/ documents each one.</summary>
    public static readonly Type[] Events =
    [
        typeof(SealRegistered), typeof(SealSuspended), typeof(SealReinstated), typeof(SealRevoked),
        typeof(LicenceTypeDrafted), typeof(LicenceTypeDraftRevised), typeof(LicenceTypeSubmittedForReview), typeof(LicenceTypePublished),
        typeof(LicenceTypeRepealed), typeof(LicenceTypeDraftWithdrawn),
        typeof(LicenceIssued), typeof(LicenceChanged), typeof(LicenceSuspended), typeof(LicenceReinstated), typeof(LicenceRevoked),
        typeof(LicenceExpired),
    ];

    /// <summary>How a licence type's event changes its legal timeline (see <see cref="ValidityIntervalProjection"/>); null for the rest.</summary>
    public static TimelineChange? TimelineOf(IEvent e) => e.Data switch
    {
        LicenceTypePublished p => TimelineChange.Opened(LicenceTypeVersion.List, p.TypeId, p.Version, LicenceTypeVersion.IdOf(p.TypeId, p.Version), p.EffectiveAt),
        LicenceTypeRepealed r => TimelineChange.Closed(LicenceTypeVersion.List, r.TypeId, r.EffectiveAt),
        _ => null,
    };

    public static void AddSharing(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Seal>(SnapshotLifecycle.Inline);
        opts.Schema.For<Seal>().DocumentAlias("seal").Duplicate(x => x.DepartmentCode);
        opts.Projections.Snapshot<LicenceType>(SnapshotLifecycle.Inline);
        opts.Projections.Add<LicenceTypePublicationProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<LicenceType>().DocumentAlias("licence_type").UniqueIndex(x => x.Code);
        opts.Schema.For<LicenceTypeVersion>().DocumentAlias("licence_type_version")
            .Duplicate(x => x.TypeId).Duplicate(x => x.Version);
        opts.Schema.For<LicenceTypeRepeal>().DocumentAlias("licence_type_repeal");
        opts.Projections.Snapshot<Licence>(SnapshotLifecycle.Inline);
        // Lookups go by the holder's keyed hash, never by the clear ID (which the store does not hold).
        opts.Schema.For<Licence>().DocumentAlias("licence")
            .UniqueIndex(x => x.SerialKey)
            .Duplicate(x => x.HolderRef).Duplicate(x => x.TypeCode).Duplicate(x => x.Identifier);
        opts.Schema.For<HolderKey>().DocumentAlias("holder_key");
        opts.Events.AddEventTypes(Events);
    }
}
