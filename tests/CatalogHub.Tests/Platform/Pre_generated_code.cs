using CatalogHub.Tests.Support;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// Wolverine's handler and endpoint classes are generated ahead of time into src/CatalogHub/Internal/Generated and loaded from the
/// application's assembly (TypeLoadMode.Static, Platform/Hosting.cs), so no compiler runs inside the service. This test fails when
/// a file drifts from what the code generates now (an endpoint with no class at all stops the host at start); `make codegen` rewrites them.
/// </summary>
public sealed class Pre_generated_code(AppFixture fixture) : IntegrationContext(fixture)
{
    private static string GeneratedDirectory => Path.Combine(RepositoryFolder.Root, "src/CatalogHub/Internal/Generated");

    [Fact]
    public void the_generated_handlers_in_the_repository_are_what_the_code_generates()
    {
        var expected = Generate();
        Assert.Contains("WolverineHandlers/POST_basis_check.cs", expected.Keys);
        Assert.Contains("WolverineHandlers/GeneratedHttpEndpointRegistry.cs", expected.Keys);
        var committed = Files(GeneratedDirectory);
        var stale = committed.Keys.Except(expected.Keys).Order().ToList();
        Assert.True(stale.Count == 0, $"Internal/Generated has files the code no longer generates: {string.Join(", ", stale)}; run `make codegen`.");
        foreach (var (file, content) in expected)
        {
            Assert.True(committed.TryGetValue(file, out var onDisk), $"Internal/Generated/{file} is missing: run `make codegen`.");
            Assert.True(content == onDisk, $"Internal/Generated/{file} differs from what the code generates: run `make codegen`.");
        }
    }

    /// <summary>What `make codegen` writes (JasperFx's same writer), into a scratch folder instead of the content root.</summary>
    private Dictionary<string, string> Generate()
    {
        var collections = Host.Services.GetServices<ICodeFileCollection>().ToArray();
        var scratch = Directory.CreateTempSubdirectory("cataloghub-codegen-");
        var outputs = collections.Select(c => c.Rules.GeneratedCodeOutputPath).ToArray();
        try
        {
            foreach (var c in collections) c.Rules.GeneratedCodeOutputPath = scratch.FullName;
            new DynamicCodeBuilder(Host.Services, collections) { ServiceVariableSource = Host.Services.GetService<IServiceVariableSource>() }
                .WriteGeneratedCode(_ => { });
            return Files(scratch.FullName);
        }
        finally
        {
            for (var i = 0; i < collections.Length; i++) collections[i].Rules.GeneratedCodeOutputPath = outputs[i];
            scratch.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Files(string root) => Directory.Exists(root)
        ? Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText)
        : [];
}
