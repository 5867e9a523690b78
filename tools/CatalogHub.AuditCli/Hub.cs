using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CatalogHub.Platform;
using static CatalogHub.AuditCli.AuditCommands;

namespace CatalogHub.AuditCli;

/// <summary>
/// The hub's API as the auditor's key reaches it: a client on the hub's base URL with the key, for the commands that ask the hub
/// (export, diff, access-log). A refusal or a hub that does not answer is a failed result (exit 1) naming the status and problem;
/// a malformed URL or a missing key is a usage error (exit 2).
/// </summary>
internal sealed class Hub : IDisposable
{
    private readonly HttpClient _client;
    private readonly string _apiKey;

    public Hub(HttpMessageHandler? handler, string hubUrl, string apiKey)
    {
        if (!Uri.TryCreate(hubUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            throw new UsageException($"--hub: not an http(s) URL: {hubUrl}");
        if (apiKey.Length == 0) throw new UsageException($"an API key is required: --api-key, or the environment variable {ApiKeySetting}.");
        _client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        // A base without its trailing slash would lose its last segment when the path is resolved against it.
        _client.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _apiKey = apiKey;
    }

    /// <summary>Sends a GET (or, with <paramref name="body"/>, a POST of it as JSON) to <paramref name="path"/> (relative to the hub's base).</summary>
    public async Task<HttpResponseMessage> Send(string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, path.TrimStart('/'));
        if (body is not null) request.Content = JsonContent.Create(body, options: ApiJson.Options);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", _apiKey);
        return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    /// <summary>The verdict of a refusal: its status and the hub's problem (RFC 9457) in <paramref name="details"/>.</summary>
    public static async Task<Verdict> Refused(HttpResponseMessage response, JsonObject details, CancellationToken ct)
    {
        var problem = Parse<JsonObject>(await response.Content.ReadAsStringAsync(ct));
        details["status"] = (int)response.StatusCode;
        details["problem"] = problem;
        return new Verdict(false, $"the hub answered {(int)response.StatusCode}: {problem?["detail"] ?? problem?["title"] ?? response.ReasonPhrase}", details);
    }

    public static Verdict Unreachable(HttpRequestException e, JsonObject details) => new(false, $"the hub did not answer: {e.Message}", details);

    public void Dispose() => _client.Dispose();
}
