namespace CatalogHub.Publication;

/// <summary>
/// Names the exact published version an answer relied on: which list, which entry, which version, when it
/// was published (recorded), when it took effect (legal) and the event's global sequence number in the store.
/// </summary>
public sealed record Citation(string List, Guid Id, int Version, DateTimeOffset PublishedAt, DateTimeOffset EffectiveAt, long Sequence);

/// <summary>The recorded repeal of an entry: it ends the legal effect of every version at <c>EffectiveAt</c>.</summary>
public sealed record RepealCitation(string List, Guid Id, DateTimeOffset RecordedAt, DateTimeOffset EffectiveAt, long Sequence, string Reason, string Basis);
