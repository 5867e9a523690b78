using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;

namespace CatalogHub.ImplementationLists;

/// <summary>Writes the immutable version and repeal documents inline, in the same transaction as the event.</summary>
public sealed partial class ImplementationListPublicationProjection : EventProjection
{
    public ImplementationListVersion Create(IEvent<ImplementationListPublished> e) => new(
        ImplementationListVersion.IdOf(e.Data.ListId, e.Data.Version), e.Data.ListId, e.Data.Version, e.Data.EntryId, e.Data.ItemCode,
        e.Data.RegionCode, e.Data.Content, e.Data.EffectiveAt, e.Data.PublishedAt, e.Data.PublishedBy, e.Data.Note, e.Sequence);

    public ImplementationListRepeal Create(IEvent<ImplementationListRepealed> e) => new(
        e.Data.ListId, e.Data.EffectiveAt, e.Data.RecordedAt, e.Data.Reason, e.Data.Basis, e.Data.RepealedBy, e.Sequence);
}

public static class ImplementationListsConfiguration
{
    public const string VersionsTable = "cataloghub.mt_doc_implementation_list_version";

    /// <summary>Every event of the module; schemas/ documents each one.</summary>
    public static readonly Type[] Events =
    [
        typeof(ImplementationListDrafted), typeof(ImplementationListDraftRevised), typeof(ImplementationListSubmittedForReview),
        typeof(ImplementationListPublished), typeof(ImplementationListRepealed), typeof(ImplementationListDraftWithdrawn),
    ];

    public static void AddImplementationLists(this StoreOptions opts)
    {
        opts.Projections.Snapshot<ImplementationList>(SnapshotLifecycle.Inline);
        opts.Projections.Add<ImplementationListPublicationProjection>(ProjectionLifecycle.Inline);

        opts.Schema.For<ImplementationList>().DocumentAlias("implementation_list")
            .UniqueIndex(x => x.EntryId, x => x.RegionCode)
            .Duplicate(x => x.OwnerDepartmentId);
        opts.Schema.For<ImplementationListVersion>().DocumentAlias("implementation_list_version")
            .Duplicate(x => x.ListId)
            .Duplicate(x => x.EffectiveAt)
            .Duplicate(x => x.Version);
        opts.Schema.For<ImplementationListRepeal>().DocumentAlias("implementation_list_repeal");

        opts.Events.AddEventTypes(Events);
    }
}
