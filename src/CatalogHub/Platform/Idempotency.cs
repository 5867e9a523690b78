using System.Security.Cryptography;
using JasperFx;

namespace CatalogHub.Platform;

/// <summary>Marks a creating POST whose retries with the same <c>Idempotency-Key</c> must not create twice.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute;

/// <summary>What the first request with a key produced, kept to answer its retries. Id: <c>{departmentId}:{key}</c>.</summary>
public sealed record IdempotencyRecord(
    string Id, string RequestHash, DateTimeOffset CreatedAt, bool Completed, int Status, string? Location, string? ETag, string? Body);

/// <summary>
/// Idempotency-Key for creating POSTs (IETF draft-ietf-httpapi-idempotency-key-header). The key is claimed by
/// inserting its record before the request runs, so two concurrent retries cannot both create: the loser
/// sees the claim (409 while the first runs, the stored answer after). A failed request releases its key.
/// A key reused with a different body is refused (422).
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext http, IDocumentStore store, TimeProvider clock)
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

        if (!await Claim(store, new IdempotencyRecord(id, hash, clock.GetUtcNow(), false, 0, null, null, null), http.RequestAborted))
        {
            await Replay(store, id, hash, http);
            return;
        }

        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
            await Settle(store, id, hash, http, captured);
            captured.Position = 0;
            await captured.CopyToAsync(original);
        }
    }

    private static async Task<bool> Claim(IDocumentStore store, IdempotencyRecord record, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Insert(record);
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    private static async Task Replay(IDocumentStore store, string id, string hash, HttpContext http)
    {
        await using var session = store.QuerySession();
        var record = await session.LoadAsync<IdempotencyRecord>(id, http.RequestAborted);
        if (record is null || record.RequestHash != hash)
        {
            await Problems.Of(422, "idempotency-key-reused", "This Idempotency-Key was used for a different request.",
                "Use a new key for a new request.", Header).ExecuteAsync(http);
            return;
        }
        if (!record.Completed)
        {
            await Problems.Of(409, "idempotency-in-progress", "The first request with this Idempotency-Key is still running.",
                "Retry in a moment.", Header).ExecuteAsync(http);
            return;
        }
        http.Response.StatusCode = record.Status;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.Location is not null) http.Response.Headers.Location = record.Location;
        if (record.ETag is not null) http.Response.Headers.ETag = record.ETag;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(record.Body ?? "", http.RequestAborted);
    }

    private static async Task Settle(IDocumentStore store, string id, string hash, HttpContext http, MemoryStream captured)
    {
        await using var session = store.LightweightSession();
        if (http.Response.StatusCode is >= 200 and < 300)
            session.Store(new IdempotencyRecord(id, hash, DateTimeOffset.UtcNow, true, http.Response.StatusCode,
                http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                http.Response.Headers.ETag.ToString() is { Length: > 0 } e ? e : null,
                System.Text.Encoding.UTF8.GetString(captured.ToArray())));
        else
            session.Delete<IdempotencyRecord>(id);
        // Not the request's token: the outcome must be recorded even if the client has gone.
        await session.SaveChangesAsync(CancellationToken.None);
    }
}
