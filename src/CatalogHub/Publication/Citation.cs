using System.Text.Json.Serialization;

namespace CatalogHub.Publication;

/// <summary>
/// Names the exact published version an answer relied on: which list, which entry, which version, when it
/// was published (recorded), when it took effect (legal) and the event's global sequence number in the store.
/// An "as of" answer adds both clocks' instants it was asked about — in force at <c>AsOf</c>, as the record stood at
/// <c>KnownAt</c> — and <c>RecordedBy</c>, the sequence number of the event that put that on record (the publication
/// itself, or a later correction, cancellation or rescheduling that reshaped the version's interval).
/// </summary>
public sealed record Citation(string List, Guid Id, int Version, DateTimeOffset PublishedAt, DateTimeOffset EffectiveAt, long Sequence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AsOf = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? KnownAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? RecordedBy = null);

/// <summary>The recorded repeal of an entry: it ends the legal effect of every version at <c>EffectiveAt</c>.</summary>
public sealed record RepealCitation(string List, Guid Id, DateTimeOffset RecordedAt, DateTimeOffset EffectiveAt, long Sequence, string Reason, string Basis);
