using System.Security.Cryptography;
using System.Text.Json;
using JasperFx;
using CatalogHub.Sharing.Holders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CatalogHub.Platform;

/// <summary>Marks a creating POST whose retries with the same <c>Idempotency-Key</c> must not create twice.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute;

/// <summary>
/// One Idempotency-Key of one department. Id: <c>{departmentId}:{key}</c>. While its request runs it is a claim
/// (<see cref="Completed"/> false, held by <see cref="Claim"/>) that lapses at <see cref="ExpiresAt"/>; once the
/// effect commits it is the stored answer, kept until <see cref="ExpiresAt"/>. Past that instant it counts as absent.
/// </summary>
public sealed record IdempotencyRecord(
    string Id, string RequestHash, Guid Claim, DateTimeOffset ExpiresAt, bool Completed, int Status, string? Location, string? ETag, string? Body)
{
    /// <summary>Marten's optimistic-concurrency version, set on load and on save: taking a key over is an update against it.</summary>
    [Marten.Schema.Version]
    public Guid Version { get; set; }
}

/// <summary>How long claims and answers live: <c>CATALOGHUB_IDEMPOTENCY_HOURS</c> (24 by default) for answers, a minute for claims.</summary>
public sealed record IdempotencyOptions(TimeSpan Window, TimeSpan Lease)
{
    public static IdempotencyOptions From(IConfiguration config) =>
        config.GetValue("CATALOGHUB_IDEMPOTENCY_HOURS", 24.0) is var hours and > 0
            ? new(TimeSpan.FromHours(hours), TimeSpan.FromSeconds(60))
            : throw new InvalidOperationException("CATALOGHUB_IDEMPOTENCY_HOURS must be a positive number of hours.");
}

/// <summary>The key a running request holds: what the endpoint needs to store its answer in its own transaction.</summary>
internal sealed record IdempotencyClaim(string Id, string RequestHash, Guid Token, Guid Version, DateTimeOffset KeepUntil)
{
    public bool AnswerQueued { get; set; }
}

/// <summary>
/// Idempotency-Key for creating POSTs (IETF draft-ietf-httpapi-idempotency-key-header). The protocol, in three steps:
/// <list type="number">
/// <item><b>Claim.</b> Before the request runs, <see cref="IdempotencyMiddleware"/> inserts the key's record as a claim
/// with a lease of a minute. A second request with the key finds it: 409 <c>idempotency-in-progress</c> while the claim
/// is live, the stored answer once completed, 422 <c>idempotency-key-reused</c> for a different body. A claim whose lease
/// ran out (its request hung or its node died) or an answer older than the window is taken over by the next request, with
/// an optimistic-concurrency update so only one taker wins.</item>
/// <item><b>Answer with the effect.</b> Each creating endpoint returns through <see cref="Created"/> (or <see cref="Ok"/>), which queues the
/// completed record (201, Location, ETag, body) in the endpoint's own Marten session, versioned against the claim. Wolverine
/// commits that session after the endpoint returns and before the response is written, so the answer commits with the
/// events or not at all; a request whose claim was taken over cannot commit its effect.</item>
/// <item><b>Release.</b> When the effect did not commit (a refusal, an exception, a cut connection), the middleware deletes
/// the claim, only if it is still this request's and not completed. A retry then runs afresh: a refusal or an error is
/// never replayed, and a write that committed is always replayed, whatever the client saw. If the release itself fails,
/// the lease frees the key a minute later.</item>
/// <item><b>Late commits.</b> A request that outlived its lease and lost the key to a retry fails at commit and is
/// answered as a duplicate of the retry. If its lapsed claim was purged and nobody took the key, its commit recreates
/// the record with its answer, so the effect still never exists without the answer.</item>
/// </list>
/// Answers are kept for <see cref="IdempotencyOptions.Window"/>; <see cref="IdempotencyPurger"/> deletes expired records.
/// </summary>
public static class Idempotency
{
    private const int PurgeBatch = 1000;

    /// <summary>The 201 of a creating endpoint; with a claimed key, its answer is stored in the same transaction as the effect.</summary>
    public static Created<T> Created<T>(IDocumentSession session, HttpContext http, string location, T body)
    {
        Store(session, http, StatusCodes.Status201Created, location, body);
        return TypedResults.Created(location, body);
    }

