using CatalogHub.Sharing.Seals;
using JasperFx.Events.Projections;
using Marten;

namespace CatalogHub.Sharing;

public static class SharingConfiguration
{
    /// <summary>Every event of the module; schemas/ documents each one.</summary>
    public static readonly Type[] Events =
    [
        typeof(SealRegistered), typeof(SealSuspended), typeof(SealReinstated), typeof(SealRevoked),
    ];

    public static void AddSharing(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Seal>(SnapshotLifecycle.Inline);
        opts.Schema.For<Seal>().DocumentAlias("seal").Duplicate(x => x.DepartmentCode);
        opts.Events.AddEventTypes(Events);
    }
}
