using CatalogHub.Publication.Lists;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Audit.Log;
using CatalogHub.AuditCli;
using CatalogHub.Platform;
using CatalogHub.Sharing.Holders;
using CatalogHub.Tests.Sharing;
using CatalogHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogHub.Tests.Audit.Log;

/// <summary><c>cataloghub-audit</c> run in-process: exit code, the JSON result on stdout, the verdict on stderr.</summary>
internal static class AuditCli
{
    public static (int Exit, JsonElement? Result, string Stderr) Run(HttpMessageHandler? hub, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = AuditCommands.Run(args, stdout, stderr, hub);
        return (exit, stdout.ToString() is { Length: > 0 } json ? JsonDocument.Parse(json).RootElement : null, stderr.ToString());
    }
}

/// <summary>A stream exported with its proofs (<c>GET /audit/log/export</c>, <c>cataloghub-audit export</c>) and verified offline.</summary>
public sealed class Stream_export(AppFixture fixture) : SharingContext(fixture), IDisposable
{
    private readonly ScratchFolder _dir = new("cataloghub-export-");
    private TestDepartment _auditor = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _auditor = await Register(TestDepartments.Audit);
    }

    public void Dispose() => _dir.Dispose();


    /// <summary><c>cataloghub-audit export</c> against this test's hub, with the auditor's key; the file's path.</summary>
    private string Exported(Guid stream, string name, params string[] more)
    {
        var (exit, result, stderr) = AuditCli.Run(Host.Server.CreateHandler(),
            ["export", "--hub", "http://localhost", "--api-key", _auditor.Key, "--stream", stream.ToString(), "--out", _dir.PathOf(name), .. more]);
        Assert.True(exit == 0, $"{result}\n{stderr}");
        return _dir.PathOf(name);
    }

    private static void ChangeOneByteOfTheEvent(string file, int line)
    {
        var lines = File.ReadAllLines(file);
        var exported = JsonNode.Parse(lines[line - 1])!;
        var text = exported["event"]!.GetValue<string>();
        // One character of the stored event, inside its data: the line stays valid JSON and the event well formed.
        var at = text.IndexOf("许昌", StringComparison.Ordinal);
        Assert.True(at > 0, text);
        exported["event"] = text[..at] + "禹" + text[(at + 1)..];
        lines[line - 1] = exported.ToJsonString(ApiJson.Options);
        File.WriteAllText(file, string.Join('\n', lines) + "\n");
    }

    [Fact]
    public async Task an_entry_s_history_exported_with_the_cli_verifies_offline_and_a_changed_byte_fails_naming_its_line()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        var second = await Publish(await Submit(await Revise(entry, FoodLicence("食品经营许可（含网络经营）"))), Now.AddDays(1));
        var checkpoint = await Signed();
        // Recorded after the checkpoint: not provable against it yet, so counted apart, not exported.
        await Revise(second, FoodLicence("食品经营许可（仅销售预包装食品）"));
        var history = Read<ItemHistory>(await Get($"/catalogue/entries/{entry.Id}/history", Market.Key)).Events;
        var keys = await KeyOptions();

        var file = Exported(entry.Id, "entry.ndjson");
        var lines = File.ReadAllLines(file);
        Assert.Equal(history.Count, lines.Length);
        var header = JsonSerializer.Deserialize<ExportHeader>(lines[0], ApiJson.Options)!;
        Assert.Equal((LogExport.Format, entry.Id, (long)history.Count - 1, 1L, checkpoint.Note),
            (header.Format, header.Stream!.Value, header.Events, header.Later, header.Checkpoint));
        var events = lines[1..].Select(l => JsonSerializer.Deserialize<ProvenEvent>(l, ApiJson.Options)!).ToList();
        Assert.Equal(history.Take(history.Count - 1).Select(e => e.Sequence), events.Select(e => e.Sequence));
        foreach (var exported in events)
            Assert.Equal(Read<InclusionProof>(await Get($"/log/inclusion?seq={exported.Sequence}&size={checkpoint.Size}")).LeafHash,
                Convert.ToBase64String(LogStore.LeafHashOf(exported.Event)));

        var (exit, result, _) = AuditCli.Run(null, ["verify", "export", file, .. keys]);
        Assert.Equal(0, exit);
        Assert.Equal((history.Count - 1, checkpoint.Size), (result!.Value.GetProperty("events").GetInt32(), result.Value.GetProperty("treeSize").GetInt64()));

        // A line after the second whose event names the department (the revision's, at least).
        var changed = Array.FindIndex(lines, 2, l => l.Contains("许昌", StringComparison.Ordinal)) + 1;
        ChangeOneByteOfTheEvent(file, changed);
        (exit, result, _) = AuditCli.Run(null, ["verify", "export", file, .. keys]);
        Assert.Equal((1, false, changed), (exit, result!.Value.GetProperty("verified").GetBoolean(), result.Value.GetProperty("line").GetInt32()));
        Assert.StartsWith($"line {changed}: the event is not leaf", result.Value.GetProperty("reason").GetString());

        // An event left out is named too, though every remaining line verifies on its own.
        File.WriteAllLines(_dir.PathOf("gap.ndjson"), [lines[0], .. lines[1..2], .. lines[3..]]);
        (exit, result, _) = AuditCli.Run(null, ["verify", "export", _dir.PathOf("gap.ndjson"), .. keys]);
        Assert.Equal((1, 3), (exit, result!.Value.GetProperty("line").GetInt32()));
        File.WriteAllLines(_dir.PathOf("cut.ndjson"), lines[..^1]);
        Assert.Equal(1, AuditCli.Run(null, ["verify", "export", _dir.PathOf("cut.ndjson"), .. keys]).Exit);
    }

    [Fact]
    public async Task erasing_a_holder_leaves_the_licence_s_export_and_every_proof_in_it_valid()
    {
        var key = TestSeal.Sm2();
        var seal = await RegisterSeal(key);
        await PublishedLicenceType();
        var licence = await Issue(Signed(FoodLicenceContent(), key, seal.Id));
        await Signed();
        var keys = await KeyOptions();
        var before = Exported(licence.Id, "before.ndjson");
        // The holder's name and ID are in the store as ciphertext only: the export carries no plaintext to erase.
        Assert.DoesNotContain(ShopName, File.ReadAllText(before));

        Assert.True(Read<HolderErasure>(await Post("/sharing/holders/erase",
            new { holderId = ShopCode, basis = "《中华人民共和国个人信息保护法》第四十七条", reason = "权利人申请删除" }, Admin.Key, 200)).KeyDestroyed);
        var after = await Signed();
        var again = Exported(licence.Id, "after.ndjson");

        Assert.Equal(0, AuditCli.Run(null, ["verify", "export", before, .. keys]).Exit);
        Assert.Equal(0, AuditCli.Run(null, ["verify", "export", again, .. keys]).Exit);
        Assert.Contains($"\\n{after.Size}\\n", File.ReadLines(again).First());
        Assert.Equal(File.ReadLines(before).Skip(1).Select(l => JsonNode.Parse(l)!["event"]!.GetValue<string>()),
            File.ReadLines(again).Skip(1).Select(l => JsonNode.Parse(l)!["event"]!.GetValue<string>()));
    }

    [Fact]
    public async Task only_auditors_and_hub_administrators_export_and_bad_input_gets_a_problem()
    {
        var entry = await Published(effectiveAt: Now.AddMinutes(1));
        AssertProblem(await Get($"/audit/log/export?stream={entry.Id}", _auditor.Key, 404), "no-checkpoint");
        var checkpoint = await Signed();

        await Get($"/audit/log/export?stream={entry.Id}", Market.Key, 403);
        await Get($"/audit/log/export?stream={entry.Id}", status: 401);
        Assert.Equal(LogExport.MediaType, (await Get($"/audit/log/export?stream={entry.Id}", Admin.Key)).Context.Response.ContentType);
        AssertProblem(await Get("/audit/log/export", _auditor.Key, 400), "required", "stream");
        AssertProblem(await Get($"/audit/log/export?stream={entry.Id}&size=0", _auditor.Key, 400), "out-of-range", "size");
        AssertProblem(await Get($"/audit/log/export?stream={entry.Id}&size={checkpoint.Size + 1}", _auditor.Key, 404), "no-checkpoint");
        AssertProblem(await Get($"/audit/log/export?stream={Guid.NewGuid()}", _auditor.Key, 404), "not-found");

        var (exit, result, _) = AuditCli.Run(Host.Server.CreateHandler(),
            ["export", "--hub", "http://localhost", "--api-key", Market.Key, "--stream", entry.Id.ToString(), "--out", _dir.PathOf("refused.ndjson")]);
        Assert.Equal((1, 403), (exit, result!.Value.GetProperty("status").GetInt32()));
        Assert.Equal(2, AuditCli.Run(null, ["verify", "export", _dir.PathOf("absent.ndjson"), "--key", "x+00000000+AA=="]).Exit);
    }
}
