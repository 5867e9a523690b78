using CatalogHub.Publication.Lists;
using CatalogHub.Audit.Log;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CatalogHub.Tests.Sharing.Offline_verification;

namespace CatalogHub.Tests.Audit.Log;

/// <summary>Runs the log's blocks of docs/verify-offline.md as written, on files saved from the public endpoints.</summary>
public sealed class Offline_checkpoint(AppFixture fixture) : CatalogueContext(fixture)
{
    private async Task<string> SavedFiles()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        await Host.Services.GetRequiredService<LogAppender>().CatchUp(CancellationToken.None);
        await Host.Services.GetRequiredService<CheckpointSigner>().Sign(CancellationToken.None);
        var sequence = Read<ItemHistory>(await Get($"/catalogue/entries/{entry.Id}/history", Market.Key)).Events[^1].Sequence;

        var directory = Directory.CreateTempSubdirectory("cataloghub-log-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "keys.txt"), (await Get("/log/keys")).ReadAsText());
        await File.WriteAllTextAsync(Path.Combine(directory, "checkpoint.txt"), (await Get("/log/checkpoint")).ReadAsText());
        await File.WriteAllTextAsync(Path.Combine(directory, "proof.json"), (await Get($"/log/inclusion?seq={sequence}")).ReadAsText());
        return directory;
    }

    private static void ChangeTheSize(string directory)
    {
        var path = Path.Combine(directory, "checkpoint.txt");
        var lines = File.ReadAllText(path).Split('\n');
        lines[1] = (long.Parse(lines[1]) + 1).ToString();
        File.WriteAllText(path, string.Join('\n', lines));
    }

    [SkippableFact]
    public async Task the_checkpoint_s_ed25519_signature_verifies_with_the_documented_openssl_commands_and_not_once_changed()
    {
        Skip.IfNot(Has("openssl") && Run("openssl version", Path.GetTempPath()).Output.StartsWith("OpenSSL 3", StringComparison.Ordinal),
            "OpenSSL 3 is not installed on this machine: the Ed25519 commands of docs/verify-offline.md were not run.");
        var directory = await SavedFiles();
        var (exit, output) = Run(Block("verify-checkpoint"), directory);
        Assert.True(exit == 0, output);
        Assert.Contains("Signature Verified Successfully", output);

        ChangeTheSize(directory);
        Assert.NotEqual(0, Run(Block("verify-checkpoint"), directory).Exit);
    }

    [Fact]
    public async Task the_documented_cli_commands_verify_the_checkpoint_and_the_proof_and_fail_once_it_is_changed()
    {
        var directory = await SavedFiles();
        // The CLI under the name the doc uses: the build this test project references.
        var script = $"cataloghub-audit() {{ dotnet '{Path.Combine(AppContext.BaseDirectory, "cataloghub-audit.dll")}' \"$@\"; }}\n{Block("verify-cli")}";

        var (exit, output) = Run(script, directory);
        Assert.True(exit == 0, output);
        Assert.Contains("\"verified\": true", output);

        ChangeTheSize(directory);
        Assert.Equal(1, Run(script, directory).Exit);
    }
}
