using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace CatalogHub.Sharing.Notifications;

[JsonConverter(typeof(JsonStringEnumConverter<ChangeKind>))]
public enum ChangeKind
{
    [JsonStringEnumMemberName("licence-revoked")] LicenceRevoked,
    [JsonStringEnumMemberName("seal-revoked")] SealRevoked,
    [JsonStringEnumMemberName("item-published")] ItemPublished,
    [JsonStringEnumMemberName("item-repealed")] ItemRepealed,
    /// <summary>An item of some list names an item of another list that was repealed or cancelled: its owner should revise it.</summary>
    [JsonStringEnumMemberName("needs-revision")] NeedsRevision,
    /// <summary>
    /// The city published a new version of, or repealed, the item a county item derives from (承接, 004:11): the county item's
    /// owner takes the change over or confirms its own version (<c>/filings/city-changes</c>).
    /// </summary>
    [JsonStringEnumMemberName("city-version-changed")] CityVersionChanged,
    /// <summary>A version or repeal of an item, not yet in effect, was cancelled (<c>cancelled</c>) or moved (<c>rescheduledFrom</c>).</summary>
    [JsonStringEnumMemberName("item-schedule-changed")] ItemScheduleChanged,
}

public sealed record SubscriptionCreated(
    Guid SubscriptionId, Guid DepartmentId, string DepartmentCode, string Url, IReadOnlyList<ChangeKind> Kinds, string CreatedBy, DateTimeOffset CreatedAt);

public sealed record SubscriptionCancelled(Guid SubscriptionId, string CancelledBy, DateTimeOffset CancelledAt);

/// <summary>A department's webhook for some kinds of change. Its signing secret is kept apart, in <see cref="SubscriptionSecret"/>.</summary>
public sealed record Subscription(
    Guid Id, Guid DepartmentId, string DepartmentCode, string Url, IReadOnlyList<ChangeKind> Kinds, bool Cancelled) : IEvolving<Subscription>
{
    public long Version { get; set; }

    public static Subscription Create(SubscriptionCreated e) => new(e.SubscriptionId, e.DepartmentId, e.DepartmentCode, e.Url, e.Kinds, false);

    public Subscription Apply(SubscriptionCancelled _) => this with { Cancelled = true };

    public Subscription After(object @event) => @event is SubscriptionCancelled e ? Apply(e)
        : throw new ArgumentException($"{@event.GetType().Name} does not apply to a subscription.", nameof(@event));
}

/// <summary>
/// The HMAC key of a subscription: a document, not an event, so it is never copied into the event history, and stored
/// only sealed under the master key (<see cref="Holders.HolderVault.SealSecret"/>), bound to the subscription's id.
/// </summary>
public sealed record SubscriptionSecret(Guid Id, string SealedSecret);

/// <param name="Url">
/// An https URL on a public address that accepts POSTs; deliveries are retried until it answers 2xx. Plain http and
/// non-public addresses only for hosts in the operator's allow-list (<see cref="WebhookTargets"/>).
/// </param>
public sealed record Subscribe(string Url, IReadOnlyList<ChangeKind> Kinds, string Reason);

public sealed record SubscriptionView(Guid Id, string DepartmentCode, string Url, IReadOnlyList<ChangeKind> Kinds, bool Cancelled, long Version)
{
    public static SubscriptionView Of(Subscription s, long version) => new(s.Id, s.DepartmentCode, s.Url, s.Kinds, s.Cancelled, version);
}

/// <summary>The only response that contains the signing secret: keep it to check the <c>X-CatalogHub-Signature</c> of deliveries.</summary>
public sealed record CreatedSubscription(SubscriptionView Subscription, string Secret);

public sealed record CancelSubscription(string Reason);

public static class SubscriptionsEndpoint
{
    /// <summary>Subscribes the caller's department's webhook to some kinds of change; the signing secret is shown in this response only.</summary>
    [WolverinePost("/sharing/subscriptions", Name = "Subscribe"), Idempotent]
    [ProblemCodes(400, "invalid-url", "https-required", "non-public-target", "duplicate-kind")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: notifications")]
    [ProducesResponseType<CreatedSubscription>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Create(Subscribe command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        WebhookTargets targets, Holders.HolderVault vault)
    {
        var input = new Validation();
        if (input.Text("url", command.Url, 500)
            && input.Check(Uri.TryCreate(command.Url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && string.IsNullOrEmpty(uri.UserInfo),
                "url", "invalid-url", "must be an absolute http(s) URL without credentials.")
            && await targets.Refusal(uri!, http.RequestAborted) is { } refusal)
            input.Check(false, "url", refusal.Code, refusal.Message);
        if (input.List("kinds", command.Kinds, 4))
            input.Check(command.Kinds.Distinct().Count() == command.Kinds.Count, "kinds", "duplicate-kind", "lists a kind twice.");
        input.Text("reason", command.Reason, 500);
        if (input.Failed) return input.Problem();

        var caller = Caller.Required(user);
        var created = new SubscriptionCreated(Guid.CreateVersion7(), caller.DepartmentId, caller.DepartmentCode, command.Url, command.Kinds,
            caller.DepartmentCode, clock.GetUtcNow());
        var secret = RandomNumberGenerator.GetBytes(32);
        session.Events.StartStream<Subscription>(created.SubscriptionId, created);
        session.Insert(new SubscriptionSecret(created.SubscriptionId, vault.SealSecret(created.SubscriptionId.ToString(), secret)));
        session.Record(caller, command.Reason, http);
        http.SetETag(1);
        return Idempotency.Created(session, http, $"/sharing/subscriptions/{created.SubscriptionId}",
            new CreatedSubscription(SubscriptionView.Of(Subscription.Create(created), 1), Convert.ToBase64String(secret)));
    }

    /// <summary>Cancels a subscription of the caller's department: no notice is delivered to it any more.</summary>
    [WolverinePost("/sharing/subscriptions/{id}/cancel", Name = "CancelSubscription")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: notifications")]
    [ProducesResponseType<SubscriptionView>(StatusCodes.Status200OK)]
    public static Task<IResult> Cancel(Guid id, CancelSubscription command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock) =>
        StreamWrites.Change<Subscription>(id, command.Reason, new Validation(), http, user, session,
            (caller, subscription) => caller.DepartmentId == subscription.DepartmentId ? null : Problems.NotFound("The subscription"),
            (subscription, caller) => subscription.Cancelled ? Decision.Nothing
                : Decision.Record(new SubscriptionCancelled(id, caller.DepartmentCode, clock.GetUtcNow())),
            SubscriptionView.Of);
}
