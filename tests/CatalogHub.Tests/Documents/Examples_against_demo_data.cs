using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Demo;
using CatalogHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogHub.Tests.Documents;

/// <summary>
/// What Swagger UI's "Try it out" sends, sent: every operation of the document the API serves, built from the document's
/// own examples alone (path, query and header parameter examples, the request body's example), against a store holding
/// the demo dataset (what `make run` seeds), by a demo department whose key the operation admits. Each must answer with
/// the success status the document lists, in a content type it lists for that status, with a body that validates
/// against the documented schema.
/// <para>
/// A write that needs earlier state gets it the way an integrator would, from the examples of the operations before it
/// (<see cref="Before"/>: a draft's submit first creates the draft from the create example), each write on a freshly
/// seeded store; the id it acts on is then the created one, and If-Match the ETag the last answer about it carried.
/// </para>
/// </summary>
public sealed class Examples_against_demo_data(AppFixture fixture) : IntegrationContext(fixture)
{
    private sealed record Operation(string Method, string Template, JsonObject Node)
    {
        public string Id => (string?)Node["operationId"] ?? $"{Method} {Template}";
        public string Collection => Template.Contains("/{id}", StringComparison.Ordinal) ? Template[..Template.IndexOf("/{id}", StringComparison.Ordinal)] : Template;
        public string Last => Template[(Template.LastIndexOf('/') + 1)..];
        public bool Public => Node["security"] is JsonArray { Count: 0 };
    }

    private sealed record Answer(string Path, int Status, string? ContentType, string Text, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders);

    /// <summary>State the examples of writes need, by the last segment of their route (collection operations run first, on the same id).</summary>
    private static readonly Dictionary<string, string[]> Before = new()
    {
        ["draft"] = ["create"],
        ["submit"] = ["create"],
        ["withdraw"] = ["create"],
        ["publish"] = ["create", "submit"],
        ["cancel-schedule"] = ["repeal"],
        ["reschedule"] = ["repeal"],
        ["revoke"] = ["create"],
        // A subscription is cancelled by the department that made it; the demo seeds none, or it would post every change to a URL.
        ["cancel"] = ["create"],
    };

    private ServedDocument _served = null!;
    private JsonObject _document = null!;
    private Dictionary<string, string> _keys = [];
    private readonly Dictionary<string, string> _etags = [];
    private bool _written;

    [Fact]
    public async Task every_example_in_the_document_answers_as_documented_against_the_demo_data()
    {
        // The examples name fixed instants (2026-12-01T01:00Z): the test host's clock, which other tests move forward, is put back
        // at the wall clock (where PostgreSQL records) for this test and moved on again after it.
        var drift = Clock.GetUtcNow() - DateTimeOffset.UtcNow;
        Clock.Advance(-drift);
        try
        {
            await RunEveryExample();
        }
        finally
        {
            Clock.Advance(drift);
        }
    }

