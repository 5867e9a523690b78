namespace CatalogHub.Platform;

/// <summary>
/// Counts every publish request by its answer, for every list the same way: a publish is, by the API's convention, a
/// <c>POST …/{id}/publish</c>, so a list added later is counted without a line of its own. The list is named by its route
/// (<c>catalogue/entries</c>, <c>implementation-lists</c>, <c>promises</c>, …). Counted at the HTTP edge rather than from
/// the events committed, because refusals (a stale If-Match, a rule broken, a missing role) commit nothing and are what
/// an operator most wants to see.
/// </summary>
public sealed class PublishMetrics(RequestDelegate next, HubMetrics metrics)
{
    private const string Suffix = "/{id}/publish";

    public async Task InvokeAsync(HttpContext http)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (!HttpMethods.IsPost(http.Request.Method) || pattern is null || !pattern.EndsWith(Suffix, StringComparison.Ordinal))
        {
            await next(http);
            return;
        }
        var list = pattern[..^Suffix.Length].Trim('/');
        try
        {
            await next(http);
        }
        catch
        {
            metrics.Published(list, "failed");
            throw;
        }
        metrics.Published(list, http.Response.Headers.ContainsKey(IdempotencyMiddleware.ReplayedHeader) ? "replayed"
            : http.Response.StatusCode switch { < 400 => "published", < 500 => "refused", _ => "failed" });
    }
}