    /// <summary>The 200 of a POST that creates several resources at once (a bulk publication), stored as <see cref="Created{T}"/> stores its answer.</summary>
    public static Ok<T> Ok<T>(IDocumentSession session, HttpContext http, T body)
    {
        Store(session, http, StatusCodes.Status200OK, null, body);
        return TypedResults.Ok(body);
    }

    private static void Store<T>(IDocumentSession session, HttpContext http, int status, string? location, T body)
    {
        if (http.Items[typeof(IdempotencyClaim)] is not IdempotencyClaim claim) return;
        var answer = new IdempotencyRecord(claim.Id, claim.RequestHash, claim.Token, claim.KeepUntil, true, status,
            location, http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null, SealedBody(http, claim.Id, body));
        // Versioned against the claim: if another request took the key over, the whole commit fails, effect included.
        session.UpdateExpectedVersion(answer, claim.Version);
        claim.AnswerQueued = true;
    }

    /// <summary>
    /// An answer can carry what is otherwise kept only encrypted (a webhook secret, a holder's data), so it is stored
    /// sealed under the master key, bound to its record id.
    /// </summary>
    private static string SealedBody<T>(HttpContext http, string id, T body) =>
        http.RequestServices.GetRequiredService<HolderVault>().SealSecret(id, JsonSerializer.SerializeToUtf8Bytes(body, ApiJson.Options));

    internal static string OpenBody(HttpContext http, IdempotencyRecord record) => record.Body is null ? ""
        : System.Text.Encoding.UTF8.GetString(http.RequestServices.GetRequiredService<HolderVault>().OpenSecret(record.Id, record.Body));

    /// <summary>Deletes records (answers and lapsed claims) expired at <paramref name="now"/>, a bounded batch per statement; returns how many.</summary>
    public static async Task<int> Purge(IDocumentStore store, DateTimeOffset now, CancellationToken ct)
    {
        var purged = 0;
        while (true)
        {
            await using var session = store.LightweightSession();
            var expired = await session.Query<IdempotencyRecord>().Where(r => r.ExpiresAt <= now).Select(r => r.Id).Take(PurgeBatch).ToListAsync(ct);
            if (expired.Count == 0) return purged;
            // Checked again in the delete: a record taken over since the query is live and stays.
            session.DeleteWhere<IdempotencyRecord>(r => expired.Contains(r.Id) && r.ExpiresAt <= now);
            await session.SaveChangesAsync(ct);
            purged += expired.Count;
            if (expired.Count < PurgeBatch) return purged;
        }
    }

    public static void Configure(StoreOptions opts) =>
        opts.Schema.For<IdempotencyRecord>().DocumentAlias("idempotency").UseOptimisticConcurrency(true).Duplicate(r => r.ExpiresAt);

    public static IServiceCollection AddIdempotency(this IServiceCollection services, IConfiguration config) =>
        services.AddSingleton(IdempotencyOptions.From(config)).AddSupervisedLoop<IdempotencyPurger>(IdempotencyPurger.HealthName);
}

