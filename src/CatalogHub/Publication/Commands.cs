
namespace CatalogHub.Publication;

/// <summary>Sends the pending draft of a list to its region's catalogue manager for review.</summary>
public sealed record SubmitForReview(string Reason);

/// <summary>Discards the pending draft. A never-published list is thereby closed; a published one keeps its versions.</summary>
public sealed record WithdrawDraft(string Reason);

/// <summary>Publishes the reviewed draft of a list as its next immutable version.</summary>
/// <param name="EffectiveAt">When the version takes legal effect; now when omitted, and never earlier than now.</param>
public sealed record Publish(DateTimeOffset? EffectiveAt, string? Note, string Reason);

/// <summary>Ends the legal effect of a list at <paramref name="EffectiveAt"/> (now when omitted), citing why (取消、调整, 002:12).</summary>
public sealed record Repeal(DateTimeOffset? EffectiveAt, string Basis, string Reason);
