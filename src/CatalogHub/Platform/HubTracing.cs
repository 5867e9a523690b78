using System.Diagnostics;

namespace CatalogHub.Platform;

/// <summary>
/// The hub's own trace source, <c>CatalogHub</c> (registered in <see cref="Telemetry"/> beside ASP.NET Core's, Npgsql's, Marten's
/// and Wolverine's): a span for each publish, basis check, shared-data read and background loop pass. Tags carry what the
/// catalogue publishes anyway (lists, regions, item codes, versions, reason codes, department codes) and never personal data
/// or secrets: no holder's name or ID, no key, no exception message (it may quote data; a failed span names its class only).
/// Without a listener (no OTLP endpoint configured) <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> answers
/// null and every tag call is skipped.
/// </summary>
public static class HubTracing
{
    public const string SourceName = "CatalogHub";

    public const string PublishSpan = "cataloghub.publish";
    public const string BasisCheckSpan = "cataloghub.basis_check";
    public const string SharedReadSpan = "cataloghub.sharing.read";
    public const string LoopPassSpan = "cataloghub.loop.pass";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>A publish of an item of <paramref name="list"/> (its route, as <c>cataloghub.publishes</c> names it); <see cref="Published{T}"/> adds what was published.</summary>
    public static Activity? StartPublish(string list) =>
        Source.StartActivity(PublishSpan)?.SetTag("cataloghub.list", list.Trim('/'));

    /// <summary>Tags the span with the version <paramref name="published"/> records, and answers it.</summary>
    public static Publication.Lists.ItemPublished<T> Published<T>(Activity? span, Publication.Lists.ItemPublished<T> published)
    {
        span?.SetTag("cataloghub.region", published.RegionCode).SetTag("cataloghub.item_code", published.Code).SetTag("cataloghub.version", published.Version);
        return published;
    }

    public static Activity? StartBasisCheck(string regionCode, string itemCode) => Source.StartActivity(BasisCheckSpan)?
        .SetTag("cataloghub.region", regionCode).SetTag("cataloghub.item_code", itemCode);

    /// <summary>The check's outcome (as the metric counts it) and, for an answer, the reason codes it gave.</summary>
    public static void BasisChecked(Activity? span, string outcome, IReadOnlyList<string>? reasonCodes)
    {
        span?.SetTag("cataloghub.outcome", outcome);
        if (reasonCodes is not null) span?.SetTag("cataloghub.reason_codes", reasonCodes.ToArray());
        if (outcome == "failed") span?.SetStatus(ActivityStatusCode.Error, outcome);
    }

    /// <summary>A consumer's read of licence data: who reads which type, never whose licence.</summary>
    public static Activity? StartSharedRead(string consumerCode, string typeCode) => Source.StartActivity(SharedReadSpan)?
        .SetTag("cataloghub.consumer", consumerCode).SetTag("cataloghub.licence_type", typeCode);

    /// <summary>Refused (the refusal's code) or allowed with how many licences it found.</summary>
    public static void SharedRead(Activity? span, string? refusal, int licences) => span?
        .SetTag("cataloghub.outcome", refusal ?? "allowed").SetTag("cataloghub.licences", licences);

    /// <summary>One pass of a supervised loop, with how far behind it was when the pass began (what <c>cataloghub.loop.lag</c> reports).</summary>
    public static Activity? StartLoopPass(string loop, TimeSpan lag) => Source.StartActivity(LoopPassSpan)?
        .SetTag("cataloghub.loop", loop).SetTag("cataloghub.loop.lag_seconds", Math.Round(Math.Max(0, lag.TotalSeconds), 3));

    /// <summary>A failed pass: error status with the failure class <see cref="Supervision"/> reports, not the message.</summary>
    public static void LoopFailed(Activity? span, string reason) => span?.SetStatus(ActivityStatusCode.Error, reason);

    /// <summary>The HTTP status a handler's answer will carry, as the span's outcome; a server error marks the span failed.</summary>
    public static IResult Answered(Activity? span, IResult result)
    {
        if (span is not null && result is IStatusCodeHttpResult { StatusCode: { } status })
        {
            span.SetTag("http.response.status_code", status);
            if (status >= 500) span.SetStatus(ActivityStatusCode.Error);
        }
        return result;
    }
}