/// <summary>Claims the key before a creating POST runs and releases it when the effect did not commit (see <see cref="Idempotency"/>).</summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, ILogger<IdempotencyMiddleware> logger)
{
    public const string Header = "Idempotency-Key";
    /// <summary>Marks an answer replayed from the store rather than produced anew.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int ClaimAttempts = 3;

    public async Task InvokeAsync(HttpContext http, IDocumentStore store, TimeProvider clock, IdempotencyOptions options)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is null
            || Caller.From(http.User) is not { } caller || http.Request.Headers[Header].ToString() is not { Length: > 0 } key)
        {
            await next(http);
            return;
        }
        if (key.Length > 100 || !key.All(c => c is > ' ' and < '\u007f'))
        {
            await Problems.Of(400, "invalid-idempotency-key", "The Idempotency-Key is not usable.",
                "Use at most 100 visible ASCII characters, e.g. a UUID.", Header).ExecuteAsync(http);
            return;
        }

        http.Request.EnableBuffering();
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(http.Request.Body, http.RequestAborted));
        http.Request.Body.Position = 0;
        hash = $"{http.Request.Path}|{hash}";
        var id = $"{caller.DepartmentId}:{key}";

        var (claim, existing) = await Claim(store, id, hash, clock.GetUtcNow(), options, http.RequestAborted);
        if (claim is null)
        {
            await Answer(existing, hash, http);
            return;
        }

        http.Items[typeof(IdempotencyClaim)] = claim;
        var committed = false;
        try
        {
            await next(http);
            // Wolverine commits the endpoint's session before it writes the response, and a failed commit throws.
            committed = claim.AnswerQueued;
            if (!committed && http.Response.StatusCode is >= 200 and < 300)
                logger.LogError("{Path} is marked [Idempotent] but did not answer through Idempotency.Created: its retries are not protected",
                    http.Request.Path);
        }
        catch (ConcurrencyException) when (claim.AnswerQueued && !http.Response.HasStarted)
        {
            // A stale stream, or this request outlived its lease and a retry took the key over: then it is that retry's duplicate.
            var current = await Load(store, id, CancellationToken.None);
            if (current is null || current.Claim == claim.Token) throw;
            await Answer(current, hash, http);
        }
        finally
        {
            if (!committed) await Release(store, claim);
        }
    }

    /// <summary>The claim, or null and the live record that holds the key (null too when every attempt lost a race).</summary>
    private static async Task<(IdempotencyClaim? Claim, IdempotencyRecord? Existing)> Claim(
        IDocumentStore store, string id, string hash, DateTimeOffset now, IdempotencyOptions options, CancellationToken ct)
    {
        IdempotencyRecord? lapsed = null;
        for (var attempt = 0; attempt < ClaimAttempts; attempt++)
        {
            await using var session = store.LightweightSession();
            var record = new IdempotencyRecord(id, hash, Guid.NewGuid(), now + options.Lease, false, 0, null, null, null);
            // Taking over a lapsed record is an update against the version we saw: of two takers, one wins.
            if (lapsed is null) session.Insert(record);
            else session.UpdateExpectedVersion(record, lapsed.Version);
            try
            {
                await session.SaveChangesAsync(ct);
                return (new IdempotencyClaim(id, hash, record.Claim, record.Version, now + options.Window), null);
            }
            catch (Exception e) when (e is DocumentAlreadyExistsException or ConcurrencyException)
            {
                // Another request claimed or took over the key first: look at what it left.
            }
            lapsed = await Load(store, id, ct);
            if (lapsed is { } live && live.ExpiresAt > now) return (null, live);
        }
        return (null, null);
    }

    private static async Task<IdempotencyRecord?> Load(IDocumentStore store, string id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<IdempotencyRecord>(id, ct);
    }

    private static async Task Answer(IdempotencyRecord? record, string hash, HttpContext http)
    {
        if (record is not null && record.RequestHash != hash)
        {
            await Problems.Of(422, "idempotency-key-reused", "This Idempotency-Key was used for a different request.",
                "Use a new key for a new request.", Header).ExecuteAsync(http);
            return;
        }
        if (record is not { Completed: true })
        {
            await Problems.Of(409, "idempotency-in-progress", "The first request with this Idempotency-Key is still running.",
                "Retry in a moment.", Header).ExecuteAsync(http);
            return;
        }
        http.Response.StatusCode = record.Status;
        http.Response.Headers[ReplayedHeader] = "true";
        if (record.Location is not null) http.Response.Headers.Location = record.Location;
        if (record.ETag is not null) http.Response.Headers.ETag = record.ETag;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(Idempotency.OpenBody(http, record), http.RequestAborted);
    }

    /// <summary>Frees the key of a request whose effect did not commit, unless it completed or passed to another request.</summary>
    private async Task Release(IDocumentStore store, IdempotencyClaim claim)
    {
        try
        {
            await using var session = store.LightweightSession();
            session.DeleteWhere<IdempotencyRecord>(r => r.Id == claim.Id && r.Claim == claim.Token && !r.Completed);
            // Not the request's token: the key must be freed even if the client has gone.
            await session.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // Never hides the request's own outcome; the claim's lease frees the key within a minute.
            logger.LogWarning(e, "Idempotency-Key claim {Claim} could not be released; its lease will free it", claim.Token);
        }
    }
}

/// <summary>Deletes expired idempotency records every hour.</summary>
public sealed class IdempotencyPurger(IDocumentStore store, Supervision supervision, TimeProvider clock, ILogger<IdempotencyPurger> logger)
    : SupervisedLoop(supervision, clock, logger)
{
    public const string HealthName = "idempotency-purge";

    protected override TimeSpan? Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnce(CancellationToken ct)
    {
        var purged = await Idempotency.Purge(store, Clock.GetUtcNow(), ct);
        if (purged > 0) Logger.LogInformation("Purged {Count} expired idempotency records", purged);
    }
}
