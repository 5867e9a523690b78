using System.Text.Json.Nodes;
using CatalogHub.Publication.Lists;
using CatalogHub.Sharing.AccessLog;
using static CatalogHub.AuditCli.AuditCommands;

namespace CatalogHub.AuditCli;

/// <summary>
/// The auditor's questions, asked of the hub's API with an auditor's key: two versions of an item compared, a region's list at two
/// instants compared, the access log queried and exported. The hub's answer is printed as it is, after <c>"answered": true</c>.
/// </summary>
internal static class Queries
{
    public static ListDefinition List(string name) =>
        ListRegistry.Find(name) ?? throw new UsageException($"--list: no such list: {name} (one of {string.Join(", ", ListRegistry.All.Select(l => l.Name))}).");

    /// <summary>GETs <paramref name="path"/> and reports the answer (exit 0) or the refusal (exit 1).</summary>
    public static async Task<int> Ask(TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler, string hubUrl, string apiKey, string path, CancellationToken ct)
    {
        using var hub = new Hub(handler, hubUrl, apiKey);
        return Report(stdout, stderr, await Answer(hub, path, null, ct), "answered");
    }

    private static async Task<Verdict> Answer(Hub hub, string path, object? body, CancellationToken ct)
    {
        var details = new JsonObject();
        try
        {
            using var response = await hub.Send(path, body, ct);
            if (!response.IsSuccessStatusCode) return await Hub.Refused(response, details, ct);
            return new Verdict(true, null, JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsObject());
        }
        catch (HttpRequestException e)
        {
            return Hub.Unreachable(e, details);
        }
    }

    public static string VersionDiffPath(string list, Guid id, int from, int to) => $"{List(list).Route}/{id}/diff?from={from}&to={to}";

    public static string RegionDiffPath(string list, string region, string from, string to, string? knownAt) =>
        (List(list).RegionDiffRoute ?? throw new UsageException($"--list: {list} has no region listing to compare."))
        .Replace("{regionCode}", Uri.EscapeDataString(region))
        + $"?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}{(knownAt is null ? "" : $"&knownAt={Uri.EscapeDataString(knownAt)}")}";

    /// <summary>One page of the access log, asked by POST so that a holder's ID travels in the body, never in a URL.</summary>
    public static async Task<int> AccessLogPage(TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler, string hubUrl, string apiKey,
        AccessLogSearch search, CancellationToken ct)
    {
        using var hub = new Hub(handler, hubUrl, apiKey);
        return Report(stdout, stderr, await Answer(hub, "sharing/access-log/search", search, ct), "answered");
    }

    /// <summary>
    /// Every record the filters select, with its leaf and inclusion proof against one signed checkpoint, as the hub exports them
    /// (<c>POST /sharing/access-log/export</c>: a holder's ID travels in the body), written to <paramref name="output"/> with a
    /// progress bar on stderr; <c>verify export</c> checks the file offline.
    /// </summary>
    public static Task<int> AccessLogExport(TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler, string hubUrl, string apiKey,
        AccessLogSearch search, long? size, FileInfo output, CancellationToken ct) =>
        Exports.Download(stdout, stderr, handler, hubUrl, apiKey, $"sharing/access-log/export{(size is { } s ? $"?size={s}" : "")}", search, output, new JsonObject(), ct);
}
