using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Platform;
using CatalogHub.Tests.Documents;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// Hostile input generated from the OpenAPI document the API serves, over every operation it declares: bodies that
/// are not JSON, not objects or of the wrong types, huge strings and arrays, control characters in path and query
/// values, unknown and malformed query parameters. Whatever arrives, the answer is never a 5xx, every refusal is a
/// problem with a stable code, and nothing is written. Deterministic (fixed seed) and bounded (a few thousand
/// in-process requests).
/// </summary>
public sealed class Fuzzing_every_operation(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string JsonMedia = "application/json";

    /// <summary>Every department role at once: the widest non-admin caller, so authorization lets most requests reach the endpoint.</summary>
    private static readonly (string Code, string Name, string Region, Role[] Roles) EveryDepartmentRole =
        (TestDepartments.UnregisteredCode, "许昌市住房和城乡建设局", "411000",
            [Role.CatalogueManager, Role.ServiceDepartment, Role.LicenceIssuer, Role.Consumer, Role.Auditor]);

    private sealed record Operation(string Method, string Template, JsonArray Parameters, JsonNode? BodySchema);

    private sealed record Probe(string What, HttpMethod Method, string Path, string Query, string? Body, string? ContentType);

    private sealed record Answer(Probe Probe, int Status, string? ContentType, string Text);

    private JsonObject _components = null!;
    private ServedDocument _served = null!;

    [Fact]
    public async Task no_malformed_request_gets_a_5xx_a_problem_without_a_code_or_writes_anything()
    {
        var everyRole = await Register(EveryDepartmentRole);
        _served = await ServedDocument.Of(Host);
        var document = _served.Root;
        _components = document["components"]!["schemas"]!.AsObject();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 60, $"the document declares {operations.Count} operations");

        var random = new Random(20261125);
        var probes = operations.SelectMany(op => Probes(op, random, Admin.Id));
        var sent = 0;
        var before = await EventCount();

        using var client = Host.Server.CreateClient();
        var failures = new List<string>();
        foreach (var probe in probes)
            foreach (var key in new[] { Admin.Key, everyRole.Key })
            {
                sent++;
                var answer = await Send(client, probe, key);
                if (Failure(answer) is { } failure) failures.Add(failure);
            }

        Assert.True(failures.Count == 0,
            $"{failures.Count} of {sent} probes misbehaved:\n" + string.Join("\n", failures.Distinct().Take(40)));
        Assert.Equal(before, await EventCount());
    }

    private static IEnumerable<Operation> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, op) in item!.AsObject())
                yield return new Operation(method.ToUpperInvariant(), path, op!["parameters"]?.AsArray() ?? [],
                    op["requestBody"]?["content"]?[JsonMedia]?["schema"]);
    }

    /// <summary>A 5xx, or a refusal the API document does not describe: its status, media type, problem schema and listed codes.</summary>
    private string? Failure(Answer a)
    {
        var at = $"{a.Probe.Method} {a.Probe.Path}{a.Probe.Query} [{a.Probe.What}]";
        if (a.Status >= 500) return $"{at} → {a.Status} {Truncate(a.Text)}";
        if (a.Status < 400) return null;
        return _served.Disagreement(a.Probe.Method.Method, a.Probe.Path, a.Status, a.ContentType, a.Text) is { } disagreement
            ? $"{at} → {disagreement}"
            : null;
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";

    private static async Task<Answer> Send(HttpClient client, Probe probe, string key)
    {
        using var request = new HttpRequestMessage(probe.Method, probe.Path + probe.Query);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        if (probe.Body is not null)
        {
            request.Content = new StringContent(probe.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = probe.ContentType is null ? null : MediaTypeHeaderValue.Parse(probe.ContentType);
        }
        using var response = await client.SendAsync(request);
        return new Answer(probe, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(),
            await response.Content.ReadAsStringAsync());
    }

    // ---- what is sent ------------------------------------------------------------------------------------------

    /// <summary>Control characters as they arrive escaped in a URL: NUL, a C0 control, a line break, DEL.</summary>
    private static readonly string[] ControlCharacters = ["%00", "%01", "a%0Ab", "%7F", "411000%00"];

    private static readonly string[] BadNumbers = ["abc", "-1", "0", "99999999999", "2147483647", "1.5", "%00"];

    private IEnumerable<Probe> Probes(Operation op, Random random, Guid existingDepartment)
    {
        var method = new HttpMethod(op.Method);
        var parameters = op.Parameters.Select(p => p!.AsObject()).ToList();
        var pathParameters = parameters.Where(p => (string?)p["in"] == "path").ToList();
        var queryParameters = parameters.Where(p => (string?)p["in"] == "query").ToList();
        var values = pathParameters.ToDictionary(p => (string)p["name"]!, p => PlausibleValue(p, random, existingDepartment));
        string PathWith(string? name = null, string? raw = null) =>
            pathParameters.Aggregate(op.Template, (path, p) =>
            {
                var n = (string)p["name"]!;
                return path.Replace("{" + n + "}", n == name ? raw! : Uri.EscapeDataString(values[n]));
            });
        var path = PathWith();
        var validBody = op.BodySchema is null ? null : "{}";

        Probe P(string what, string p, string query = "", string? body = null, string? contentType = JsonMedia) =>
            new(what, method, p, query, body ?? validBody, body is null && validBody is null ? null : contentType);

        // NUL never reaches the app in a path: the test server, like Kestrel, refuses the request line itself.
        foreach (var p in pathParameters)
            foreach (var control in ControlCharacters.Where(c => !c.Contains("%00")))
                yield return P($"path {p["name"]} = {control}", PathWith((string)p["name"]!, control));

        foreach (var p in queryParameters)
        {
            var name = (string)p["name"]!;
            foreach (var control in ControlCharacters)
                yield return P($"query {name} = {control}", path, $"?{name}={control}");
            if ((string?)p["schema"]?["type"] == "integer")
                foreach (var bad in BadNumbers)
                    yield return P($"query {name} = {bad}", path, $"?{name}={bad}");
            yield return P($"query {name} twice", path, $"?{name}=1&{name}=2");
        }

        if (op.Method == "GET")
        {
            yield return P("unknown parameter", path, "?zzz=1");
            yield return P("misspelt asOf", path, "?asof=2026-12-01T00:00:00");
            yield return P("asOf in other case", path, "?asOF=2026-12-01T00:00:00");
            yield return P("unknown parameter with NUL", path, "?%00=1");
        }

        if (op.BodySchema is null) yield break;

        yield return P("no content type", path, body: "{}", contentType: null);
        yield return P("text/plain", path, body: "{}", contentType: "text/plain");
        yield return P("empty body", path, body: "");
        foreach (var raw in new[] { "{\"reason\": ", "{,}", "nul", "null", "[]", "\"x\"", "42", "true", "[{}]", "{}{}" })
            yield return P($"body {raw}", path, body: raw);
        var once = new HashSet<string>();
        foreach (var (what, body) in BodyVariants(op.BodySchema, random, once))
            yield return P(what, path, body: body.ToJsonString().Replace($"\"{LoneSurrogate}\"", "\"\\ud800\""));
    }

    /// <summary>Stands for an unpaired surrogate escape, which no JSON writer will write (it is spliced into the text).</summary>
    private const string LoneSurrogate = "(lone surrogate)";

    /// <summary>Far too long values, sent once per operation (in the first property that takes one) to keep the run short.</summary>
    private static readonly HashSet<string> OncePerOperation = ["100 000 characters", "10 000 elements", "an unpaired surrogate"];

    /// <summary>
    /// For each declared property (nested objects and array elements included, three levels deep): each wrong JSON
    /// type, and once per operation far too long strings and arrays. The property sits alone in an otherwise empty
    /// body, inside its parents.
    /// </summary>
    private IEnumerable<(string What, JsonObject Body)> BodyVariants(JsonNode schema, Random random, HashSet<string> once,
        string at = "", int depth = 0)
    {
        var resolved = Resolve(schema);
        if (resolved["properties"] is not JsonObject properties || depth > 3) yield break;
        foreach (var (name, propertySchema) in properties)
        {
            var property = Resolve(propertySchema!);
            var path = at + "." + name;
            foreach (var (kind, value) in WrongValues(property, random))
                if (!OncePerOperation.Contains(kind) || once.Add(kind))
                    yield return ($"body{path} = {kind}", new JsonObject { [name] = value() });
            foreach (var (what, inner) in BodyVariants(property, random, once, path, depth + 1))
                yield return (what, new JsonObject { [name] = inner });
            if (property["items"] is { } items)
                foreach (var (what, inner) in BodyVariants(items, random, once, path + "[0]", depth + 1))
                    yield return (what, new JsonObject { [name] = new JsonArray(inner) });
        }
    }

    private IEnumerable<(string Kind, Func<JsonNode?> Value)> WrongValues(JsonObject property, Random random)
    {
        var type = (string?)property["type"] ?? (property["properties"] is not null ? "object" : property["enum"] is not null ? "string" : null);
        switch (type)
        {
            case "string":
                yield return ("a number", () => 42);
                yield return ("an object", () => new JsonObject());
                yield return ("NUL inside", () => "许昌\u0000市");
                yield return ("100 000 characters", () => new string('许', 100_000));
                yield return ("an unpaired surrogate", () => LoneSurrogate);
                if ((string?)property["format"] == "date-time")
                {
                    yield return ("a date without time", () => "2026-12-01");
                    yield return ("not an instant", () => "next tuesday");
                }
                break;
            case "integer" or "number":
                yield return ("a number as a string", () => "30");
                yield return ("a fraction", () => 1.5);
                yield return ("true", () => true);
                yield return ("beyond int64", () => JsonNode.Parse("99999999999999999999999"));
                var negative = random.Next(-1000, -1);
                yield return ("negative", () => negative);
                break;
            case "boolean":
                yield return ("a string", () => "true");
                yield return ("a number", () => 1);
                break;
            case "array":
                yield return ("an object", () => new JsonObject());
                yield return ("a string", () => "x");
                yield return ("a null element", () => new JsonArray((JsonNode?)null));
                yield return ("10 000 elements", () => new JsonArray([.. Enumerable.Range(0, 10_000).Select(_ => SampleOf(property["items"]))]));
                break;
            case "object":
                yield return ("an array", () => new JsonArray());
                yield return ("a string", () => "x");
                yield return ("a number", () => 42);
                break;
        }
    }

    private JsonObject Resolve(JsonNode schema)
    {
        var node = schema.AsObject();
        while (node["$ref"] is { } reference)
            node = _components[((string)reference!).Split('/')[^1]]!.AsObject();
        return node;
    }

    /// <summary>A well-typed element for a huge array, so the array is refused for its length and not its content.</summary>
    private JsonNode? SampleOf(JsonNode? items) => items is null ? "材料" : ((string?)Resolve(items)["type"]) switch
    {
        "integer" or "number" => 1,
        "boolean" => true,
        "string" => "营业执照",
        _ => new JsonObject(),
    };

    private static string PlausibleValue(JsonObject parameter, Random random, Guid existingDepartment)
    {
        var name = (string)parameter["name"]!;
        return ((string?)parameter["schema"]?["format"], name) switch
        {
            // The hub admin's own department, so /departments/{id}/... reaches its endpoint; elsewhere a random id.
            ("uuid", "id") => existingDepartment.ToString(),
            ("uuid", _) => new Guid(Bytes(random)).ToString(),
            ("int32", _) => "1",
            (_, "regionCode") => "411000",
            (_, "departmentCode") => TestDepartments.HubAdmin.Code,
            _ => "000147011000",
        };
    }

    private static byte[] Bytes(Random random)
    {
        var b = new byte[16];
        random.NextBytes(b);
        return b;
    }
}
