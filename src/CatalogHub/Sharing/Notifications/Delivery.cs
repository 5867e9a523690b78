using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CatalogHub.BasisCheck;
using CatalogHub.Publication.Lists;
using CatalogHub.Sharing.Licences;
using CatalogHub.Sharing.Seals;
using Wolverine;

namespace CatalogHub.Sharing.Notifications;

/// <summary>
/// A change subscribers hear about. It is published through Wolverine's Marten-backed outbox in the very transaction
/// that records the change, so it is sent if and only if the change is committed.
/// </summary>
/// <param name="Identifier">The licence identifier, for licence changes.</param>
/// <param name="Version">The published version, for item-published.</param>
/// <param name="List">Which published list the subject belongs to (<c>base-catalogue</c>, <c>proof-items</c>, ...), for item changes.</param>
/// <param name="Cause">
/// For needs-revision: the item, of another list, whose repeal or cancellation left the subject naming it; for
/// city-version-changed: the city item the subject derives from, which published <c>Version</c> or was repealed.
/// </param>
/// <param name="Retroactive">
/// For item-published and item-repealed: true for a correction (更正), which changes what was in force at instants already
/// past when it was recorded (from <c>EffectiveAt</c>): answers given about them may need checking again.
/// </param>
/// <param name="Cancelled">For item-schedule-changed: the change scheduled for <c>EffectiveAt</c> will not take effect.</param>
/// <param name="RescheduledFrom">For item-schedule-changed: the change scheduled for this instant takes effect at <c>EffectiveAt</c> instead.</param>
public sealed record ChangeNotice(
    Guid NoticeId, ChangeKind Kind, Guid SubjectId, string? Identifier, int? Version, DateTimeOffset EffectiveAt, DateTimeOffset RecordedAt, string By,
    string? List = null, Guid? Cause = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Retroactive = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Cancelled = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? RescheduledFrom = null);

/// <summary>One notice on its way to one subscription; retried on its own until that subscriber accepts it.</summary>
public sealed record WebhookDelivery(Guid DeliveryId, Guid SubscriptionId, ChangeNotice Notice);

/// <summary>The subscriber answered, but not with 2xx: the delivery is retried later.</summary>
public sealed class WebhookRejectedException(int status) : Exception($"The subscriber answered {status}.");

public static class ChangeNotices
{
    /// <summary>The notice an event calls for, if any, given the aggregate it applied to.</summary>
    public static ChangeNotice? Of(object aggregate, object @event) => @event switch
    {
        LicenceRevoked e => new(Guid.CreateVersion7(), ChangeKind.LicenceRevoked, e.LicenceId, (aggregate as Licence)?.Identifier, null,
            e.EffectiveAt, e.RecordedAt, e.RevokedBy),
        SealRevoked e => new(Guid.CreateVersion7(), ChangeKind.SealRevoked, e.SealId, null, null, e.EffectiveAt, e.RecordedAt, e.RevokedBy),
        IItemPublished e when aggregate is IListItem item => new(Guid.CreateVersion7(), ChangeKind.ItemPublished, e.Id, null, e.Version,
            e.EffectiveAt, e.PublishedAt, e.PublishedBy, item.List, Retroactive: e.EffectiveAt < e.PublishedAt),
        IItemRepealed e when aggregate is IListItem item => new(Guid.CreateVersion7(), ChangeKind.ItemRepealed, e.Id, null, null,
            e.EffectiveAt, e.RecordedAt, e.RepealedBy, item.List, Retroactive: e.EffectiveAt < e.RecordedAt),
        IItemScheduleChanged e when aggregate is IListItem item => new(Guid.CreateVersion7(), ChangeKind.ItemScheduleChanged, e.Id, null, e.Version,
            e.To ?? e.From, e.RecordedAt, e.By, item.List, Cancelled: e.To is null ? true : null, RescheduledFrom: e.To is null ? null : e.From),
        _ => null,
    };

    /// <summary>
    /// The items left naming a repealed or cancelled item (a proof item's cancellation leaves the implementation lists whose
    /// materials are that proof), one needs-revision notice each, from this node's index of published versions.
    /// </summary>
    public static IEnumerable<ChangeNotice> NeedingRevision(ChangeNotice repealed, PublishedIndex index) =>
        from dependent in index.Dependents(repealed.SubjectId)
        select new ChangeNotice(Guid.CreateVersion7(), ChangeKind.NeedsRevision, dependent.Id, null, null, repealed.EffectiveAt,
            repealed.RecordedAt, repealed.By, dependent.List, repealed.SubjectId);

    /// <summary>
    /// The county items derived from an item that published a version or was repealed (承接, 004:11), withdrawn drafts aside
    /// and only those drafted before the change (this runs after the commit, when a county may already have taken the new
    /// version over): one city-version-changed notice each, found through the items' derivedFrom index (ListDefinition.Configure;
    /// its expression and predicate are repeated here so that the planner uses it).
    /// </summary>
    public static async Task<IEnumerable<ChangeNotice>> CityVersionChanged(ChangeNotice changed, IQuerySession session, CancellationToken ct)
    {
        if (changed.List is null || ListRegistry.Find(changed.List) is not { } list) return [];
        var (table, id) = changed.Version is { } version
            ? (list.VersionsTable, $"{changed.SubjectId}:{version}")
            : (ListDefinition.RepealsTable, changed.SubjectId.ToString());
        var derived = await session.AdvancedSql.QueryAsync<Guid>($"""
            select i.id from {list.ItemsTable} i
            join {Hosting.SchemaName}.mt_events drafted on drafted.stream_id = i.id and drafted.version = 1
            where (i.data->>'derivedFrom')::uuid = ? and i.data->>'derivedFrom' is not null and i.data->'lifecycle'->>'stage' <> 'withdrawn'
              and drafted.seq_id < (select (c.data->>'sequence')::bigint from {table} c where c.id::text = ?)
            """, ct, changed.SubjectId, id);
        return derived.Select(item => new ChangeNotice(Guid.CreateVersion7(), ChangeKind.CityVersionChanged, item, null, changed.Version,
            changed.EffectiveAt, changed.RecordedAt, changed.By, changed.List, changed.SubjectId));
    }
}

