using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten.Services.Json.Transformations;

namespace CatalogHub.Publication.Lists;

/// <summary>
/// The JSON shape a list's events had before the list moved onto the registry, read on every read of its events: an event
/// carrying any of the top-level members in <paramref name="Marks"/> (names the shared events do not use) is upgraded in place
/// by <paramref name="Upgrade"/> before it is deserialized; any other is deserialized as it is.
/// </summary>
/// <remarks>
/// Recognising the older shape first matters for time, not for the result: the upgrade goes through a mutable JSON tree, which
/// cost a rebuild of the base catalogue's snapshots a third of its time when every event took it (docs/benchmarks.md, (f)).
/// </remarks>
public sealed record OldEventShape(IReadOnlyList<string> Marks, Action<JsonObject> Upgrade)
{
    /// <summary>An older shape whose top-level members differ from the shared events' only by name; each old name marks it.</summary>
    public static OldEventShape Renaming(params (string Old, string Now)[] names) =>
        new([.. names.Select(n => n.Old)], e => RenameMembers(e, names));

    /// <summary>Renames the top-level members an older event named otherwise.</summary>
    public static void RenameMembers(JsonObject e, params (string Old, string Now)[] names)
    {
        foreach (var (old, now) in names)
            if (e.Remove(old, out var value)) e[now] = value;
    }

    /// <summary>
    /// Marten's upcaster for an event type stored under a name both shapes share. It reads the row's JSON into a buffer of its
    /// own: Marten's <c>JsonDocument</c> upcast parses over a pooled buffer it has returned before the upcast reads the document.
    /// The column is read synchronously on both paths: Marten reads event rows whole, so it is in Npgsql's buffer already.
    /// </summary>
    public JsonTransformation Upcaster<TEvent>() where TEvent : notnull => new(
        (_, reader, index) => Read<TEvent>(reader.GetFieldValue<Stream>(index)),
        async (_, reader, index, ct) => Read<TEvent>(await reader.GetFieldValueAsync<Stream>(index, ct)));

    private TEvent Read<TEvent>(Stream column)
    {
        using (column)
        {
            var length = (int)column.Length;
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                column.ReadExactly(buffer, 0, length);
                return Read<TEvent>(Json(buffer, length));
            }
            finally { ArrayPool<byte>.Shared.Return(buffer); }
        }
    }

    /// <summary>The row's JSON without the version byte (1) that PostgreSQL's binary jsonb format puts before the text.</summary>
    private static ReadOnlyMemory<byte> Json(byte[] row, int length) =>
        length > 0 && row[0] == 1 ? row.AsMemory(1, length - 1) : row.AsMemory(0, length);

    /// <summary>The event a stored row holds, upgraded when it is in this older shape.</summary>
    public TEvent Read<TEvent>(ReadOnlyMemory<byte> stored)
    {
        if (!HasMark(stored.Span)) return JsonSerializer.Deserialize<TEvent>(stored.Span, PublicationChange.Json)!;
        var json = JsonNode.Parse(stored.Span)!.AsObject();
        Upgrade(json);
        return json.Deserialize<TEvent>(PublicationChange.Json)!;
    }

    private bool HasMark(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            foreach (var mark in Marks)
                if (reader.ValueTextEquals(mark)) return true;
            reader.Read();
            reader.Skip();
        }
        return false;
    }
}
