using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using Marten.Services;

namespace CatalogHub.Departments;

/// <summary>
/// The departments of recently authenticated keys, so an authenticated request costs no database round trip for its key.
/// Every request still checks the key's hash, revocation and expiry against the cached department. A revocation committed
/// on this node takes effect at once: <see cref="ApiKeyRevocationListener"/> tombstones the key before the revoking request
/// answers, and a tombstoned key is always read from the store. On other nodes a revoked key keeps authenticating for at
/// most <see cref="Lifetime"/>. The same holds for a department's deregistration, which ends all its keys. Roles never
/// change after registration, so revocation and deregistration are the only changes that matter.
/// The principal the key authenticates as is kept beside its department and lives exactly as long: it is built from the same
/// department read, so it can say nothing the department no longer says (issue 14: building it took about 3% of a basis check).
/// </summary>
public sealed class ApiKeyCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>A key's department as read from the store, and the principal built from it (shared by the requests it authenticates: read only).</summary>
    public sealed record Accepted(Department Department, ClaimsPrincipal Principal);

    private readonly ConcurrentDictionary<string, (Accepted Accepted, long CachedAt)> _departments = new();
    // Revocation is final, so a tombstone never has to be lifted; there are as many as keys revoked while this node runs.
    private readonly ConcurrentDictionary<string, bool> _revoked = new();
    // Deregistration is final too: departments deregistered while this node runs.
    private readonly ConcurrentDictionary<Guid, bool> _deregistered = new();

    public Accepted? Find(string keyId) =>
        !_revoked.ContainsKey(keyId) && _departments.TryGetValue(keyId, out var cached) && !_deregistered.ContainsKey(cached.Accepted.Department.Id)
        && Stopwatch.GetElapsedTime(cached.CachedAt) < Lifetime
            ? cached.Accepted : null;

    /// <summary>How long a key this node accepted keeps authenticating while the store cannot be reached.</summary>
    public static readonly TimeSpan OutageGrace = TimeSpan.FromMinutes(5);

    /// <summary>The department of a key accepted within <see cref="OutageGrace"/>, for when the store cannot be asked.</summary>
    public Accepted? Recall(string keyId) =>
        !_revoked.ContainsKey(keyId) && _departments.TryGetValue(keyId, out var cached) && Stopwatch.GetElapsedTime(cached.CachedAt) < OutageGrace
            ? cached.Accepted : null;

    public void Keep(string keyId, Accepted accepted)
    {
        if (!_revoked.ContainsKey(keyId) && !_deregistered.ContainsKey(accepted.Department.Id)) _departments[keyId] = (accepted, Stopwatch.GetTimestamp());
    }

    public void Revoked(string keyId)
    {
        _revoked[keyId] = true;
        _departments.TryRemove(keyId, out _);
    }

    public void Deregistered(Guid departmentId) => _deregistered[departmentId] = true;

    /// <summary>For a store wiped under a running node (the tests).</summary>
    public void Clear()
    {
        _departments.Clear();
        _revoked.Clear();
        _deregistered.Clear();
    }
}

/// <summary>Tombstones each key whose revocation, and each department whose deregistration, this node commits, before the request returns.</summary>
public sealed class ApiKeyRevocationListener(ApiKeyCache cache) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var e in commit.GetEvents())
            switch (e.Data)
            {
                case ApiKeyRevoked revoked: cache.Revoked(revoked.KeyId); break;
                case DepartmentDeregistered deregistered: cache.Deregistered(deregistered.DepartmentId); break;
            }
        return Task.CompletedTask;
    }
}
