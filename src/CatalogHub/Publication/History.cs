using System.Security.Claims;
using System.Text.Json;
using CatalogHub.Platform;
using Marten;

namespace CatalogHub.Publication;

/// <summary>One event of a list's stream with who recorded it, why, and under which correlation id.</summary>
public sealed record HistoryEvent(
    long Sequence, long Version, string Type, DateTimeOffset RecordedAt, string? Department, string? KeyId, string? Reason,
    string? CorrelationId, JsonElement Data);

/// <summary>Every event of a list's stream, drafts included: for its editors and auditors only.</summary>
public static class History
{
    public static async Task<IReadOnlyList<HistoryEvent>?> Read<T>(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
        where T : class, IPublishable<T>
    {
        var item = await session.LoadAsync<T>(id, ct);
        if (item is null || !PublicationAccess.MaySeeDrafts(Caller.From(user), item)) return null;
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return [.. events.Select(e => new HistoryEvent(
            e.Sequence, e.Version, e.EventTypeName, e.Timestamp, e.UserName,
            Header(e.Headers, "keyId"), Header(e.Headers, "reason"), e.CorrelationId,
            JsonSerializer.SerializeToElement(e.Data, e.EventType, ApiJson.Options)))];
    }

    private static string? Header(IDictionary<string, object>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? value?.ToString() : null;
}
