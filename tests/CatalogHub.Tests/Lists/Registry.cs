using CatalogHub.Publication.Lists;

namespace CatalogHub.Tests.Lists;

/// <summary>What every registration must hold, checked for each list in the registry: a new list is covered as soon as it registers.</summary>
public sealed class Registry
{
    public static TheoryData<string> Lists => [.. ListRegistry.All.Select(l => l.Name)];

    [Theory, MemberData(nameof(Lists))]
    public void the_example_of_every_list_is_a_valid_draft_and_publishable(string name)
    {
        var (shape, refusals) = ListRegistry.Find(name)!.JudgeExample();
        Assert.Empty(shape);
        Assert.Empty(refusals);
    }

    [Fact]
    public void names_storage_names_nouns_and_content_types_are_unique()
    {
        Assert.Equal(ListRegistry.All.Count, ListRegistry.All.Select(l => l.Name).Distinct().Count());
        Assert.Equal(ListRegistry.All.Count, ListRegistry.All.Select(l => l.StorageName).Distinct().Count());
        Assert.Equal(ListRegistry.All.Count, ListRegistry.All.Select(l => l.Noun).Distinct().Count());
        Assert.Equal(ListRegistry.All.Count, ListRegistry.All.Select(l => l.ContentType).Distinct().Count());
    }
}
