using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using CatalogHub.Platform;
using CatalogHub.Publication.Lists;
using CatalogHub.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogHub.Tests.Documents;

/// <summary>
/// schemas/ is generated from the code: a JSON Schema (2020-12) per request, response and event, and
/// openapi.json. These tests fail when a file drifts from the code; `make schemas` rewrites them.
/// </summary>
public sealed class Published_documents(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly bool Write = Environment.GetEnvironmentVariable("CATALOGHUB_WRITE_SCHEMAS") == "1";

    public static string SchemasDirectory => Path.Combine(RepositoryFolder.Root, "schemas");

    /// <summary>Request bodies and response bodies named by the API description, keyed by their file name.</summary>
    private Dictionary<string, Type> ApiTypes()
    {
        var types = new Dictionary<string, Type>();
        var groups = Host.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items;
        foreach (var api in groups.SelectMany(g => g.Items))
        {
            foreach (var body in api.ParameterDescriptions.Where(p => p.Source == BindingSource.Body && p.Type is not null))
                types[$"requests/{Name(body.Type!)}.schema.json"] = body.Type!;
            // A problem response is documented as the API's own problem body (Platform/ProblemDocument.cs), not ASP.NET's;
            // a text response (the log's signed checkpoint note) has no JSON schema.
            foreach (var response in api.SupportedResponseTypes.Where(r => r.Type is not null && r.Type != typeof(void) && !typeof(IResult).IsAssignableFrom(r.Type)
                             && !(r.ApiResponseFormats.Count > 0 && r.ApiResponseFormats.All(f => f.MediaType.StartsWith("text/", StringComparison.Ordinal))))
                         .Select(r => r.Type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) ? typeof(Problem) : r.Type!))
                types[$"responses/{Name(response)}.schema.json"] = response;
            // An export's lines (NDJSON) are its events, declared, after its header.
            if (api.SupportedResponseTypes.Any(r => r.ApiResponseFormats.Any(f => f.MediaType == CatalogHub.Audit.Log.LogExport.MediaType)))
                types["responses/ExportHeader.schema.json"] = typeof(CatalogHub.Audit.Log.ExportHeader);
        }
        foreach (var e in Hosting.EventTypes)
            types[$"events/{ListRegistry.All.FirstOrDefault(l => l.EventTypes.Contains(e))?.EventTitle(e) ?? Name(e)}.schema.json"] = e;
        return types;
    }

    private static string Name(Type t) => t.IsGenericType
        ? $"{t.Name[..t.Name.IndexOf('`')]}Of{string.Join("And", t.GetGenericArguments().Select(Name))}"
        : t.Name;

    public static JsonNode SchemaOf(Type type, string file)
    {
        var schema = ApiJson.Options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            // Instants go through the API's UTC converter, which the exporter cannot see into.
            TransformSchemaNode = (context, node) =>
                context.TypeInfo.Type == typeof(DateTimeOffset) ? new JsonObject { ["type"] = "string", ["format"] = "date-time" }
                : context.TypeInfo.Type == typeof(DateTimeOffset?) ? new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" }
                : node,
        });
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"urn:cataloghub:schema:{file.Replace(".schema.json", "")}",
            // The file's name: a generic event is titled as its list calls it (ProofItemPublished), not ItemPublished`1.
            ["title"] = Path.GetFileName(file).Replace(".schema.json", ""),
        };
        if (schema is JsonObject o)
            foreach (var (k, v) in o.ToList()) { o.Remove(k); document[k] = v; }
        else document["allOf"] = new JsonArray(schema);
        return document;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = ApiJson.Options.Encoder };

    private static void Compare(Dictionary<string, string> expected)
    {
        var root = SchemasDirectory;
        if (Write)
        {
            foreach (var (file, content) in expected)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file))!);
                File.WriteAllText(Path.Combine(root, file), content);
            }
            return;
        }
        foreach (var (file, content) in expected)
        {
            var path = Path.Combine(root, file);
            Assert.True(File.Exists(path), $"schemas/{file} is missing: run `make schemas`.");
            Assert.True(content == File.ReadAllText(path), $"schemas/{file} differs from the code: run `make schemas`.");
        }
    }

    [Fact]
    public void every_request_response_and_event_has_its_schema_in_schemas()
    {
        var expected = ApiTypes().ToDictionary(kv => kv.Key, kv => SchemaOf(kv.Value, kv.Key).ToJsonString(Indented) + "\n");
        Assert.Contains("events/EntryPublished.schema.json", expected.Keys);
        Assert.Contains("requests/DraftEntry.schema.json", expected.Keys);
        var known = expected.Keys.Append("openapi.json").ToHashSet();
        var stale = Directory.Exists(SchemasDirectory)
            ? Directory.GetFiles(SchemasDirectory, "*.json", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(SchemasDirectory, f)).Where(f => !known.Contains(f)).ToList()
            : [];
        if (Write) stale.ForEach(f => File.Delete(Path.Combine(SchemasDirectory, f)));
        else Assert.True(stale.Count == 0, $"schemas/ has files the code no longer produces: {string.Join(", ", stale)}; run `make schemas`.");
        Compare(expected);
    }

    /// <summary>Each schema read once: JsonSchema.Net's global registry refuses a second schema with the same $id.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Json.Schema.JsonSchema> Schemas = new();

    private static void AssertConforms(string schemaFile, JsonElement document)
    {
        var schema = Schemas.GetOrAdd(schemaFile, f => Json.Schema.JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemasDirectory, f))));
        var result = schema.Evaluate(document, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.True(result.IsValid, $"{schemaFile}: " + string.Join("; ", (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }

    [Fact]
    public async Task what_the_api_serves_and_the_store_holds_conforms_to_the_published_schemas()
    {
        var market = await Register(TestDepartments.MarketRegulation);
        var draft = ReadJson(await Post("/catalogue/entries", Catalogue.CatalogueContext.DraftOf(Catalogue.CatalogueContext.FoodLicence()), market.Key, 201));
        AssertConforms("responses/EntryDraftView.schema.json", draft);
        var id = draft.GetProperty("id").GetString();
        await Post($"/catalogue/entries/{id}/submit", new { reason = "提交审核" }, market.Key, 200, "\"1\"");
        await Post($"/catalogue/entries/{id}/publish", new { reason = "公布" }, Admin.Key, 200, "\"2\"");

        AssertConforms("responses/PublishedEntryView.schema.json", ReadJson(await Get($"/catalogue/entries/{id}")));
        AssertConforms("responses/CataloguePage.schema.json", ReadJson(await Get("/regions/411000/catalogue")));
        AssertConforms("responses/ItemHistory.schema.json", ReadJson(await Get($"/catalogue/entries/{id}/history", market.Key)));

        // The events as Marten stored them (its own serializer), not as the API re-serialises them.
        await using var session = Store.QuerySession();
        var stored = await session.AdvancedSql.QueryAsync<string>(
            "select data::text from cataloghub.mt_events where stream_id = ? and type = 'entry_published'", CancellationToken.None, Guid.Parse(id!));
        AssertConforms("events/EntryPublished.schema.json", JsonDocument.Parse(Assert.Single(stored)).RootElement);
    }

    [Fact]
    public async Task every_kind_of_error_body_conforms_to_the_published_problem_schema()
    {
        var market = await Register(TestDepartments.MarketRegulation);
        var entry = Catalogue.CatalogueContext.DraftOf(Catalogue.CatalogueContext.FoodLicence());
        var draft = ReadJson(await Post("/catalogue/entries", entry, market.Key, 201));
        var id = draft.GetProperty("id").GetString();
        var bodies = new[]
        {
            await Post("/catalogue/entries", new { itemCode = "000 147", regionCode = "411000", reason = "编制" }, market.Key, 400),
            await Get("/regions/411000/catalogue?page=abc", status: 400),
            await Get("/catalogue/drafts", status: 401),
            await Get("/sharing/access-log", market.Key, 403),
            await Get($"/catalogue/entries/{id}", status: 404),
            await Post("/catalogue/entries", entry, market.Key, 409),
            await Post($"/catalogue/entries/{id}/submit", new { reason = "提交审核" }, market.Key, 412, "\"7\""),
            await Post($"/catalogue/entries/{id}/submit", new { reason = "提交审核" }, market.Key, 428),
            await Post($"/catalogue/entries/{id}/publish", new { reason = "公布" }, Admin.Key, 422, "\"1\""),
        };
        foreach (var body in bodies)
        {
            var problem = ReadJson(body);
            AssertConforms("responses/Problem.schema.json", problem);
            Assert.Equal(Problems.TypePrefix + problem.GetProperty("code").GetString(), problem.GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task schemas_openapi_json_is_the_document_the_api_serves()
    {
        var served = JsonNode.Parse((await Get("/swagger/v1/swagger.json")).ReadAsText())!;
        Compare(new Dictionary<string, string> { ["openapi.json"] = served.ToJsonString(Indented) + "\n" });
    }
}
