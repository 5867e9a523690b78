using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CatalogHub.Platform;

/// <summary>
/// What an integrator reads for every operation, derived from the code rather than written per endpoint: the summary and
/// description from the handler's XML documentation (an endpoint's own <c>WithSummary</c>, as every list's operations
/// have, wins), every problem status the pipeline can answer with the stable codes a client switches on, and the
/// request headers that writes need. Conventions it relies on, each decided once elsewhere: the fallback policy asks
/// every operation not marked public for a key (401), a policy naming roles refuses others (403, <c>missing-role</c>),
/// <see cref="RequestHygiene"/> refuses malformed input before any endpoint runs (400), a write that documents 412 reads
/// If-Match (<see cref="Preconditions"/>, so 428 without it), <see cref="IdempotentAttribute"/> reads Idempotency-Key,
/// and every operation that touches the store may answer 503 while PostgreSQL does not.
/// </summary>
public sealed partial class OperationDocs : IOperationFilter, IDocumentFilter
{
    /// <summary>Codes by status, as the pipeline writes them whatever the endpoint (<see cref="ProblemCodes"/>).</summary>
    private static readonly string[] QueryCodes =
        [ProblemCodes.UnknownParameter, ProblemCodes.RepeatedParameter, ProblemCodes.InvalidParameter, ProblemCodes.ControlCharacter];

    private static readonly string[] BodyCodes =
        [ProblemCodes.MalformedJson, ProblemCodes.BodyRequired, ProblemCodes.BodyNotAnObject, ProblemCodes.InvalidUnicode, "validation-failed",
            "required", "too-long", "too-many"];

    /// <summary>A region named in the path (<see cref="RegionCode.NoSuchRegion"/>, <see cref="RegionCode.CheckKnown"/>): malformed is 400, unknown 404.</summary>
    private static readonly string[] RegionPathCodes = ["invalid-region-code", "too-long", "validation-failed"];

    private static readonly string[] KeyCodes =
        ["missing-api-key", "malformed-api-key", "unknown-api-key", "revoked-api-key", "expired-api-key", "deregistered-department"];

    /// <summary>The shared lifecycle's refusals (<see cref="Lifecycle"/>), by the last segment of the route every publication list shares.</summary>
    private static readonly Dictionary<string, string[]> LifecycleRules = new()
    {
        ["draft"] = ["withdrawn"],
        ["submit"] = ["no-draft", "withdrawn"],
        ["withdraw"] = ["no-draft", "withdrawn"],
        ["publish"] = ["not-in-review", "withdrawn", "effective-time-not-after-current", "effective-time-not-after-repeal",
            "reference-not-in-force", "list-not-publishable", "validation-failed"],
        ["repeal"] = ["repealed", "never-published", "withdrawn", "not-in-force-then", "effective-time-not-after-current"],
        ["cancel-schedule"] = ["not-scheduled", "withdrawn"],
        ["reschedule"] = ["not-scheduled", "withdrawn", "effective-time-in-past", "effective-time-out-of-order"],
    };

    /// <summary>What each problem status means, whatever the operation.</summary>
    private static readonly Dictionary<int, string> What = new()
    {
        [400] = "The request is malformed or a field is invalid.",
        [401] = "No usable API key: send 'Authorization: ApiKey {key}'.",
        [403] = "The caller's key lacks the role, or the caller may not act on this resource.",
        [404] = "No such resource, or none in force at the instant asked about.",
        [409] = "The request conflicts with what exists.",
        [412] = "If-Match names a version that is no longer the current one: read it again.",
        [413] = "The body is too large.",
        [415] = "The body is not application/json.",
        [422] = "A rule of the catalogue refuses the request (it was well formed); errors lists each element refused.",
        [428] = "The write needs If-Match with the ETag (version) you read.",
        [429] = "Too many failed authentications from this client; retry after Retry-After seconds.",
        [503] = "PostgreSQL does not answer; retry after Retry-After seconds.",
    };

    /// <summary>The shared lifecycle's input checks beyond a body's (<see cref="PublicationWrites"/>): which scheduled change is meant.</summary>
    private static readonly Dictionary<string, string[]> LifecycleInput = new()
    {
        ["cancel-schedule"] = ["one-target", "invalid-version"],
        ["reschedule"] = ["one-target", "invalid-version"],
    };