/// <summary>
/// Fans a notice out into one delivery per live subscription to its kind; a repeal into the needs-revision notices of the
/// items that name the repealed one; a publication or a repeal into the city-version-changed notices of the items derived
/// from it (Wolverine cascades the returned messages; each is fanned out in turn).
/// </summary>
public static class ChangeNoticeHandler
{
    public static async Task<OutgoingMessages> Handle(ChangeNotice notice, IQuerySession session, PublishedIndex index, CancellationToken ct)
    {
        var live = await session.Query<Subscription>().Where(s => !s.Cancelled).ToListAsync(ct);
        var messages = new OutgoingMessages();
        messages.AddRange(live.Where(s => s.Kinds.Contains(notice.Kind)).Select(s => new WebhookDelivery(Guid.CreateVersion7(), s.Id, notice)));
        if (notice.Kind == ChangeKind.ItemRepealed) messages.AddRange(ChangeNotices.NeedingRevision(notice, index));
        if (notice.Kind is ChangeKind.ItemPublished or ChangeKind.ItemRepealed) messages.AddRange(await ChangeNotices.CityVersionChanged(notice, session, ct));
        return messages;
    }
}

/// <summary>
/// POSTs a notice to its subscriber, signed: <c>X-CatalogHub-Signature: sha256={hex HMAC-SHA-256 over "{timestamp}.{body}"}</c>
/// under the subscription's secret, with <c>X-CatalogHub-Timestamp</c> (Unix seconds) and <c>X-CatalogHub-Delivery</c>
/// (the same id on every retry, so receivers can drop duplicates: delivery is at least once).
/// </summary>
public static class WebhookDeliveryHandler
{
    public const string SignatureHeader = "X-CatalogHub-Signature";
    public const string TimestampHeader = "X-CatalogHub-Timestamp";
    public const string DeliveryHeader = "X-CatalogHub-Delivery";

    /// <summary>Sends one delivery, counting its outcome (<see cref="HubMetrics.WebhookDelivery"/>); a failure is rethrown for Wolverine to retry.</summary>
    public static async Task Handle(WebhookDelivery delivery, IQuerySession session, IHttpClientFactory clients, TimeProvider clock,
        WebhookTargets targets, Holders.HolderVault vault, ILogger<WebhookDelivery> logger, HubMetrics metrics, CancellationToken ct)
    {
        WebhookOutcome outcome;
        try
        {
            outcome = await Send(delivery, session, clients, clock, targets, vault, logger, ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            metrics.WebhookDelivery(delivery.DeliveryId, delivery.Notice.RecordedAt, WebhookOutcome.Failed);
            throw;
        }
        metrics.WebhookDelivery(delivery.DeliveryId, delivery.Notice.RecordedAt, outcome);
    }

    private static async Task<WebhookOutcome> Send(WebhookDelivery delivery, IQuerySession session, IHttpClientFactory clients, TimeProvider clock,
        WebhookTargets targets, Holders.HolderVault vault, ILogger<WebhookDelivery> logger, CancellationToken ct)
    {
        var subscription = await session.LoadAsync<Subscription>(delivery.SubscriptionId, ct);
        var secret = await session.LoadAsync<SubscriptionSecret>(delivery.SubscriptionId, ct);
        // A subscription cancelled meanwhile gets nothing more.
        if (subscription is null || subscription.Cancelled || secret is null) return WebhookOutcome.Dropped;
        var url = new Uri(subscription.Url);
        // Subscriptions made before a stricter allow-list are held to the current one.
        if (!targets.InAllowList(url) && url.Scheme != Uri.UriSchemeHttps)
        {
            Refused(logger, delivery, WebhookTargets.HttpsRequired.Message);
            return WebhookOutcome.Dropped;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(delivery.Notice, ApiJson.Options);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, "sha256=" + Sign(vault.OpenSecret(subscription.Id.ToString(), secret.SealedSecret), timestamp, body));
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(DeliveryHeader, delivery.DeliveryId.ToString());
        try
        {
            using var response = await clients.CreateClient(nameof(WebhookDeliveryHandler)).SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) throw new WebhookRejectedException((int)response.StatusCode);
            return WebhookOutcome.Delivered;
        }
        // The target resolved to an address the hub may not call: retrying cannot help, so the delivery ends here.
        catch (HttpRequestException e) when (e.InnerException is WebhookTargetRefusedException refused)
        {
            Refused(logger, delivery, refused.Message);
            return WebhookOutcome.Dropped;
        }
    }

    private static void Refused(ILogger logger, WebhookDelivery delivery, string reason) =>
        logger.LogWarning("Webhook delivery {DeliveryId} for subscription {SubscriptionId} refused and dropped: {Reason}",
            delivery.DeliveryId, delivery.SubscriptionId, reason);

    public static string Sign(byte[] secret, string timestamp, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, (byte[])[.. Encoding.ASCII.GetBytes(timestamp + "."), .. body]));
}
