using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;

namespace CatalogHub.ImplementationLists;

/// <summary>Writes the immutable version and repeal documents inline, in the same transaction as the event.</summary>
public sealed partial class ImplementationListPublicationProjection : EventProjection
{
    public ImplementationListVersion Create(IEvent<ImplementationListPublished> e) => ImplementationListVersion.From(e.Data, e.Sequence);

    public ImplementationListRepeal Create(IEvent<ImplementationListRepealed> e) => ImplementationListRepeal.From(e.Data, e.Sequence);
}

public static class ImplementationListsConfiguration
{
    public const string VersionsTable = "cataloghub.mt_doc_implementation_list_version";
    public const string RepealsTable = "cataloghub.mt_doc_implementation_list_repeal";

    /// <summary>Every event of the module; schemas/ documents each one.</summary>
    public static readonly Type[] Events =
    [
        typeof(ImplementationListDrafted), typeof(ImplementationListDraftRevised), typeof(ImplementationListSubmittedForReview),
        typeof(ImplementationListPublished), typeof(ImplementationListRepealed), typeof(ImplementationListDraftWithdrawn),
    ];

    /// <summary>What the change log (and the basis check's index) records of a list's event; null for the rest.</summary>
    public static PublicationChange? ChangeOf(IEvent e) => e.Data switch
    {
        ImplementationListDrafted d => new(e.Sequence, ImplementationListVersion.List, ChangeKind.Drafted, d.ListId, d.RegionCode, d.ItemCode, d.DraftedAt, null),
        ImplementationListPublished p => new(e.Sequence, ImplementationListVersion.List, ChangeKind.Published, p.ListId, p.RegionCode, p.ItemCode,
            p.PublishedAt, PublicationChange.DocumentOf(ImplementationListVersion.From(p, e.Sequence))),
        ImplementationListRepealed r => new(e.Sequence, ImplementationListVersion.List, ChangeKind.Repealed, r.ListId, null, null, r.RecordedAt,
            PublicationChange.DocumentOf(ImplementationListRepeal.From(r, e.Sequence).Citation)),
        ImplementationListDraftWithdrawn w => new(e.Sequence, ImplementationListVersion.List, ChangeKind.Withdrawn, w.ListId, null, null, w.WithdrawnAt, null),
        _ => null,
    };

    /// <summary>How a list's event changes its legal timeline (see <see cref="ValidityIntervalProjection"/>); null for the rest.</summary>
    public static TimelineChange? TimelineOf(IEvent e) => e.Data switch
    {
        ImplementationListPublished p => TimelineChange.Opened(ImplementationListVersion.List, p.ListId, p.Version,
            ImplementationListVersion.IdOf(p.ListId, p.Version), p.EffectiveAt, p.RegionCode, p.ItemCode),
        ImplementationListRepealed r => TimelineChange.Closed(ImplementationListVersion.List, r.ListId, ImplementationListRepeal.From(r, e.Sequence)),
        _ => null,
    };

    public static void AddImplementationLists(this StoreOptions opts)
    {
        opts.Projections.Snapshot<ImplementationList>(SnapshotLifecycle.Inline);
        opts.Projections.Add<ImplementationListPublicationProjection>(ProjectionLifecycle.Inline);

        opts.Schema.For<ImplementationList>().DocumentAlias("implementation_list")
            .UniqueUnlessWithdrawn("mt_doc_implementation_list_uidx_region_codeitem_code", x => x.RegionCode, x => x.ItemCode)
            .Duplicate(x => x.OwnerDepartmentId);
        opts.Schema.For<ImplementationListVersion>().DocumentAlias("implementation_list_version")
            .Duplicate(x => x.ListId)
            .Duplicate(x => x.Version);
        opts.Schema.For<ImplementationListRepeal>().DocumentAlias("implementation_list_repeal");

        opts.Events.AddEventTypes(Events);
    }
}
