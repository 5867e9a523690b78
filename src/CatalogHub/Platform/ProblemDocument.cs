using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CatalogHub.Platform;

/// <summary>
/// The body of every error this API answers: RFC 9457 with the members a client switches on, as <see cref="Problems"/>
/// writes it. <c>code</c> is stable (also the last segment of <c>type</c>); <c>field</c> names the field at fault, and
/// <c>errors</c> every element refused, each with its own code. A problem may carry more members (the repeal a 404
/// <c>repealed</c> cites, ...), so the schema does not close the object.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record Problem(
    string Type, string Title, int Status, string Code, string? Detail = null, string? Instance = null, string? Field = null,
    IReadOnlyList<FieldError>? Errors = null, string? TraceId = null);

/// <summary>
/// Describes the problem responses of every operation with <see cref="Problem"/> instead of ASP.NET's stock
/// <c>ProblemDetails</c>, which lacks <c>code</c>, <c>field</c>, <c>errors</c> and <c>traceId</c> and closes the object, so
/// every real error body broke it.
/// </summary>
public sealed class ProblemResponses : IOperationFilter, IDocumentFilter, ISchemaFilter
{
    /// <summary>What every problem has; the rest is there when it applies.</summary>
    private static readonly string[] Always = ["type", "title", "status", "code"];

    private const string Stock = "Microsoft.AspNetCore.Mvc.ProblemDetails";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var problem = context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository);
        foreach (var media in operation.Responses?.Values.SelectMany(r => r.Content?.Values ?? []) ?? [])
            if (media.Schema is OpenApiSchemaReference { Reference.Id: Stock })
                media.Schema = problem;
    }

    public void Apply(OpenApiDocument document, DocumentFilterContext context) => document.Components?.Schemas?.Remove(Stock);

    /// <summary>Open to further members, as served; the four that are always there are required and never null.</summary>
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(Problem) || schema is not OpenApiSchema problem) return;
        problem.AdditionalPropertiesAllowed = true;
        problem.AdditionalProperties = null;
        problem.Required = new HashSet<string>(Always);
        foreach (var member in Always)
            if (problem.Properties is { } properties && properties.TryGetValue(member, out var p) && p is OpenApiSchema property)
                property.Type &= ~JsonSchemaType.Null;
    }
}
