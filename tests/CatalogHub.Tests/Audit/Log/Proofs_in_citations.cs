using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Audit.Log;
using CatalogHub.Platform;
using CatalogHub.Tests.ImplementationLists;
using CatalogHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogHub.Tests.Audit.Log;

/// <summary>
/// <c>?inclusionProofs=true</c> on answers that cite versions (the as-of read, the basis check): each citation's leaf and inclusion
/// proof against a named checkpoint, verified offline by <c>cataloghub-audit verify answer</c>.
/// </summary>
public sealed class Proofs_in_citations(AppFixture fixture) : ImplementationListContext(fixture), IDisposable
{
    private readonly ScratchFolder _dir = new("cataloghub-answer-");
    private TestDepartment _consumer = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _consumer = await Register(TestDepartments.HumanResources);
    }

    public void Dispose() => _dir.Dispose();


    private (int Exit, string Reason) VerifyAnswer(string json, string[] keys)
    {
        var path = _dir.PathOf($"{Guid.NewGuid()}.json");
        File.WriteAllText(path, json);
        var (exit, result, _) = AuditCli.Run(null, ["verify", "answer", path, .. keys]);
        return (exit, result!.Value.GetProperty("reason").GetString() ?? "");
    }

    /// <summary>Through an HTTP client: the scenario helpers put a POST's query string into its path.</summary>
    private async Task<(int Status, string Body)> CheckBasis(string query)
    {
        using var client = Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/basis-check" + query)
        {
            Content = JsonContent.Create(new { regionCode = "411000", itemCode = "000147011000", materials = new[] { new { name = "营业执照", form = "electronic" } } }),
        };
        request.Headers.Authorization = new("ApiKey", _consumer.Key);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void Problem((int Status, string Body) answer, int status, string code, string? field = null)
    {
        Assert.True(answer.Status == status, answer.Body);
        var problem = JsonNode.Parse(answer.Body)!;
        Assert.Equal((code, field), (problem["code"]!.GetValue<string>(), problem["field"]?.GetValue<string>()));
    }

    [Fact]
    public async Task an_as_of_read_with_proof_carries_its_citation_s_leaf_and_proof_against_the_named_checkpoint()
    {
        var (entry, _) = await PublishedGuide(Now.AddMinutes(1));
        var first = await Signed();
        var keys = await KeyOptions();
        Clock.Advance(TimeSpan.FromMinutes(2));

        var plain = ReadJson(await Get($"/catalogue/entries/{entry.Id}"));
        Assert.False(plain.TryGetProperty(CitationProof.Member, out _));
        var text = (await Get($"/catalogue/entries/{entry.Id}?inclusionProofs=true")).ReadAsText();
        var answer = JsonNode.Parse(text)!;
        var proofs = answer[CitationProof.Member].Deserialize<CitationProofs>(ApiJson.Options)!;
        var cited = answer["citation"]!["sequence"]!.GetValue<long>();
        Assert.Equal((first.Note, first.Size, 0), (proofs.Checkpoint, proofs.TreeSize, proofs.Pending.Count));
        var proven = Assert.Single(proofs.Events);
        Assert.Equal(cited, proven.Sequence);
        Assert.Equal(entry.Id.ToString(), JsonNode.Parse(proven.Event)![0]!.GetValue<string>());
        // Otherwise the same answer.
        var without = JsonNode.Parse(text)!.AsObject();
        without.Remove(CitationProof.Member);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(plain.GetRawText()), without));
        Assert.Equal((0, ""), VerifyAnswer(text, keys));

        // A later version, against the earlier checkpoint: not in it yet, so pending; against the later one, proven.
        var second = await Publish(await Submit(await Revise(entry, FoodLicence("食品经营许可（含网络经营）"))), Now.AddMinutes(1));
        var later = await Signed();
        Clock.Advance(TimeSpan.FromMinutes(2));
        var pending = (await Get($"/catalogue/entries/{entry.Id}?inclusionProofs=true&checkpoint={first.Size}")).ReadAsText();
        var pendingProofs = JsonNode.Parse(pending)![CitationProof.Member].Deserialize<CitationProofs>(ApiJson.Options)!;
        Assert.Equal((0, 1), (pendingProofs.Events.Count, pendingProofs.Pending.Count));
        var (exit, reason) = VerifyAnswer(pending, keys);
        Assert.Equal(1, exit);
        Assert.EndsWith("is not in the checkpoint yet: ask again after the next one", reason);
        var current = (await Get($"/catalogue/entries/{second.Id}?inclusionProofs=true&checkpoint={later.Size}")).ReadAsText();
        Assert.Equal(0, VerifyAnswer(current, keys).Exit);

        // The answer's citation pointed elsewhere: the proof no longer covers it.
        var forged = JsonNode.Parse(current)!;
        forged["citation"]!["sequence"] = cited;
        Assert.Equal(1, VerifyAnswer(forged.ToJsonString(), keys).Exit);
    }

    [Fact]
    public async Task a_basis_check_with_proof_proves_every_version_it_cites_and_bad_proof_parameters_get_problems()
    {
        await PublishedGuide(Now.AddMinutes(1));
        Problem(await CheckBasis("?inclusionProofs=true"), 404, "no-checkpoint");
        var checkpoint = await Signed();
        var keys = await KeyOptions();
        Clock.Advance(TimeSpan.FromMinutes(2));

        var (status, text) = await CheckBasis("?inclusionProofs=true");
        Assert.True(status == 200, text);
        var answer = JsonNode.Parse(text)!;
        var cited = answer["citations"]!.AsArray().Select(c => c!["sequence"]!.GetValue<long>()).Order().ToList();
        Assert.Equal(2, cited.Count);
        var proofs = answer[CitationProof.Member].Deserialize<CitationProofs>(ApiJson.Options)!;
        Assert.Equal(cited, proofs.Events.Select(e => e.Sequence).Order());
        Assert.Equal(checkpoint.Size, proofs.TreeSize);
        Assert.Equal((0, ""), VerifyAnswer(text, keys));
        Assert.Null(JsonNode.Parse((await CheckBasis("")).Body)![CitationProof.Member]);

        // One byte of a proven event changed: its leaf is no longer in the tree.
        var forged = JsonNode.Parse(text)!;
        var leaf = forged[CitationProof.Member]!["events"]![0]!;
        leaf["event"] = leaf["event"]!.GetValue<string>().Replace("许昌", "禹州");
        Assert.Equal(1, VerifyAnswer(forged.ToJsonString(), keys).Exit);

        Problem(await CheckBasis($"?checkpoint={checkpoint.Size}"), 400, "required", "inclusionProofs");
        Problem(await CheckBasis("?inclusionProofs=true&checkpoint=0"), 400, "out-of-range", "checkpoint");
        Problem(await CheckBasis($"?inclusionProofs=true&checkpoint={checkpoint.Size + 1}"), 404, "no-checkpoint");
    }
}
