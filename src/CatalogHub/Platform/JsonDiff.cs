using System.Text.Json;

namespace CatalogHub.Platform;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DiffKind>))]
public enum DiffKind
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("added")] Added,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("removed")] Removed,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("changed")] Changed,
}

/// <summary>
/// One difference: where (a JSON Pointer, RFC 6901, into <c>content</c>; "" is the whole content), what kind, the value before
/// and after (a filing: the city's and the county's; a record diff: as known then and as known now).
/// </summary>
public sealed record FieldChange(string Path, DiffKind Kind, JsonElement? Old, JsonElement? New);

/// <summary>
/// A small structural diff of two JSON values, generic over every list's content. Objects are compared member by member;
/// arrays element by element at the same index (an element inserted at the front shows as every later element changed,
/// plus one added at the end); anything else by its JSON text. Null and a missing member are the same.
/// </summary>
public static class JsonDiff
{
    public static IReadOnlyList<FieldChange> Of(JsonElement? before, JsonElement? after)
    {
        var changes = new List<FieldChange>();
        Compare("", Present(before), Present(after), changes);
        return changes;
    }

    private static JsonElement? Present(JsonElement? e) => e is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } v ? v : null;

    private static void Compare(string path, JsonElement? old, JsonElement? @new, List<FieldChange> changes)
    {
        switch (old, @new)
        {
            case (null, null):
                return;
            case (null, { } added):
                changes.Add(new(path, DiffKind.Added, null, added.Clone()));
                return;
            case ({ } removed, null):
                changes.Add(new(path, DiffKind.Removed, removed.Clone(), null));
                return;
            case ({ ValueKind: JsonValueKind.Object } o, { ValueKind: JsonValueKind.Object } n):
                var names = o.EnumerateObject().Select(p => p.Name).Union(n.EnumerateObject().Select(p => p.Name));
                foreach (var name in names)
                    Compare($"{path}/{Escape(name)}", Member(o, name), Member(n, name), changes);
                return;
            case ({ ValueKind: JsonValueKind.Array } o, { ValueKind: JsonValueKind.Array } n):
                for (var i = 0; i < Math.Max(o.GetArrayLength(), n.GetArrayLength()); i++)
                    Compare($"{path}/{i}", i < o.GetArrayLength() ? Present(o[i]) : null, i < n.GetArrayLength() ? Present(n[i]) : null, changes);
                return;
            case ({ } o, { } n):
                if (!JsonElement.DeepEquals(o, n)) changes.Add(new(path, DiffKind.Changed, o.Clone(), n.Clone()));
                return;
        }
    }

    private static JsonElement? Member(JsonElement o, string name) => o.TryGetProperty(name, out var v) ? Present(v) : null;

    private static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");
}
