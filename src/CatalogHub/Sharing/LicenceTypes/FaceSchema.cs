using System.Text.Json;
using Json.Schema;

namespace CatalogHub.Sharing.LicenceTypes;

/// <summary>
/// The face data (照面信息) schema of a licence type: a JSON Schema (2020-12) of an object whose top-level properties are
/// the fields. It must close the object (<c>"additionalProperties": false</c>): a field no schema names could never be
/// granted or withheld, which would defeat data minimisation.
/// </summary>
public static class FaceSchema
{
    /// <summary>The face fields in ordinal order (PostgreSQL's jsonb keeps no member order, so none is promised).</summary>
    public static IReadOnlyList<string> Fields(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
            ? [.. p.EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal)]
            : [];

    public static void Check(Validation v, string field, JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() != "object")
        {
            v.Add(field, "invalid-face-schema", "must be a JSON Schema with \"type\": \"object\".");
            return;
        }
        if (Fields(schema).Count == 0)
            v.Add(field, "invalid-face-schema", "must name the face fields under \"properties\".");
        if (!schema.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind != JsonValueKind.False)
            v.Add(field, "invalid-face-schema", "must close the object with \"additionalProperties\": false.");
        if (Build(schema) is null)
            v.Add(field, "invalid-face-schema", "is not a JSON Schema that JsonSchema.Net can build.");
    }

    /// <summary>Every way the face data breaks the schema, as field errors under <paramref name="field"/>.</summary>
    public static IReadOnlyList<FieldError> Violations(JsonElement schema, JsonElement data, string field)
    {
        var built = Build(schema) ?? throw new InvalidOperationException("A published face schema no longer builds.");
        var results = built.Evaluate(data, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var errors = (results.Details ?? []).Prepend(results)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => new FieldError(
                field + d.InstanceLocation.ToString().Replace('/', '.').TrimEnd('.'), "face-data-invalid", $"{e.Key}: {e.Value}")))
            .Distinct()
            .ToList();
        return errors.Count > 0 ? errors : [new FieldError(field, "face-data-invalid", "does not match the licence type's face schema.")];
    }

    private static JsonSchema? Build(JsonElement schema)
    {
        try
        {
            // A registry of its own: the global one would keep every schema ever built and refuse a second one with the same $id.
            return JsonSchema.Build(schema, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (Exception e) when (e is JsonException or JsonSchemaException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
