using System.Diagnostics;
using System.Text.RegularExpressions;
using CatalogHub.Tests.Documents;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Sharing;

/// <summary>Runs the very commands of docs/verify-offline.md on packages of licences signed here with fresh keys.</summary>
public sealed partial class Offline_verification(AppFixture fixture) : SharingContext(fixture)
{
    [GeneratedRegex(@"```sh (?<name>[a-z][a-z0-9-]*)\n(?<script>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Blocks();

    internal static string Block(string name)
    {
        var doc = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Published_documents.SchemasDirectory)!, "docs", "verify-offline.md"));
        return Blocks().Matches(doc).Single(m => m.Groups["name"].Value == name).Groups["script"].Value;
    }

    internal static (int Exit, string Output) Run(string script, string directory)
    {
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script])
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    internal static bool Has(string tool) => Run($"command -v {tool}", Path.GetTempPath()).Exit == 0;

    private async Task<string> UnpackedPackage(TestSeal key)
    {
        var seal = await RegisterSeal(key);
        await PublishedLicenceType();
        var licence = await Issue(Signed(FoodLicenceContent(), key, seal.Id));
        var package = (await Get($"/sharing/licences/{licence.Id}/package", Market.Key)).ReadAsText();
        var directory = Directory.CreateTempSubdirectory("cataloghub-offline-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "package.json"), package);
        var (exit, output) = Run(Block("verify-unpack"), directory);
        Assert.True(exit == 0, output);
        Assert.Equal(key.Algorithm == CatalogHub.Sharing.Seals.SealAlgorithm.Sm2WithSm3 ? "SM2-SM3" : "ECDSA-P256-SHA256", output.Trim());
        return directory;
    }

    private static void AssertVerifiesAndCatchesTampering(string block, string directory, string ok)
    {
        var (exit, output) = Run(Block(block), directory);
        Assert.True(exit == 0, output);
        Assert.Contains(ok, output);

        var path = Path.Combine(directory, "licence.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("七一路东段188号", "七一路东段189号"));
        Assert.NotEqual(0, Run(Block(block), directory).Exit);
    }

    [SkippableFact]
    public async Task an_ecdsa_p256_licence_verifies_offline_with_the_documented_openssl_commands()
    {
        Skip.IfNot(Has("openssl") && Has("jq"), "openssl or jq is not installed on this machine.");
        AssertVerifiesAndCatchesTampering("verify-ecdsa", await UnpackedPackage(TestSeal.P256()), "Verified OK");
    }

    [SkippableFact]
    public async Task an_sm2_licence_verifies_offline_with_the_documented_openssl_commands_where_openssl_has_sm2()
    {
        Skip.IfNot(Has("openssl") && Has("jq"), "openssl or jq is not installed on this machine.");
        Skip.IfNot(Run("openssl list -public-key-algorithms", Path.GetTempPath()).Output.Contains("SM2", StringComparison.OrdinalIgnoreCase),
            "The installed OpenSSL has no SM2 (it needs 1.1.1 or later, built with SM2): the SM2 commands of docs/verify-offline.md were not run.");
        AssertVerifiesAndCatchesTampering("verify-sm2", await UnpackedPackage(TestSeal.Sm2()), "Signature Verified Successfully");
    }
}
