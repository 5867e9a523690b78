using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace CatalogHub.Platform;

/// <summary>
/// The HTTP behaviour every operation shares, applied by convention so that a list added later has it too: response
/// compression, CORS, HEAD wherever GET exists (<see cref="HeadAsGet"/>) and cache headers on reads (<see cref="ReadCaching"/>).
/// </summary>
public static class HttpConventions
{
    public const string CorsPolicy = "configured-origins";

    /// <summary>Request headers a browser client sends beyond the CORS-safelisted ones.</summary>
    private static readonly string[] RequestHeaders =
        ["Authorization", "Content-Type", "If-Match", "If-None-Match", IdempotencyMiddleware.Header, CorrelationMiddleware.Header];

    /// <summary>Response headers a browser client must be able to read: versions, created resources, replays, back-off, correlation.</summary>
    private static readonly string[] ResponseHeaders =
        ["ETag", "Location", IdempotencyMiddleware.ReplayedHeader, "Retry-After", CorrelationMiddleware.Header];

    public static void AddHttpConventions(this IServiceCollection services, IConfiguration config)
    {
        // BREACH needs a secret the browser sends by itself (a cookie) in a response that also reflects attacker input. This API
        // has no ambient credential — the key is an Authorization header a third-party page cannot make a browser attach — so
        // compressing over HTTPS leaks nothing an attacker could not already read.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "application/ld+json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        // Browser clients (a portal's front end) from the origins named in CATALOGHUB_CORS_ORIGINS, comma-separated; none by
        // default, so a browser on any other page gets no CORS headers and reads nothing. No credentials: the API has no cookies.
        var origins = (config["CATALOGHUB_CORS_ORIGINS"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put)
            .WithHeaders(RequestHeaders).WithExposedHeaders(ResponseHeaders).SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
    }
}

/// <summary>
/// HEAD wherever GET exists: a HEAD request is routed, authorized and answered as the GET it stands for, and its body
/// is dropped, so the headers (status, ETag, Cache-Control, Content-Type) are exactly the GET's. Where no GET exists
/// routing answers 405 as before.
/// </summary>
public sealed class HeadAsGet(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }
        http.Request.Method = HttpMethods.Get;
        var body = http.Response.Body;
        http.Response.Body = Stream.Null;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = body;
            http.Request.Method = HttpMethods.Head;
        }
    }
}
