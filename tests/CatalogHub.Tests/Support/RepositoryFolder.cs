namespace CatalogHub.Tests.Support;

/// <summary>
/// The repository's root, found from the test binaries: tests that read schemas/ or run scripts/ must work from any
/// clone and any working directory (CI runs them from a fresh clone, a developer from the IDE).
/// </summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CatalogHub.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CatalogHub.sln not found above the test binaries");
    }
}
