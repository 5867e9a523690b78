using Marten;
using Marten.Services;

namespace CatalogHub.Tests.Support;

/// <summary>
/// Lets a test act at the edges of the next commit that appends events (an endpoint's effect, not the bookkeeping
/// around it): stall it before it is sent, or break the connection once it is durable. Inert unless armed; each
/// arming fires once.
/// </summary>
public sealed class CommitHooks : DocumentSessionListenerBase
{
    private Func<Task>? _beforeCommit;
    private Func<Task>? _afterCommit;

    public void BeforeNextCommit(Func<Task> action) => _beforeCommit = action;

    public void AfterNextCommit(Func<Task> action) => _afterCommit = action;

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (session.PendingChanges.Streams().Any() && Interlocked.Exchange(ref _beforeCommit, null) is { } action)
            await action();
    }

    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.GetEvents().Any() && Interlocked.Exchange(ref _afterCommit, null) is { } action)
            await action();
    }
}
