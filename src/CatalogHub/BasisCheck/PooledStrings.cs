using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using CatalogHub.Publication;

namespace CatalogHub.BasisCheck;

/// <summary>
/// Reads the published content the index keeps with one string instance per distinct short text. The index holds every
/// published version of the implementation lists and the registered lists for as long as the node runs, and those versions
/// repeat the same material names, licence type codes, legal bases and process steps: on the benchmark's store, 24,000
/// implementation-list versions read as about 800,000 strings of a few thousand distinct texts (issue 14's memory target).
/// A text longer than <see cref="MaxPooledLength"/> is rarely repeated word for word, so it is read as usual.
/// </summary>
public sealed class PooledStrings : JsonConverter<string>
{
    public const int MaxPooledLength = 128;

    /// <summary>The index's one pool: the texts it reads (<see cref="Json"/>) and the names every change repeats (<see cref="Held"/>).</summary>
    public static readonly PooledStrings Pool = new();

    /// <summary>The options the index reads published versions with: the change log's, with the strings pooled.</summary>
    public static readonly JsonSerializerOptions Json = new(PublicationChange.Json) { Converters = { Pool } };

    private PooledStrings()
    {
    }

    // Never emptied: it holds only texts of published versions, which the index keeps anyway.
    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);

    /// <summary>The pool's instance of <paramref name="text"/> (a list name, a region code, read apart from any content).</summary>
    public string Held(string text) => text.Length > MaxPooledLength ? text : _pool.GetOrAdd(text, static t => t);

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A character takes at most three bytes, so a text of more than three bytes per pooled character is too long, whatever its characters.
        var bytes = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (bytes > MaxPooledLength * 3) return reader.GetString();
        Span<char> chars = stackalloc char[(int)bytes];
        var text = chars[..reader.CopyString(chars)];
        if (text.Length > MaxPooledLength) return new string(text);
        return _pool.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var held) ? held : _pool.GetOrAdd(new string(text), static t => t);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
