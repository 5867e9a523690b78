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
    private async Task<(string Directory, Guid Entry)> SavedFiles()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        await Host.Services.GetRequiredService<LogAppender>().CatchUp(CancellationToken.None);
        await Host.Services.GetRequiredService<CheckpointSigner>().Sign(CancellationToken.None);
        var sequence = Read<ItemHistory>(await Get($"/catalogue/entries/{entry.Id}/history", Market.Key)).Events[^1].Sequence;

        var directory = Directory.CreateTempSubdirectory("cataloghub-log-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "keys.txt"), (await Get("/log/keys")).ReadAsText());
        await File.WriteAllTextAsync(Path.Combine(directory, "checkpoint.txt"), (await Get("/log/checkpoint")).ReadAsText());
        await File.WriteAllTextAsync(Path.Combine(directory, "proof.json"), (await Get($"/log/inclusion?seq={sequence}")).ReadAsText());
        return (directory, entry.Id);
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
        var (directory, _) = await SavedFiles();
        var (exit, output) = Run(Block("verify-checkpoint"), directory);
        Assert.True(exit == 0, output);
        Assert.Contains("Signature Verified Successfully", output);

        ChangeTheSize(directory);
        Assert.NotEqual(0, Run(Block("verify-checkpoint"), directory).Exit);
    }

    [Fact]
    public async Task the_documented_cli_commands_verify_the_checkpoint_and_the_proof_and_fail_once_it_is_changed()
    {
        var (directory, _) = await SavedFiles();
        // The CLI under the name the doc uses: the build this test project references.
        var script = $"cataloghub-audit() {{ dotnet '{Path.Combine(AppContext.BaseDirectory, "cataloghub-audit.dll")}' \"$@\"; }}\n{Block("verify-cli")}";

        var (exit, output) = Run(script, directory);
        Assert.True(exit == 0, output);
        Assert.Contains("\"verified\": true", output);

        ChangeTheSize(directory);
        Assert.Equal(1, Run(script, directory).Exit);
    }

    [Fact]
    public async Task the_documented_export_answer_and_store_commands_verify_and_fail_once_a_byte_of_the_export_is_changed()
    {
        var (directory, entry) = await SavedFiles();
        Clock.Advance(TimeSpan.FromMinutes(2));
        await File.WriteAllTextAsync(Path.Combine(directory, "answer.json"), (await Get($"/catalogue/entries/{entry}?inclusionProofs=true")).ReadAsText());
        var auditor = await Register(TestDepartments.Audit);

        // The export block needs a hub to talk to: its command runs in-process against this test's, as written but for
        // the two variables and the output file's directory; the key comes from the environment, as the doc says.
        var words = Block("export").Trim().Split(' ')
            .Select(w => w.Replace("\"$API\"", "http://localhost").Replace("\"$ENTRY\"", entry.ToString()))
            .Select(w => w.EndsWith(".ndjson", StringComparison.Ordinal) ? Path.Combine(directory, w) : w).ToArray();
        Assert.Equal("cataloghub-audit", words[0]);
        Environment.SetEnvironmentVariable(CatalogHub.AuditCli.AuditCommands.ApiKeySetting, auditor.Key);
        try
        {
            var (exported, result, stderr) = AuditCli.Run(Host.Server.CreateHandler(), words[1..]);
            Assert.True(exported == 0, $"{result}\n{stderr}");
        }
        finally
        {
            Environment.SetEnvironmentVariable(CatalogHub.AuditCli.AuditCommands.ApiKeySetting, null);
        }

        var cli = $"cataloghub-audit() {{ dotnet '{Path.Combine(AppContext.BaseDirectory, "cataloghub-audit.dll")}' \"$@\"; }}\n";
        foreach (var block in new[] { "verify-export", "verify-answer", "verify-store" })
        {
            var (exit, output) = Run(cli + Block(block), directory);
            Assert.True(exit == 0, $"{block}: {output}");
            Assert.Contains("\"verified\": true", output);
        }

        var path = Path.Combine(directory, "entry.ndjson");
        var lines = File.ReadAllLines(path);
        var changed = Array.FindIndex(lines, 1, l => l.Contains("许昌", StringComparison.Ordinal));
        lines[changed] = lines[changed].Replace("许昌", "禹州");
        File.WriteAllLines(path, lines);
        var (failed, said) = Run(cli + Block("verify-export"), directory);
        Assert.Equal(1, failed);
        Assert.Contains($"\"line\": {changed + 1}", said);
    }
}