    private async Task RunEveryExample()
    {
        _served = await ServedDocument.Of(Host);
        _document = _served.Root;
        var operations = Operations(_document).ToList();
        var failures = new List<string>();
        await Seed();
        // Reads first, on one seeded store; then each write on a store of its own (seeded again once a write may have changed it).
        foreach (var op in operations.OrderBy(o => o.Method == "GET" ? 0 : 1))
        {
            if ((op.Method != "GET" || Before.ContainsKey(op.Last)) && _written) await Seed();
            try
            {
                if (await Run(op, []) is { } failure) failures.Add(failure);
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException)
            {
                failures.Add($"{op.Id}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0,
            $"{operations.Count - failures.Count} of {operations.Count} operations answered their examples as documented.\nNot as documented: {string.Join("\n", failures)}");
    }

    private static IEnumerable<Operation> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, op) in item!.AsObject())
                yield return new Operation(method.ToUpperInvariant(), path, op!.AsObject());
    }

    /// <summary>The demo dataset on an empty store, and a key for each of its departments.</summary>
    private async Task Seed()
    {
        await WipeStore();
        _written = false;
        _etags.Clear();
        _keys = await ExampleRequests.SeedDemo(Store, Host.Services.GetRequiredService<CatalogHub.Sharing.Holders.HolderVault>(), Now);
        // A running hub has signed its transparency log over what it holds (the loop is off in the tests).
        await Signed();
    }

    /// <summary>
    /// Runs the operation's examples (after those <see cref="Before"/> names) and answers what was not as documented, or null.
    /// <paramref name="ids"/> carries the id an earlier step created, by collection.
    /// </summary>
    private async Task<string?> Run(Operation op, Dictionary<string, string> ids)
    {
        // On the item itself ({collection}/{id}/{step}), not on one of its parts (a department's key is revoked on the demo's own).
        if (op.Template == $"{op.Collection}/{{id}}/{op.Last}" && Before.TryGetValue(op.Last, out var steps) && ids.Count == 0)
            foreach (var step in steps)
            {
                var earlier = Sibling(op, step) ?? throw new InvalidOperationException($"no {step} operation beside {op.Template}");
                if (await Run(earlier, ids) is { } failure) return $"{op.Id}: its earlier step failed: {failure}";
            }

        var (status, schema, media) = Documented(op);
        Answer? answer = null;
        var tried = new List<string>();
        foreach (var caller in Callers(op))
        {
            answer = await Send(op, caller, ids);
            _written |= op.Method != "GET" && answer.Status < 400;
            tried.Add($"{caller ?? "no key"} → {answer.Status}");
            if (answer.Status is not (403 or 404)) break;
        }
        if (answer!.Status != status)
            return $"{op.Id}: {string.Join(", ", tried)} (documented {status}) {Truncate(answer.Text)}";
        if (media is not null && (answer.ContentType is null || !answer.ContentType.StartsWith(media, StringComparison.Ordinal)))
            return $"{op.Id}: answered as {answer.ContentType ?? "no content type"}, documented {media}";
        // NDJSON (the exports) is a document a line.
        var documents = media?.EndsWith("ndjson", StringComparison.Ordinal) == true ? answer.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [answer.Text];
        if (schema is not null && media is not null && media.Contains("json", StringComparison.Ordinal)
            && documents.Select(d => _served.SchemaErrors(schema, d, $"{op.Id}:{status}")).FirstOrDefault(e => e is not null) is { } invalid)
            return $"{op.Id}: the body does not validate against the documented schema: {invalid}";

        // The created resource's id: the answer's, or that of the one object it wraps (a subscription beside its secret).
        if (op.Method == "POST" && status == 201 && JsonNode.Parse(answer.Text) is JsonObject body
            && (body["id"] ?? body.Select(m => m.Value as JsonObject).SingleOrDefault(m => m?["id"] is not null)?["id"]) is { } created)
            ids[op.Collection] = (string)created!;
        // The ETag a write answered about the item its path names (or the one it created): what the next write about it sends as
        // If-Match. (A published version's ETag names its content, not the item's version.)
        if (op.Method != "GET" && answer.Headers.ETag is { } etag && (ids.GetValueOrDefault(op.Collection) ?? Target(answer.Path)) is { } at)
            _etags[at] = etag.Tag;
        return null;
    }

    private Operation? Sibling(Operation op, string step) => Operations(_document).FirstOrDefault(o => step == "create"
        ? o.Method == "POST" && o.Template == op.Collection
        : o.Method == "POST" && o.Template == $"{op.Collection}/{{id}}/{step}");

    /// <summary>The first success status the operation documents, its schema and its media type.</summary>
    private static (int Status, JsonNode? Schema, string? Media) Documented(Operation op)
    {
        var (key, response) = op.Node["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).OrderBy(r => r.Key).First();
        var content = response?["content"]?.AsObject().FirstOrDefault();
        return (int.Parse(key), content?.Value?["schema"], content?.Key);
    }

    /// <summary>
    /// Whose key: none for a public operation; else the demo departments in turn, the owner of the demo's 食品经营许可 first
    /// (许昌市市场监督管理局), then the hub's administrator (the city's catalogue manager), then the others. A 403 changes nothing,
    /// so the next department is asked; the first one admitted answers. So does a 404: drafts and their history are found by
    /// their editors only.
    /// </summary>
    private IEnumerable<string?> Callers(Operation op) => op.Public
        ? new string?[] { null }
        : DemoData.Departments.Take(1).Append(DemoData.HubAdmin).Concat(DemoData.Departments.Skip(1)).Select(d => (string?)d.Code);

    private async Task<Answer> Send(Operation op, string? caller, Dictionary<string, string> ids)
    {
        using var request = ExampleRequests.Build(op.Method, op.Template, op.Node, (where, name, value) =>
            where == "path" && name == "id" && ids.TryGetValue(op.Collection, out var created) ? created : value);
        // If-Match: the ETag the last answer about the item carried, where one did; else the documented example.
        if (request.Headers.Contains("If-Match") && Target(request.RequestUri!.OriginalString) is { } target && _etags.TryGetValue(target, out var etag))
        {
            request.Headers.Remove("If-Match");
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        if (caller is not null) request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", _keys[caller]);
        using var client = Host.Server.CreateClient();
        using var response = await client.SendAsync(request);
        return new Answer(request.RequestUri!.OriginalString, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync(),
            response.Headers, response.Content.Headers);
    }

    /// <summary>The id of the item a path names: its first id segment.</summary>
    private static string? Target(string path) => path.Split('/', '?').FirstOrDefault(s => Guid.TryParse(s, out _));

    private static string Truncate(string s) => s.Length <= 400 ? s : s[..400] + "…";
}
