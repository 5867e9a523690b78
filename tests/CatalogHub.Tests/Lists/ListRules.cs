using CatalogHub.Platform;

namespace CatalogHub.Tests.Lists;

/// <summary>A list's pure rules, called as the lifecycle calls them: the shape of a draft (400), then the refusals at publication (422).</summary>
public sealed class ListRules<TContent>(Action<Validation, TContent?> check, Func<TContent, IReadOnlyList<FieldError>> refusalsToPublish)
    where TContent : class
{
    public (string Field, string Code)[] Shape(TContent? content)
    {
        var v = new Validation();
        check(v, content);
        return [.. v.Errors.Select(e => (e.Field, e.Code))];
    }

    public (string Field, string Code)[] Refusals(TContent content) => [.. refusalsToPublish(content).Select(e => (e.Field, e.Code))];

    public void Publishable(TContent content)
    {
        Assert.Empty(Shape(content));
        Assert.Empty(Refusals(content));
    }

    /// <summary>Well formed (no 400), and refused at publication with exactly <paramref name="expected"/>.</summary>
    public void Refused(TContent content, (string Field, string Code)[] expected)
    {
        Assert.Empty(Shape(content));
        Assert.Equal(expected, Refusals(content));
    }
}
