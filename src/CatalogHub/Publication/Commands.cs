
namespace CatalogHub.Publication;

/// <summary>Sends the pending draft of a list to its region's catalogue manager for review.</summary>
public sealed record SubmitForReview(string Reason);

/// <summary>Discards the pending draft. A never-published list is thereby closed; a published one keeps its versions.</summary>
public sealed record WithdrawDraft(string Reason);

/// <summary>Publishes the reviewed draft of a list as its next immutable version.</summary>
/// <param name="EffectiveAt">
/// When the version takes legal effect; now when omitted. Before now, it is a correction (更正) of what was in force from then
/// until the next version or repeal already on the timeline (a version starting at that very instant is replaced), and
/// needs <paramref name="Basis"/>.
/// </param>
/// <param name="Basis">The decision that orders a correction (required for one, else optional).</param>
public sealed record Publish(DateTimeOffset? EffectiveAt, string? Note, string Reason, string? Basis = null);

/// <summary>
/// Ends the legal effect of a list at <paramref name="EffectiveAt"/> (now when omitted), citing why (取消、调整, 002:12). Before
/// now, it is a correction: the item was not in force from then until the next version already on the timeline.
/// </summary>
public sealed record Repeal(DateTimeOffset? EffectiveAt, string Basis, string Reason);

/// <summary>
/// Cancels a change not yet in effect: version <paramref name="Version"/>, or the repeal (<paramref name="Repeal"/> true),
/// scheduled for a future time. Name exactly one. What was in force before it goes on.
/// </summary>
public sealed record CancelScheduled(int? Version, bool? Repeal, string Basis, string Reason);

/// <summary>Moves a change not yet in effect (as <see cref="CancelScheduled"/> names it) to <paramref name="EffectiveAt"/>, between the same neighbours.</summary>
public sealed record Reschedule(int? Version, bool? Repeal, DateTimeOffset? EffectiveAt, string Basis, string Reason);
