namespace CatalogHub.Platform;

/// <summary>
/// Collects every input error of a request before anything is written, so a client sees all of them
/// at once and a rejected request never leaves a partial write behind.
/// </summary>
public sealed class Validation
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;
    public bool Failed => _errors.Count > 0;

    public Validation Add(FieldPath field, string code, string message)
    {
        _errors.Add(new FieldError(field.ToString(), code, message));
        return this;
    }

    public bool Check(bool ok, FieldPath field, string code, string message)
    {
        if (!ok) Add(field, code, message);
        return ok;
    }

    /// <summary>Requires non-blank text of at most <paramref name="max"/> characters.</summary>
    public bool Text(FieldPath field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
            return !required || Check(false, field, "required", "is required.");
        // The message is written only for a refusal: a request that passes allocates nothing here.
        return value.Length <= max || Check(false, field, "too-long", $"must be at most {max} characters.");
    }

    public bool List<T>(string field, IReadOnlyCollection<T>? value, int max, bool required = true)
    {
        if (value is null || value.Count == 0)
            return !required || Check(false, field, "required", "needs at least one element.");
        return Check(value.Count <= max, field, "too-many", $"must have at most {max} elements.");
    }

    public IResult Problem() => Problems.Invalid(_errors);
}

/// <summary>
/// A field's path in a request (<c>fees</c>, <c>materials[1]</c>, <c>materials[1].name</c>), written out only when an error names
/// it: a request checked element by element (the basis check's, on every call) builds no path strings when it passes.
/// </summary>
public readonly struct FieldPath(string name, int index = -1, string? member = null)
{
    public static implicit operator FieldPath(string name) => new(name);

    /// <summary>The element at <paramref name="i"/> of the list named by this path.</summary>
    public static FieldPath Element(string list, int i) => new(list, i);

    public FieldPath Member(string m) => new(name, index, m);

    public override string ToString() => index < 0 ? name : member is null ? $"{name}[{index}]" : $"{name}[{index}].{member}";
}
