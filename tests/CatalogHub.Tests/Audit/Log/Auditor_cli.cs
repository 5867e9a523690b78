using CatalogHub.Publication.Lists;
using System.Text.Json;
using CatalogHub.Audit.Log;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogHub.Tests.Audit.Log;

/// <summary><c>cataloghub-audit verify …</c> on files saved from the public endpoints, with the keys of <c>GET /log/keys</c>.</summary>
public sealed class Auditor_cli(AppFixture fixture) : CatalogueContext(fixture), IDisposable
{
    private readonly ScratchFolder _dir = new("cataloghub-audit-");

    public void Dispose() => _dir.Dispose();

    private string Save(string name, string content)
    {
        var path = _dir.PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Exit, JsonElement? Result, string Stderr) Cli(params string[] args) => AuditCli.Run(null, args);

    private async Task<string> SignedCheckpoint()
    {
        await Signed();
        return (await Get("/log/checkpoint")).ReadAsText();
    }

    [Fact]
    public async Task a_checkpoint_and_an_inclusion_proof_verify_offline_and_a_changed_byte_fails()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        var checkpoint = Save("checkpoint.txt", await SignedCheckpoint());
        var keys = await KeyOptions();
        var published = Read<ItemHistory>(await Get($"/catalogue/entries/{entry.Id}/history", Market.Key))
            .Events.Single(e => e.Type == "entry_published");
        var proofJson = (await Get($"/log/inclusion?seq={published.Sequence}")).ReadAsText();
        var proof = Save("proof.json", proofJson);

        var (exit, result, _) = Cli(["verify", "checkpoint", "--checkpoint", checkpoint, .. keys]);
        Assert.Equal(0, exit);
        Assert.Equal(await EventCount(), result!.Value.GetProperty("size").GetInt64());
        Assert.Equal(0, Cli(["verify", "inclusion", "--checkpoint", checkpoint, "--proof", proof, .. keys]).Exit);

        var text = File.ReadAllText(checkpoint);
        var forged = Save("forged.txt", text.Replace($"\n{result.Value.GetProperty("size").GetInt64()}\n", $"\n{result.Value.GetProperty("size").GetInt64() + 1}\n"));
        Assert.Equal(1, Cli(["verify", "checkpoint", "--checkpoint", forged, .. keys]).Exit);

        var inclusion = Read<InclusionProof>(await Get($"/log/inclusion?seq={published.Sequence}"));
        var leaf = Convert.FromBase64String(inclusion.LeafHash);
        leaf[0] ^= 1;
        var alteredProof = System.Text.Json.Nodes.JsonNode.Parse(proofJson)!;
        alteredProof["leafHash"] = Convert.ToBase64String(leaf);
        var altered = Save("altered.json", alteredProof.ToJsonString());
        var (failedExit, failed, _) = Cli(["verify", "inclusion", "--checkpoint", checkpoint, "--proof", altered, .. keys]);
        Assert.Equal((1, false), (failedExit, failed!.Value.GetProperty("verified").GetBoolean()));
    }

    [Fact]
    public async Task a_consistency_proof_between_two_checkpoints_verifies_and_swapped_checkpoints_fail()
    {
        await Published(effectiveAt: Now.AddMinutes(1));
        var first = Save("first.txt", await SignedCheckpoint());
        await Published(FoodLicence("食品生产许可"), "000147023000", Now.AddMinutes(1));
        var second = Save("second.txt", await SignedCheckpoint());
        var keys = await KeyOptions();
        var pages = Read<CheckpointPage>(await Get("/log/checkpoints")).Items;
        var proof = Save("consistency.json", (await Get($"/log/consistency?from={pages[1].Size}&to={pages[0].Size}")).ReadAsText());

        Assert.Equal(0, Cli(["verify", "consistency", "--old", first, "--new", second, "--proof", proof, .. keys]).Exit);
        Assert.Equal(1, Cli(["verify", "consistency", "--old", second, "--new", first, "--proof", proof, .. keys]).Exit);
    }

    [Fact]
    public void wrong_usage_exits_2()
    {
        Assert.Equal(2, Cli("verify", "checkpoint").Exit);
        Assert.Equal(2, Cli("verify", "checkpoint", "--checkpoint", _dir.PathOf("absent.txt"), "--key", "x+00000000+AA==").Exit);
        Assert.Equal(2, Cli("verify", "checkpoint", "--checkpoint", Save("c.txt", "x"), "--key", "not-a-key").Exit);
        Assert.Equal(2, Cli("frobnicate").Exit);
    }
}
