using System.Security.Cryptography;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace CatalogHub.Platform;

/// <summary>
/// Cache headers on reads, by route convention so every list has them:
/// <list type="bullet">
/// <item>a published version (<c>GET …/versions/{version}</c>) never changes once published: <c>Cache-Control: public,
/// max-age=31536000, immutable</c>, a strong ETag, and 304 when If-None-Match names it;</item>
/// <item>a draft (<c>…/draft</c>, <c>…/drafts</c>) or any answer to a request with a key is the caller's own and may change
/// at any time: <c>private, no-store</c>, unless the operation set its own.</item>
/// </list>
/// Other public reads (as of now or as of an instant, pages, the catalogue) carry no cache header: "now" moves on, and a
/// correction of the record can change the answer for a past instant.
/// <para>The ETag is a hash of the bytes sent, so two nodes, or two releases serving the same bytes, agree on it. A
/// compressed answer is other bytes than the identity one, so its ETag carries the encoding (<c>"…-br"</c>): a strong
/// ETag names one representation.</para>
/// </summary>
public sealed class ReadCaching(RequestDelegate next, IResponseCompressionProvider compression)
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string NoStore = "private, no-store";

    public async Task InvokeAsync(HttpContext http)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (!HttpMethods.IsGet(http.Request.Method) || pattern is null)
        {
            await next(http);
            return;
        }
        if (pattern.EndsWith("/versions/{version}", StringComparison.Ordinal))
        {
            await PublishedVersion(http);
            return;
        }
        if (pattern.EndsWith("/draft", StringComparison.Ordinal) || pattern.EndsWith("/drafts", StringComparison.Ordinal)
            || http.Request.Headers.ContainsKey(HeaderNames.Authorization))
            http.Response.OnStarting(() =>
            {
                if (!http.Response.Headers.ContainsKey(HeaderNames.CacheControl)) http.Response.Headers.CacheControl = NoStore;
                return Task.CompletedTask;
            });
        await next(http);
    }

    private async Task PublishedVersion(HttpContext http)
    {
        var body = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = body;
        }
        var response = http.Response;
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var encoding = compression.ShouldCompressResponse(http) ? compression.GetCompressionProvider(http)?.EncodingName : null;
            var etag = $"\"{Base64Url(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..18])}{(encoding is null ? "" : "-" + encoding)}\"";
            response.Headers.ETag = etag;
            response.Headers.CacheControl = Immutable;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            if (Matches(http.Request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, http.RequestAborted);
    }

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 §13.1.2): <c>W/"x"</c> matches <c>"x"</c>, and <c>*</c> matches.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(etag, StringComparison.Ordinal));

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
