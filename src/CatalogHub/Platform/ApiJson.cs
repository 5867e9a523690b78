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
        // A property given twice is refused rather than "last one wins".
        options.AllowDuplicateProperties = false;
        // JsonSerializerDefaults.Web reads numbers from strings ("statutoryLimitDays": "30"); a wrong type is refused instead.
        options.NumberHandling = JsonNumberHandling.Strict;
        // Enums by name only: a number would bind to an undefined member. Converters in this list take precedence
        // over the [JsonConverter] on the enum types, and still honour their [JsonStringEnumMemberName]s.
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new InstantConverter(dayAllowed: false));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(DaysWhereADayMakesSense);
    }

    /// <summary>Instants named <c>asOf</c> or <c>effectiveAt</c> also take a date alone, as the start of that day (see <see cref="Instants"/>).</summary>
    private static void DaysWhereADayMakesSense(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
        {
            if (!Instants.DayMeansStartOfDay(property.Name)) continue;
            if (property.PropertyType == typeof(DateTimeOffset)) property.CustomConverter = DayOrInstant;
            else if (property.PropertyType == typeof(DateTimeOffset?)) property.CustomConverter = NullableDayOrInstant;
        }
    }

    private static readonly InstantConverter DayOrInstant = new(dayAllowed: true);
    private static readonly NullableInstantConverter NullableDayOrInstant = new(DayOrInstant);

    /// <summary>
    /// A JSON error with its own stable problem code. The serializer fills in <see cref="JsonException.Path"/> as it
    /// rethrows, which names the field at fault.
    /// </summary>
    public sealed class FieldException(string code, string message) : JsonException(message)
    {
        public string Code { get; } = code;
    }

    /// <summary>Reads an instant by <see cref="Instants.Read"/>, held in UTC; writes it as is.</summary>
    private sealed class InstantConverter(bool dayAllowed) : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // Without a message the serializer writes its own, naming the expected type and the path.
            if (reader.TokenType != JsonTokenType.String) throw new JsonException();
            var form = Instants.Read(reader.GetString()!, out var instant);
            if (form == Instants.Form.Instant || (form == Instants.Form.Day && dayAllowed)) return instant;
            var error = form == Instants.Form.Day ? Instants.DateWithoutTime("") : Instants.Invalid("");
            throw new FieldException(error.Code, error.Message);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }

    private sealed class NullableInstantConverter(InstantConverter inner) : JsonConverter<DateTimeOffset?>
    {
        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : inner.Read(ref reader, typeof(DateTimeOffset), options);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is { } v) inner.Write(writer, v, options);
            else writer.WriteNullValue();
        }
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
