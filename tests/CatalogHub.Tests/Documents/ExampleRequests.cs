using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Demo;
using CatalogHub.Departments.Keys;
using Marten;

namespace CatalogHub.Tests.Documents;

/// <summary>What Swagger UI's "Try it out" sends for an operation: its path, query and header parameters' examples and its body's example.</summary>
internal static class ExampleRequests
{
    /// <param name="choose">(where, name, example) → the value to send instead; null leaves the parameter out (a path parameter must have one).</param>
    /// <param name="body">The body to send instead of the example.</param>
    public static HttpRequestMessage Build(string method, string template, JsonObject op, Func<string, string, string?, string?>? choose = null,
        string? body = null)
    {
        var path = template;
        var query = new List<string>();
        var request = new HttpRequestMessage(new HttpMethod(method), "/");
        foreach (var p in (op["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject()))
        {
            var (name, where) = ((string)p["name"]!, (string)p["in"]!);
            var example = p["example"] ?? p["schema"]?["example"];
            var value = example is null ? null : example.GetValueKind() == JsonValueKind.String ? (string)example! : example.ToJsonString();
            if (choose is not null) value = choose(where, name, value);
            switch (where)
            {
                case "path":
                    path = path.Replace("{" + name + "}", Uri.EscapeDataString(value
                        ?? throw new InvalidOperationException($"path parameter {name} has no example")));
                    break;
                case "query" when value is not null:
                    query.Add($"{name}={Uri.EscapeDataString(value)}");
                    break;
                case "query" when p["required"]?.GetValue<bool>() == true:
                    throw new InvalidOperationException($"required query parameter {name} has no example");
                case "header" when value is not null:
                    request.Headers.TryAddWithoutValidation(name, value);
                    break;
            }
        }
        request.RequestUri = new Uri(path + (query.Count > 0 ? "?" + string.Join("&", query) : ""), UriKind.Relative);
        if (op["requestBody"]?["content"]?.AsObject().FirstOrDefault() is { Key: { } media, Value: { } content })
        {
            request.Content = new StringContent(body ?? (content["example"] ?? throw new InvalidOperationException("the request body has no example"))
                .ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(media);
        }
        return request;
    }

    /// <summary>The demo dataset (what `make run` seeds) on an empty store, and a key for each of its departments, by department code.</summary>
    public static async Task<Dictionary<string, string>> SeedDemo(IDocumentStore store, CatalogHub.Sharing.Holders.HolderVault vault, DateTimeOffset now)
    {
        var keys = new Dictionary<string, string>();
        await using var session = store.LightweightSession();
        await DemoData.Seed(session, vault, now, CancellationToken.None);
        foreach (var department in DemoData.Departments.Prepend(DemoData.HubAdmin))
        {
            var (issued, key) = IssueApiKeyEndpoint.Issue(DemoData.IdOf($"department:{department.Code}"), "示例密钥", now.AddDays(30), "test-setup", now);
            session.Events.Append(DemoData.IdOf($"department:{department.Code}"), issued);
            keys[department.Code] = key;
        }
        await session.SaveChangesAsync();
        return keys;
    }
}
