using System.Text.Json;
using CatalogHub.Demo;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CatalogHub.Publication.Lists;

/// <summary>
/// Gives the drafting and revising operations of every registered list its realistic example body
/// (<see cref="ListDefinition.ExampleContent"/>), so Swagger UI's "Try it out" starts from content that passes the rules.
/// </summary>
public sealed class ListExamples : IOperationFilter
{
    /// <summary>食品经营许可, the item every list's draft example is about.</summary>
    private const string ExampleCode = "000147011000";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var body = context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (body is not { IsGenericType: true } || operation.RequestBody?.Content is not { } content) return;
        var list = ListRegistry.All.FirstOrDefault(l => l.ContentType == body.GetGenericArguments()[0]);
        if (list is null) return;
        // Where the demo already has the item in 许昌市 (its promise for 食品经营许可), 魏都区 takes it over (承接) as a draft of its own.
        var takenOver = DemoData.ExampleCodes.GetValueOrDefault(list.Route) == ExampleCode;
        object? example = body.GetGenericTypeDefinition() == typeof(DraftItem<>)
            ? new { regionCode = takenOver ? "411002" : "411000", code = ExampleCode, content = list.ExampleContent,
                derivedFrom = takenOver ? DemoData.ExampleIds[list.Route] : (Guid?)null, reason = "依据《许昌市政务服务条例》编制并公布清单" }
            : body.GetGenericTypeDefinition() == typeof(ReviseItem<>) ? new { content = list.ExampleContent, reason = "法律修订后调整清单" }
            : body.GetGenericTypeDefinition() == typeof(BulkPublish<>) ? BulkExample(list)
            : null;
        if (example is null) return;
        foreach (var media in content.Values.OfType<OpenApiMediaType>())
            media.Example = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(example, ApiJson.Options));
    }

    /// <summary>
    /// The base catalogue's: 禹州市 (411081) taking over two of 许昌市's published items (承接), each naming the city entry it derives
    /// from; every other list's: 许昌市 publishing its example content as a new item.
    /// </summary>
    private static object BulkExample(ListDefinition list)
    {
        const string reason = "依据《许昌市政务服务条例》第十三条承接市级政务服务事项";
        if (list is not ListDefinition<Catalogue.EntryContent>)
            return new { regionCode = "411000", entries = new[] { new { code = "000147023000", content = list.ExampleContent, derivedFrom = (Guid?)null } },
                note = "首次公布", reason };
        object Adopted(string code, string name, string department, Catalogue.LegalBasis basis) => new
        {
            code,
            content = new Catalogue.EntryContent(name, "行政许可", department, department, [basis], $"410000-{code}"),
            derivedFrom = Demo.DemoData.IdOf($"entry:411000:{code}"),
        };
        return new
        {
            regionCode = "411081",
            entries = new[]
            {
                Adopted("000147011000", "食品经营许可", "禹州市市场监督管理局", new("中华人民共和国食品安全法", "法律", "第三十五条")),
                Adopted("000147001000", "企业设立登记", "禹州市市场监督管理局", new("中华人民共和国市场主体登记管理条例", "行政法规", "第三条")),
            },
            note = "禹州市承接许昌市事项，首次公布",
            reason,
        };
    }
}
