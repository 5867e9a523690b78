using CatalogHub.Sharing.AccessLog;
using CatalogHub.Sharing.Grants;
using CatalogHub.Sharing.Holders;
using CatalogHub.Sharing.Licences;
using CatalogHub.Sharing.Notifications;
using CatalogHub.Sharing.Seals;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Wolverine;
using Wolverine.ErrorHandling;

namespace CatalogHub.Sharing;

/// <summary>Writes one immutable access-log document per read, inline with its event (so a 403 still leaves its record).</summary>
public sealed partial class AccessLogProjection : EventProjection
{
    public AccessRecord Create(IEvent<LicenceDataAccessed> e) => new(
        e.Data.AccessId, e.Data.ConsumerDepartmentId, e.Data.ConsumerCode, e.Data.KeyId, e.Data.HolderRef, e.Data.TypeCode, e.Data.LicenceIds,
        e.Data.Identifiers, e.Data.Fields, e.Data.PurposeItemId, e.Data.PurposeItemName, e.Data.PurposeCitation, e.Data.Outcome, e.Data.ReasonCode,
        e.Data.GrantId, e.Data.At, e.Sequence);
}

public static class SharingConfiguration
{
    /// <summary>Every event of the module; schemas/ documents each one.</summary>
    public static readonly Type[] Events =
    [
        typeof(SealRegistered), typeof(SealSuspended), typeof(SealReinstated), typeof(SealRevoked),
        typeof(LicenceIssued), typeof(LicenceChanged), typeof(LicenceSuspended), typeof(LicenceReinstated), typeof(LicenceRevoked),
        typeof(LicenceExpired), typeof(GrantIssued), typeof(GrantRevoked), typeof(LicenceDataAccessed), typeof(HolderErased),
        typeof(SubscriptionCreated), typeof(SubscriptionCancelled),
    ];

    public static void AddSharing(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Seal>(SnapshotLifecycle.Inline);
        opts.Schema.For<Seal>().DocumentAlias("seal").Duplicate(x => x.DepartmentCode);
        opts.Projections.Snapshot<Licence>(SnapshotLifecycle.Inline);
        // Lookups go by the holder's keyed hash, never by the clear ID (which the store does not hold).
        opts.Schema.For<Licence>().DocumentAlias("licence")
            .UniqueIndex(x => x.SerialKey)
            .Duplicate(x => x.HolderRef).Duplicate(x => x.TypeCode).Duplicate(x => x.Identifier);
        opts.Schema.For<HolderKey>().DocumentAlias("holder_key");
        opts.Projections.Snapshot<Grant>(SnapshotLifecycle.Inline);
        opts.Schema.For<Grant>().DocumentAlias("grant").Duplicate(x => x.ConsumerDepartmentId).Duplicate(x => x.TypeCode);
        opts.Projections.Add<AccessLogProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<AccessRecord>().DocumentAlias("access_record")
            .Duplicate(x => x.HolderRef).Duplicate(x => x.ConsumerCode).Duplicate(x => x.At).Duplicate(x => x.Sequence);
        opts.Projections.Snapshot<Subscription>(SnapshotLifecycle.Inline);
        opts.Schema.For<Subscription>().DocumentAlias("subscription");
        opts.Schema.For<SubscriptionSecret>().DocumentAlias("subscription_secret");
        opts.Events.AddEventTypes(Events);
    }

    /// <summary>
    /// Webhooks go through durable local queues: notices and deliveries are stored in PostgreSQL (Wolverine's Marten-backed
    /// inbox) until handled, so they survive a restart. A refused or failed delivery is retried at once with short
    /// cool-downs, then scheduled (also stored) with a growing back-off; after the last attempt it lands in the dead letters.
    /// </summary>
    public static void AddSharing(this WolverineOptions opts)
    {
        opts.Policies.UseDurableLocalQueues();
        opts.OnException<WebhookRejectedException>().Or<HttpRequestException>().Or<TaskCanceledException>()
            .RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
            .Then.ScheduleRetry(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6));
    }
}
