namespace CatalogHub.Tests.Support;

/// <summary>A temporary folder for the files a test hands to the auditor's CLI, removed with the test.</summary>
public sealed class ScratchFolder(string prefix) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory(prefix);

    public string PathOf(string name) => Path.Combine(_dir.FullName, name);

    public void Dispose() => _dir.Delete(recursive: true);
}
