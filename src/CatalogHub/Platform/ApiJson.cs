using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace CatalogHub.Platform;

/// <summary>The API's JSON settings, shared by the endpoints and by the few places that write JSON by hand.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        // Chinese text is written as is, not as \uXXXX escapes; HTML-sensitive characters stay escaped.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        // Unknown properties are refused rather than ignored: a misspelt field must not silently drop data.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new UtcInstantConverter());
    }

    /// <summary>
    /// Every instant that enters the API is held in UTC: PostgreSQL's timestamptz columns take UTC only (Npgsql
    /// refuses other offsets), and one representation keeps comparisons and citations unambiguous.
    /// </summary>
    private sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Configure(options);
        options.MakeReadOnly();
        return options;
    }
}
