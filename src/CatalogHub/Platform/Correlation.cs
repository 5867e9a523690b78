using System.Diagnostics;

namespace CatalogHub.Platform;

/// <summary>
/// Gives every request one correlation id and makes it visible everywhere an operator looks: echoed in the
/// <c>X-Correlation-Id</c> response header (also on error responses, which the exception handler rebuilds), in the
/// logging scope of every line logged while the request runs, as the <c>correlation.id</c> tag of its trace, and
/// on every event it appends (<see cref="AuditTrail"/>). A caller's id is kept when it is sane (1–100 characters of
/// letters, digits, <c>-</c>, <c>_</c>, <c>.</c>); anything else — too long, or carrying characters that could forge a log
/// line or a header — is not refused, but replaced by a fresh id, so a request never fails for its correlation id.
/// A fresh id is the request's W3C trace id when it has one (ASP.NET Core starts an activity whenever something listens),
/// so logs, traces and events of one request share one id; otherwise a random one.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";
    public const string TagName = "correlation.id";
    private static readonly object Key = new();

    public async Task InvokeAsync(HttpContext http)
    {
        var id = IsSane(http.Request.Headers[Header].ToString()) ? http.Request.Headers[Header].ToString() : Fresh();
        http.Items[Key] = id;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag(TagName, id);
        using (logger.BeginScope(new Scope(id)))
            await next(http);
    }

    /// <summary>The id <see cref="CorrelationMiddleware"/> gave this request; null outside it.</summary>
    public static string? Of(HttpContext http) => http.Items.TryGetValue(Key, out var id) ? id as string : null;

    public static bool IsSane(string sent) =>
        sent.Length is > 0 and <= 100 && sent.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string Fresh() =>
        Activity.Current is { TraceId: var trace } && trace != default ? trace.ToHexString() : Guid.NewGuid().ToString("N");

    /// <summary>The logging scope: a structured <c>CorrelationId</c> for structured sinks, <c>CorrelationId:…</c> in text.</summary>
    private sealed class Scope(string id) : IReadOnlyList<KeyValuePair<string, object>>
    {
        private readonly KeyValuePair<string, object> _pair = new("CorrelationId", id);

        public int Count => 1;
        public KeyValuePair<string, object> this[int index] => index == 0 ? _pair : throw new ArgumentOutOfRangeException(nameof(index));
        public IEnumerator<KeyValuePair<string, object>> GetEnumerator() { yield return _pair; }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => $"CorrelationId:{id}";
    }
}