    private readonly Lazy<Dictionary<string, XElement>> _xml = new(Load);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var handler = (api.ActionDescriptor as Wolverine.Http.WolverineActionDescriptor)?.Chain.Method.Method ?? metadata.OfType<MethodInfo>().FirstOrDefault();
        Describe(operation, handler, metadata, api.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type);
        // A query parameter the handler cannot do without is marked [Required] there: the handler checks it (400 required), the document says so.
        foreach (var required in handler?.GetParameters().Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null) ?? [])
            if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == required.Name && p.In == ParameterLocation.Query) is { } query)
                query.Required = true;

        // An export (Audit.Log.LogExport) is NDJSON whose first line is its header (the signed checkpoint it is proven against) and
        // every other line an event with its proof: a line is one or the other, and the endpoint declares the event's schema.
        foreach (var media in operation.Responses?.Values.SelectMany(r => r.Content ?? new Dictionary<string, OpenApiMediaType>())
                     .Where(c => c.Key == Audit.Log.LogExport.MediaType && c.Value.Schema is not null).Select(c => c.Value) ?? [])
            media.Schema = new OpenApiSchema
            {
                Description = "A line of the export: the first is its header (ExportHeader), every other one an event with its inclusion proof (ProvenEvent).",
                OneOf = [context.SchemaGenerator.GenerateSchema(typeof(Audit.Log.ExportHeader), context.SchemaRepository), media.Schema!],
            };

        // Wolverine adds a 200 of IResult beside the 201 an endpoint declares; a creating POST answers 201, replays included.
        if (operation.Responses?.ContainsKey("201") == true) operation.Responses.Remove("200");

        var path = "/" + (api.RelativePath ?? "").Split('?')[0];
        var lastSegment = path[(path.LastIndexOf('/') + 1)..];
        var hasBody = api.ParameterDescriptions.Any(p => p.Source == BindingSource.Body);
        var secured = operation.Security is { Count: > 0 };
        // A public operation says so (an empty requirement) rather than leaving the reader to guess.
        if (!secured) operation.Security = [];
        var roles = metadata.OfType<IAuthorizeData>().Any(a => a.Policy is { } policy && policy != Policies.Authenticated)
                    || metadata.OfType<IAuthorizeData>().Any(a => a.Roles is not null);
        var ifMatch = operation.Responses?.ContainsKey("412") == true;
        var idempotent = metadata.OfType<IdempotentAttribute>().Any();
        var lifecycle = ifMatch && LifecycleRules.TryGetValue(lastSegment, out var rules) ? rules : [];
        var instants = api.ParameterDescriptions.Any(p => p.Name is "asOf" or "from" or "to" or "knownAt");
        var regionPath = api.ParameterDescriptions.Any(p => p.Name == "regionCode" && p.Source == BindingSource.Path);
        var own = metadata.OfType<ProblemCodesAttribute>().SelectMany(a => a.Resolved()).ToLookup(d => d.Status, d => d.Codes);
        var problems = new SortedDictionary<int, List<string>>();
        void Add(int status, params IEnumerable<string> codes) => (problems.TryGetValue(status, out var list) ? list : problems[status] = []).AddRange(codes);

        Add(400, [.. QueryCodes, .. If(hasBody, BodyCodes), .. If(instants || hasBody, ProblemCodes.InvalidInstant, ProblemCodes.DateWithoutTime),
            .. If(api.ParameterDescriptions.Any(p => p.Name == "knownAt"), "known-at-in-future"),
            .. If(ifMatch, "invalid-if-match"), .. If(idempotent, "invalid-idempotency-key"), .. If(regionPath, RegionPathCodes),
            .. (ifMatch ? LifecycleInput.GetValueOrDefault(lastSegment) ?? [] : [])]);
        if (secured)
        {
            Add(401, KeyCodes);
            Add(429, "too-many-failed-authentications");
        }
        if (secured && (roles || operation.Responses?.ContainsKey("403") == true || own.Contains(403)))
            Add(403, [.. If(roles, "missing-role"), .. If(lifecycle.Length > 0, "not-entry-editor", "other-region")]);
        if (operation.Responses?.ContainsKey("404") == true || path.Contains('{'))
            Add(404, [regionPath ? "unknown-region" : "not-found"]);
        if (operation.Responses?.ContainsKey("409") == true || idempotent)
            Add(409, [.. If(idempotent, "idempotency-in-progress"), "already-exists"]);
        if (ifMatch)
        {
            Add(412, "stale-version");
            Add(428, "if-match-required");
        }
        if (operation.Responses?.ContainsKey("422") == true || lifecycle.Length > 0 || idempotent)
            Add(422, [.. lifecycle, .. If(idempotent, "idempotency-key-reused")]);
        if (hasBody)
        {
            Add(413, ProblemCodes.BodyTooLarge);
            Add(415, ProblemCodes.UnsupportedMediaType);
        }
        Add(503, "database-unavailable");
        foreach (var group in own) Add(group.Key, group.SelectMany(c => c));
        // Field checks collect every error: two or more at once answer validation-failed.
        if (hasBody || regionPath || own.Contains(400)) Add(400, "validation-failed");
        foreach (var (status, codes) in problems)
            Problem(operation, context, status, What.GetValueOrDefault(status, "The request is refused."), [.. codes]);

        // Where a standby is configured (StandbyReads), a read marked for it says where it was answered and how fresh that was.
        if (metadata.OfType<ReadsFromStandbyAttribute>().Any())
            foreach (var (_, response) in operation.Responses?.Where(r => r.Key.StartsWith('2')) ?? [])
                if (response is OpenApiResponse ok)
                {
                    ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    ok.Headers[StandbyReads.SourceHeader] = new OpenApiHeader
                    {
                        Description = "Where a standby is configured: `standby` when the standby answered, `primary` when it fell back to the primary.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["standby", "primary"] },
                    };
                    ok.Headers[StandbyReads.LagHeader] = new OpenApiHeader
                    {
                        Description = "Where a standby is configured: how many seconds the server that answered was behind the primary (0.000: caught up).",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = @"^[0-9]+\.[0-9]{3}$" },
                    };
                }

        // As the demo dataset has them: a filing nobody acted on yet is at "0" (its stream does not exist), a published item at "3"
        // (drafted, submitted, published); a licence or seal at "1" (issued), the suspended ones at "2" (Demo/DemoSharing.cs).
        if (ifMatch) Header(operation, "If-Match", true, "The ETag of the version you read (\"3\"); a stale one is refused with 412.",
            path.StartsWith("/filings/", StringComparison.Ordinal) ? "\"0\"" : lastSegment == "repeal" ? "\"3\""
            : path.StartsWith("/sharing/", StringComparison.Ordinal) && lastSegment != "reinstate" ? "\"1\"" : "\"2\"");
        if (idempotent)
            Header(operation, "Idempotency-Key", false,
                "Any unique string up to 255 characters; a retry with the same key answers the first response again (Idempotent-Replayed: true).",
                "0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    /// <summary>
    /// The schema of the 200s removed above is referenced by nothing else. A reference that may be null (a filing's acknowledgement)
    /// is written as an allOf of it marked nullable, which OpenAPI 3.0 only accepts with a type beside it: the referenced schema's.
    /// </summary>
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null) return;
        schemas.Remove(typeof(IResult).FullName!);
        foreach (var properties in schemas.Values.Select(s => s.Properties).OfType<IDictionary<string, IOpenApiSchema>>())
            foreach (var (name, property) in properties.ToList())
            {
                if (property is not OpenApiSchema { AllOf: [OpenApiSchemaReference reference] } wrapper) continue;
                // A reference that is never null stays a plain reference.
                if (wrapper.Type is not JsonSchemaType.Null) properties[name] = reference;
                else if (reference.Reference.Id is { } id && schemas.TryGetValue(id, out var target) && target.Type is { } type)
                    wrapper.Type = type | JsonSchemaType.Null;
            }
    }

    private static string[] If(bool condition, params string[] codes) => condition ? codes : [];

    /// <summary>
    /// Adds (or completes) one problem response: its description names the stable codes, which are also listed in
    /// <c>x-problem-codes</c> and the first of which is the response's example. A status the endpoint documents already keeps
    /// its schema; codes of its own are listed beside these in the problem's <c>code</c> at run time.
    /// </summary>
    private static void Problem(OpenApiOperation operation, OperationFilterContext context, int status, string what, string[] codes)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses.TryGetValue(key, out var existing) || existing is not OpenApiResponse response)
            operation.Responses[key] = response = new OpenApiResponse();
        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        response.Content.Remove("application/json");
        if (!response.Content.TryGetValue("application/problem+json", out var media))
            response.Content["application/problem+json"] = media = new OpenApiMediaType();
        media.Schema = context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository);
        var distinct = codes.Distinct().ToArray();
        response.Description = distinct.Length == 0 ? what : $"{what} Codes: {string.Join(", ", distinct.Select(c => $"`{c}`"))}.";
        response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        response.Extensions["x-problem-codes"] = new JsonNodeExtension(new JsonArray([.. distinct.Select(c => (JsonNode)c)]));
        var code = distinct.FirstOrDefault() ?? "request-refused";
        var example = new JsonObject
        {
            ["type"] = Problems.TypePrefix + code,
            ["title"] = what,
            ["status"] = status,
            ["code"] = code,
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        };
        if (status == 400) example["field"] = "regionCode";
        media.Example = example;
    }

    private static void Header(OpenApiOperation operation, string name, bool required, string description, string example)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.Name == name && p.In == ParameterLocation.Header)) return;
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name, In = ParameterLocation.Header, Required = required, Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = example,
        });
    }

    /// <summary>
    /// Summary and description: the endpoint's own summary when it set one (not Wolverine's default, the operation id), else
    /// the first sentence of the XML summary of the request body's type (the question it asks), of the handler, or of its
    /// class; the description is the XML text of the handler and of the body. An operation documented nowhere keeps no
    /// summary, which the linters in <c>make test</c> refuse.
    /// </summary>
    private void Describe(OpenApiOperation operation, MethodInfo? method, IList<object> metadata, Type? body)
    {
        var handler = method is null ? null : Doc(method) ?? Doc(method.DeclaringType!);
        var request = body is null || body.Assembly != typeof(OperationDocs).Assembly ? null : Doc(body);
        var own = metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>().LastOrDefault()?.Summary;
        var ownDescription = metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IEndpointDescriptionMetadata>().LastOrDefault()?.Description;
        var summary = own != operation.OperationId ? own : null;
        summary ??= request ?? handler;
        operation.Summary = summary is null ? null : FirstSentence(summary);
        var description = string.Join("\n\n", new[] { ownDescription != operation.OperationId ? ownDescription : null, handler, request }
            .Where(d => d is not null).Distinct());
        operation.Description = description.Length > 0 ? description : null;
    }

    private string? Doc(MethodInfo method)
    {
        var type = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericTypeDefinition() : method.DeclaringType;
        var prefix = $"M:{type.FullName!.Replace('+', '.')}.{method.Name}";
        var candidates = _xml.Value.Where(kv => kv.Key == prefix || kv.Key.StartsWith(prefix + "(", StringComparison.Ordinal)).ToList();
        return candidates.Count == 1 ? Text(candidates[0].Value) : null;
    }

    private string? Doc(Type type)
    {
        var t = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return _xml.Value.TryGetValue($"T:{t.FullName!.Replace('+', '.')}", out var e) ? Text(e) : null;
    }

    private static Dictionary<string, XElement> Load()
    {
        var file = Path.ChangeExtension(typeof(OperationDocs).Assembly.Location, ".xml");
        if (!File.Exists(file)) return [];
        return XDocument.Load(file).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .GroupBy(m => (string)m.Attribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().Element("summary")!);
    }

    /// <summary>The XML text in plain words: <c>code</c> in backticks, a cref by its last name, whitespace folded.</summary>
    private static string? Text(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
            XElement { Name.LocalName: "see" or "seealso" } s => s.Attribute("cref") is { } cref
                ? Regex.Replace(cref.Value[2..].Split('(')[0], @"`\d+", "").Split('.')[^1]
                : s.Attribute("langword")?.Value ?? s.Value,
            XElement { Name.LocalName: "paramref" or "typeparamref" } p => (string?)p.Attribute("name") ?? "",
            XElement e => e.Value,
            _ => "",
        }));
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Up to the first full stop that ends a sentence (not one inside a code or a number).</summary>
    private static string FirstSentence(string text)
    {
        var end = SentenceEnd().Match(text);
        var sentence = end.Success ? text[..(end.Index + 1)] : text;
        return sentence.Length <= 160 ? sentence.TrimEnd('.', ':') : sentence[..157].TrimEnd() + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<!\be\.g|\bi\.e)[.。](\s|$)")]
    private static partial Regex SentenceEnd();
}
