using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alba;

namespace CatalogHub.Tests.Documents;

/// <summary>
/// The API document the application serves, as the contract an answer is held to: the operation a request reached (by method
/// and path), the statuses it documents, and for a problem its media type, the problem schema and the stable codes listed for
/// that status (<c>x-problem-codes</c>). Every integration test's <c>Send</c> holds its problem answers to it, so each refusal a
/// test provokes is also a check that the document lists it. Read once per run: every host serves the same document.
/// </summary>
public sealed class ServedDocument
{
    private static ServedDocument? _served;
    private static readonly SemaphoreSlim Reading = new(1, 1);

    private sealed record Operation(string Method, string Template, Regex Path, int Literals, JsonObject Node);

    private readonly List<Operation> _operations = [];
    private readonly JsonObject _definitions;
    private readonly Json.Schema.JsonSchema _problem;

    private ServedDocument(JsonObject root)
    {
        Root = root;
        foreach (var (template, item) in root["paths"]!.AsObject())
            foreach (var (method, op) in item!.AsObject())
            {
                var segments = template.Split('/');
                var pattern = "^" + string.Join("/", segments.Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "$";
                _operations.Add(new Operation(method.ToUpperInvariant(), template, new Regex(pattern), segments.Count(s => !s.StartsWith('{')), op!.AsObject()));
            }
        _definitions = Convert(root["components"]!["schemas"])!.AsObject();
        _problem = Compile(root["components"]!["schemas"]!["Platform.Problem"]!.AsObject().DeepClone(), "problem");
    }

    public JsonObject Root { get; }

    public static async Task<ServedDocument> Of(IAlbaHost host)
    {
        if (_served is { } served) return served;
        await Reading.WaitAsync();
        try
        {
            using var client = host.Server.CreateClient();
            return _served ??= new ServedDocument(JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject());
        }
        finally
        {
            Reading.Release();
        }
    }

    /// <summary>
    /// What in this answer the document does not say, or null when it says all of it: a status it does not list for the operation,
    /// and for a problem a media type other than application/problem+json, a body that breaks the problem schema, or a code it
    /// does not list for that status. Requests that reach no documented operation (the site, /metrics) and defects (5xx but 503)
    /// are not the document's business.
    /// </summary>
    public string? Disagreement(string method, string path, int status, string? contentType, string body)
    {
        if (status is >= 500 and not 503 || Find(method, path) is not { } op) return null;
        var at = $"{method} {op.Template}";
        if (op.Node["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject response)
            return $"{at} answered {status}, which the document does not list for it: {Truncate(body)}";
        if (status < 400) return null;
        if (contentType is null || !contentType.StartsWith("application/problem+json", StringComparison.Ordinal))
            return $"{at} answered {status} as {contentType ?? "no content type"}, not application/problem+json";
        if (Errors(_problem, body) is { } invalid) return $"{at} answered {status} with a body that breaks the problem schema: {invalid}";
        var code = JsonNode.Parse(body)?["code"]?.GetValue<string>();
        var listed = response["x-problem-codes"]?.AsArray().Select(c => (string?)c).ToList() ?? [];
        return listed.Contains(code)
            ? null
            : $"{at} answered {status} {code}, which the document does not list for it (it lists {string.Join(", ", listed)})";
    }

    /// <summary>The documented operation a request to <paramref name="path"/> reaches: the template with the most literal segments that matches.</summary>
    private Operation? Find(string method, string path) =>
        _operations.Where(o => o.Method == method && o.Path.IsMatch(path)).OrderByDescending(o => o.Literals).FirstOrDefault();

    /// <summary>The validation errors of <paramref name="text"/> against an OpenAPI 3.0 schema of the document, read as JSON Schema 2020-12; null when valid.</summary>
    public string? SchemaErrors(JsonNode schema, string text, string name) => Errors(Compile(schema, name), text);

    private Json.Schema.JsonSchema Compile(JsonNode schema, string name)
    {
        var root = Convert(schema)!.AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _definitions.DeepClone();
        // A base of its own per schema: the global registry refuses a second schema under one id.
        return Json.Schema.JsonSchema.FromText(root.ToJsonString(), null, new Uri($"urn:cataloghub:served:{name}:{Guid.NewGuid():N}"));
    }

    private static string? Errors(Json.Schema.JsonSchema schema, string text)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return $"not JSON ({e.Message})";
        }
        using (parsed)
        {
            var result = schema.Evaluate(parsed.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
            return result.IsValid ? null : string.Join("; ", (result.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}").Take(5));
        }
    }

    /// <summary>OpenAPI 3.0's dialect as JSON Schema: <c>nullable</c> as a null type, component references as <c>$defs</c>, examples dropped.</summary>
    private static JsonNode? Convert(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
            {
                var result = new JsonObject();
                foreach (var (k, v) in o)
                {
                    if (k is "nullable" or "example") continue;
                    result[k] = k == "$ref" ? "#/$defs/" + ((string)v!).Split('/')[^1] : Convert(v);
                }
                if (o["nullable"]?.GetValue<bool>() != true) return result;
                if (result["type"] is JsonValue type && result["$ref"] is null && result["allOf"] is null)
                {
                    result["type"] = new JsonArray((string)type!, "null");
                    if (result["enum"] is JsonArray values) values.Add(null);
                    return result;
                }
                return new JsonObject { ["anyOf"] = new JsonArray(result, new JsonObject { ["type"] = "null" }) };
            }
            case JsonArray a:
                return new JsonArray([.. a.Select(Convert)]);
            default:
                return node?.DeepClone();
        }
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
