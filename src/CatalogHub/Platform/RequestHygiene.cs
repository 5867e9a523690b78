using System.Reflection;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CatalogHub.Platform;

/// <summary>
/// Refuses a malformed request before any endpoint runs, the same way for every operation, from what the operation
/// declares in the API description (ApiExplorer: its query parameters with their types, and its body type):
/// control characters in the path or the query (PostgreSQL refuses NUL in text, and no name or code holds one);
/// query parameters the operation does not declare, named in another case or given twice (a misspelt <c>asof</c>
/// would otherwise be ignored and silently answer for "now"), or that do not parse as their declared type (a
/// <c>limit=abc</c> would otherwise fall back to the default); a body that is not <c>application/json</c> (415),
/// too large (413), empty, not JSON, not a JSON object (<c>null</c>, <c>[]</c>, <c>"x"</c>, <c>42</c>), holding control
/// characters, or not of the operation's shape under the API's strict <see cref="ApiJson"/> settings. Each refusal is
/// a problem with a stable code (<see cref="ProblemCodes"/>) and the field at fault, and nothing has run, so nothing is
/// written. The body is read here once, bounded, and handed on as a buffer.
/// </summary>
public sealed class RequestHygiene(RequestDelegate next, IApiDescriptionGroupCollectionProvider descriptions, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    /// <summary>The largest body any operation takes; Kestrel enforces the same limit on the wire.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private sealed record Declared(FrozenDictionary<string, Type> Query, Type? Body);

    private FrozenDictionary<object, Declared>? _declared;

    /// <summary>
    /// What identifies an operation in both its endpoint's and its API description's metadata: Wolverine's
    /// <see cref="HttpChain"/>, or for a minimal-API endpoint (the lists' shared lifecycle) its handler method.
    /// </summary>
    private static object? OperationOf(IEnumerable<object> metadata) =>
        metadata.OfType<HttpChain>().FirstOrDefault() ?? (object?)metadata.OfType<MethodInfo>().FirstOrDefault();

    /// <summary>Built on first use, once every endpoint is mapped; two first requests racing build it twice, harmlessly.</summary>
    private FrozenDictionary<object, Declared> DeclaredByOperation() => _declared ??= descriptions.ApiDescriptionGroups.Items
        .SelectMany(g => g.Items)
        .Select(api => (Operation: OperationOf(api.ActionDescriptor.EndpointMetadata), Api: api))
        .Where(x => x.Operation is not null)
        .DistinctBy(x => x.Operation)
        .ToFrozenDictionary(x => x.Operation!, x => new Declared(
            x.Api.ParameterDescriptions.Where(p => p.Source == BindingSource.Query).ToFrozenDictionary(p => p.Name, p => p.Type ?? typeof(string)),
            x.Api.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type));

    public async Task InvokeAsync(HttpContext http)
    {
        var declared = http.GetEndpoint()?.Metadata is { } metadata && OperationOf(metadata) is { } operation
            ? DeclaredByOperation().GetValueOrDefault(operation) : null;
        var refusal = PathRefusal(http) ?? QueryRefusal(http, declared?.Query)
            ?? (declared?.Body is { } body ? await BodyRefusal(http, body) : null);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private static bool HasControl(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (char.IsControl(c)) return true;
        return false;
    }

    private static IResult ControlCharacter(string field) =>
        Problems.Invalid([new FieldError(field, ProblemCodes.ControlCharacter, "must not contain control characters (NUL, line breaks, …) in a URL.")]);

    private static IResult? PathRefusal(HttpContext http)
    {
        if (!HasControl(http.Request.Path.Value)) return null;
        var field = http.Request.RouteValues.FirstOrDefault(v => v.Value is string s && HasControl(s)).Key;
        return ControlCharacter(field ?? "path");
    }

    private static IResult? QueryRefusal(HttpContext http, FrozenDictionary<string, Type>? declared)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in new QueryStringEnumerable(http.Request.QueryString.Value))
        {
            var name = pair.DecodeName().ToString();
            var value = pair.DecodeValue().ToString();
            if (HasControl(name) || HasControl(value)) return ControlCharacter(name);
            if (declared is null) continue;
            if (!declared.TryGetValue(name, out var type))
            {
                var meant = declared.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                return Problems.Invalid([new FieldError(name, ProblemCodes.UnknownParameter, meant is not null
                    ? $"is not a parameter of this operation; names are case-sensitive: did you mean '{meant}'?"
                    : $"is not a parameter of this operation{(declared.Count == 0 ? "" : $"; it takes {string.Join(", ", declared.Keys.Order())}")}.")]);
            }
            if (!seen.Add(name))
                return Problems.Invalid([new FieldError(name, ProblemCodes.RepeatedParameter, "is given more than once.")]);
            if (TypeError(type, value) is { } error)
                return Problems.Invalid([new FieldError(name, ProblemCodes.InvalidParameter, error)]);
        }
        return null;
    }

    /// <summary>Why a query value does not parse as its declared type (an empty value counts as absent).</summary>
    private static string? TypeError(Type declared, string value)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (value.Length == 0 || type == typeof(string)) return null;
        if (type == typeof(int))
            return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : "must be a whole number (32-bit).";
        if (type == typeof(long))
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : "must be a whole number (64-bit).";
        if (type == typeof(Guid)) return Guid.TryParse(value, out _) ? null : "must be a UUID.";
        if (type == typeof(bool)) return bool.TryParse(value, out _) ? null : "must be true or false.";
        return null;
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Value?.StartsWith("application/", StringComparison.OrdinalIgnoreCase) == true
                && media.MediaType.Value.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private async Task<IResult?> BodyRefusal(HttpContext http, Type type)
    {
        var request = http.Request;
        if (!IsJson(request.ContentType))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType,
                "This operation takes a JSON body.", "Send Content-Type: application/json (UTF-8).", "Content-Type");
        var limit = LimitOf(http);
        if (await ReadBounded(request, limit) is not { } bytes)
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, ProblemCodes.BodyTooLarge, "The request body is too large.",
                $"A body may have at most {limit} bytes.");
        request.Body = new MemoryStream(bytes, writable: false);

        if (bytes.Length == 0)
            return Problems.Of(StatusCodes.Status400BadRequest, ProblemCodes.BodyRequired, "This operation takes a JSON object as its body.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return Malformed(ProblemCodes.MalformedJson, e, "The request body is not valid JSON.");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Problems.Of(StatusCodes.Status400BadRequest, ProblemCodes.BodyNotAnObject, "This operation takes a JSON object as its body.",
                    $"The body is {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            if (UnstorableText(document.RootElement, "") is { } error) return Problems.Invalid([error]);
        }
        try
        {
            http.Features.Set(new CheckedBody(JsonSerializer.Deserialize(bytes, type, json.Value.SerializerOptions)));
        }
        catch (JsonException e)
        {
            return Malformed(e is ApiJson.FieldException f ? f.Code : ProblemCodes.MalformedJson, e,
                "The request body is not valid JSON for this operation.");
        }
        return null;
    }

    /// <summary>The body as read above, under the API's settings, for the endpoint's binding to take instead of reading it again.</summary>
    private sealed record CheckedBody(object? Value);

    /// <summary>
    /// Has each Wolverine endpoint with a JSON body bind the body this middleware already read (issue 14: the basis check's
    /// body was deserialized twice, once here to refuse it with a problem, once by Wolverine's binding, 6.5% of its CPU).
    /// Wolverine reads a body with the chain's serializer options; those become the API's with one converter, for the chain's
    /// body type only, that hands over what this middleware read. The same bytes under the same settings give the same value.
    /// </summary>
    public static void BindCheckedBodies(WolverineHttpOptions wolverine, JsonSerializerOptions api) =>
        wolverine.ConfigureEndpoints(chain =>
        {
            if (chain.RequestType is not { } body || body == typeof(void) || chain.HttpMethods.Contains("GET")) return;
            var options = new JsonSerializerOptions(api);
            options.Converters.Insert(0, (System.Text.Json.Serialization.JsonConverter)Activator.CreateInstance(
                typeof(CheckedBodyConverter<>).MakeGenericType(body), api)!);
            chain.JsonSerializerOptions = options;
        });

    /// <summary>
    /// Reads the body type from what <see cref="RequestHygiene"/> read, skipping the JSON; without it (a request this middleware
    /// did not see) reads it as the API's settings do. Writes it as they do. Only the endpoint's binding reads with this converter,
    /// and only at the body's root: what it reads inside goes through the API's settings, without it.
    /// </summary>
    private sealed class CheckedBodyConverter<T>(JsonSerializerOptions api) : System.Text.Json.Serialization.JsonConverter<T>
    {
        private readonly IHttpContextAccessor _http = new HttpContextAccessor();

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (_http.HttpContext?.Features.Get<CheckedBody>()?.Value is T read)
            {
                // The serializer hands a converter its whole value (Skip would refuse a reader over a stream's partial buffer).
                reader.TrySkip();
                return read;
            }
            return JsonSerializer.Deserialize<T>(ref reader, api);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value, api);
    }

    /// <summary>
    /// <see cref="MaxBodyBytes"/>, or the larger limit an operation declares (<see cref="RequestBodyLimit"/>: a bulk publication);
    /// the server's own limit is raised to it for this request, before the body is read.
    /// </summary>
    private static long LimitOf(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            is not { } declared) return MaxBodyBytes;
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
            server.MaxRequestBodySize = declared;
        return declared;
    }

    /// <summary>The whole body, or null once it exceeds <paramref name="limit"/>.</summary>
    /// <remarks>
    /// Read through a pooled chunk into a buffer sized by the Content-Length: the basis check's hot path allocated a fresh 16 KB
    /// chunk per request here, a quarter of all it allocated (dotnet-trace, issue 14). The Content-Length only sizes the buffer:
    /// the body is read to its end whatever it says (a test host does not hold a body to its header).
    /// </remarks>
    private static async Task<byte[]?> ReadBounded(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit) return null;
        // Sized by what the header claims only up to 64 KB: a header claiming a megabyte ahead of a body that never comes would
        // otherwise hold a megabyte per connection.
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, 64 * 1024));
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private static IResult Malformed(string code, JsonException e, string title)
    {
        var field = ProblemCodes.FieldOf(e);
        var detail = e.Message;
        var cut = detail.IndexOf(" Path: ", StringComparison.Ordinal) is var i and >= 0 ? i : detail.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        if (cut >= 0) detail = detail[..cut];
        var problem = Problems.Details(StatusCodes.Status400BadRequest, code, title, detail, field,
            field is null ? null : [new FieldError(field, code, detail)]);
        return Problems.Result(problem);
    }

    /// <summary>
    /// The first string or property name, as a field path like <c>content.materials[2].name</c>, that holds a control
    /// character other than tab and line breaks (which free text may hold), or that is not valid Unicode (an unpaired
    /// surrogate escape, which no store or client can hold). The path is put together on the way back from a finding,
    /// so a clean body, every body on the hot path, allocates no path strings.
    /// </summary>
    private static FieldError? UnstorableText(JsonElement element, string at) =>
        UnstorableIn(element) is { } error ? error with { Field = Join(at, error.Field) } : null;

    private static FieldError? UnstorableIn(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    if (((MayBeUnstorable(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property)) ? UnstorableText(property.Name) : null)
                            ?? UnstorableIn(property.Value)) is { } error)
                        return error with { Field = Join(property.Name, error.Field) };
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (UnstorableIn(item) is { } error) return error with { Field = Join($"[{index}]", error.Field) };
                    index++;
                }
                return null;
            case JsonValueKind.String when !MayBeUnstorable(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element)):
                return null;
            case JsonValueKind.String:
                try
                {
                    return UnstorableText(element.GetString());
                }
                catch (InvalidOperationException)
                {
                    return new FieldError("", ProblemCodes.InvalidUnicode, "is not valid Unicode text (an unpaired surrogate).");
                }
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether raw JSON text may hold what <see cref="UnstorableText(string?)"/> refuses; when not, the text is not even decoded (no
    /// string allocated per property and value of every clean body). The parser lets no raw C0 control through, so in valid UTF-8
    /// what is refused can only arrive escaped (<c>\u0000</c>, an unpaired <c>\ud800</c>), as DEL (0x7F), or as a C1 control
    /// (U+0080-U+009F, encoded 0xC2 0x80-0x9F); text that is not valid UTF-8 is decoded, as before, to be refused.
    /// </summary>
    private static bool MayBeUnstorable(ReadOnlySpan<byte> raw) =>
        raw.IndexOfAny((byte)'\\', (byte)0x7F, (byte)0xC2) >= 0 || !System.Text.Unicode.Utf8.IsValid(raw);

    /// <summary><paramref name="outer"/> then <paramref name="inner"/> (a property path, an index, or nothing).</summary>
    private static string Join(string outer, string inner) =>
        inner.Length == 0 ? outer : outer.Length == 0 ? inner : inner[0] == '[' ? outer + inner : $"{outer}.{inner}";

    private static FieldError? UnstorableText(string? text)
    {
        foreach (var c in text ?? "")
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return new FieldError("", ProblemCodes.ControlCharacter, "must not contain control characters other than tabs and line breaks.");
        return null;
    }
}

/// <summary>An operation's own body limit, above <see cref="RequestHygiene.MaxBodyBytes"/> (endpoint metadata, read by <see cref="RequestHygiene"/>).</summary>
public sealed record RequestBodyLimit(long? MaxRequestBodySize) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata;
