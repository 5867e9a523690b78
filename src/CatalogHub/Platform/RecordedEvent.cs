using System.Text.Json;
using JasperFx.Events;

namespace CatalogHub.Platform;

/// <summary>One event as the store recorded it: what happened, and who recorded it, why and under which correlation id.</summary>
public sealed record RecordedEvent(
    long Sequence, Guid StreamId, long Version, string Type, DateTimeOffset RecordedAt, string? Department, string? KeyId,
    string? Reason, string? CorrelationId, JsonElement Data)
{
    public static RecordedEvent From(IEvent e) => new(
        e.Sequence, e.StreamId, e.Version, e.EventTypeName, e.Timestamp, e.UserName, Header(e, "keyId"), Header(e, "reason"),
        e.CorrelationId, JsonSerializer.SerializeToElement(e.Data, e.EventType, ApiJson.Options));

    private static string? Header(IEvent e, string name) =>
        e.Headers is not null && e.Headers.TryGetValue(name, out var value) ? value?.ToString() : null;
}
