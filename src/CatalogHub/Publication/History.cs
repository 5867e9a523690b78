namespace CatalogHub.Publication;

/// <summary>Every event of a list's stream, drafts included: for its editors and auditors only.</summary>
public static class History
{
    public static async Task<IReadOnlyList<RecordedEvent>?> Read<T>(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
        where T : class, IPublishable<T>
    {
        var item = await session.LoadAsync<T>(id, ct);
        if (item is null || !PublicationAccess.MaySeeDrafts(Caller.From(user), item)) return null;
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return [.. events.Select(RecordedEvent.From)];
    }
}
