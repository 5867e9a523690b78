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

    public Validation Add(string field, string code, string message)
    {
        _errors.Add(new FieldError(field, code, message));
        return this;
    }

    public bool Check(bool ok, string field, string code, string message)
    {
        if (!ok) Add(field, code, message);
        return ok;
    }

    /// <summary>Requires non-blank text of at most <paramref name="max"/> characters.</summary>
    public bool Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
            return !required || Check(false, field, "required", "is required.");
        return Check(value.Length <= max, field, "too-long", $"must be at most {max} characters.");
    }

    public bool List<T>(string field, IReadOnlyCollection<T>? value, int max, bool required = true)
    {
        if (value is null || value.Count == 0)
            return !required || Check(false, field, "required", "needs at least one element.");
        return Check(value.Count <= max, field, "too-many", $"must have at most {max} elements.");
    }

    public IResult Problem() => Problems.Invalid(_errors);
}
