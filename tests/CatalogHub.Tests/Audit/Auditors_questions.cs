using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Audit.Log;
using CatalogHub.Catalogue;
using CatalogHub.Platform;
using CatalogHub.Publication.Lists;
using CatalogHub.Sharing.AccessLog;
using CatalogHub.Sharing.Licences;
using CatalogHub.Sharing.Seals;
using CatalogHub.Tests.Audit.Log;
using CatalogHub.Tests.Sharing;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Audit;

/// <summary>
/// What auditors ask over HTTP: two versions of an entry compared field by field, a region's catalogue at two instants compared,
/// and the access log by reader, holder, licence type, purpose, outcome and period, paged by cursor and exported as NDJSON.
/// </summary>
public sealed class Auditors_questions(AppFixture fixture) : SharingContext(fixture), IDisposable
{
    private readonly ScratchFolder _dir = new("cataloghub-auditor-");

    public void Dispose() => _dir.Dispose();

    private string Saved(string json)
    {
        var path = _dir.PathOf($"{Guid.NewGuid()}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private TestDepartment _auditor = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _auditor = await Register(TestDepartments.Audit);
    }

    private Task<EntryDraftView> Repealed(EntryDraftView entry, DateTimeOffset effectiveAt) =>
        Post($"/catalogue/entries/{entry.Id}/repeal", new { effectiveAt, basis = "《国务院关于取消和下放一批行政许可事项的决定》", reason = "事项取消" },
            Admin.Key, 200, $"\"{entry.Version}\"").ContinueWith(r => Read<EntryDraftView>(r.Result));

    [Fact]
    public async Task two_versions_of_an_entry_are_compared_field_by_field_each_cited_for_auditors_only()
    {
        var first = await Published(FoodLicence(), effectiveAt: Now.AddMinutes(1));
        var revised = FoodLicence("食品经营许可（含网络经营）") with { ExternalSourceId = "410000-000147011001" };
        await Publish(await Submit(await Revise(first, revised)), Now.AddMinutes(2));
        var url = $"/catalogue/entries/{first.Id}/diff";

        var diff = Read<VersionDiff>(await Get($"{url}?from=1&to=2", _auditor.Key));
        var versions = Read<CatalogHub.Publication.VersionList>(await Get($"/catalogue/entries/{first.Id}/versions"));
        AssertSameJson(new VersionDiff(first.Id, CatalogueList.Name, versions.Versions[0], versions.Versions[1],
        [
            new FieldChange("/name", DiffKind.Changed, Json("食品经营许可"), Json("食品经营许可（含网络经营）")),
            new FieldChange("/externalSourceId", DiffKind.Changed, Json("410000-000147011000"), Json("410000-000147011001")),
        ]), diff);
        // Backwards is the same change undone; a version with itself, none.
        Assert.Equal([DiffKind.Changed, DiffKind.Changed], Read<VersionDiff>(await Get($"{url}?from=2&to=1", _auditor.Key)).Changes.Select(c => c.Kind));
        Assert.Empty(Read<VersionDiff>(await Get($"{url}?from=2&to=2", _auditor.Key)).Changes);

        // Proven on request: both citations, against the checkpoint.
        var checkpoint = await Signed();
        var proven = JsonNode.Parse((await Get($"{url}?from=1&to=2&inclusionProofs=true", _auditor.Key)).ReadAsText())!;
        var proofs = proven[CitationProof.Member].Deserialize<CitationProofs>(ApiJson.Options)!;
        Assert.Equal(checkpoint.Size, proofs.TreeSize);
        Assert.Equal([diff.From.Sequence, diff.To.Sequence], proofs.Events.Select(e => e.Sequence).Order());

        AssertProblem(await Get($"{url}?from=1&to=2", status: 401), "missing-api-key");
        AssertProblem(await Get($"{url}?from=1&to=2", Market.Key, 403), "missing-role");
        AssertProblem(await Get($"{url}?to=2", _auditor.Key, 400), "required", "from");
        AssertProblem(await Get($"{url}?from=0&to=2", _auditor.Key, 400), "out-of-range", "from");
        AssertProblem(await Get($"{url}?from=1&to=-3", _auditor.Key, 400), "out-of-range", "to");
        AssertProblem(await Get($"{url}?from=1&to=二", _auditor.Key, 400), ProblemCodes.InvalidParameter);
        AssertProblem(await Get($"{url}?from=1&to=3", _auditor.Key, 404), "not-found");
        AssertProblem(await Get($"/catalogue/entries/{Guid.CreateVersion7()}/diff?from=1&to=2", _auditor.Key, 404), "not-found");
        AssertProblem(await Get($"{url}?from=1&to=2&checkpoint=1", _auditor.Key, 400), "required", "inclusionProofs");
    }

    [Fact]
    public async Task a_region_s_catalogue_at_two_instants_shows_added_changed_and_repealed_entries_citing_their_versions()
    {
        var weidu = await Register(TestDepartments.WeiduManager);
        var food = await Published(FoodLicence(), effectiveAt: Now.AddMinutes(1));
        var subsidy = await Published(SubsidyItem(), "000109008000", Now.AddMinutes(1));
        await Published(FoodLicence("食品生产许可") with { ExternalSourceId = "410000-000147012000" }, "000147012000", Now.AddMinutes(1));
        // 魏都区's own entry is in another region's catalogue: never in 许昌市's diff.
        await Publish(await Submit(await Draft(FoodLicence("小餐饮经营许可"), "000147011900", weidu.Key, "411002"), weidu.Key), Now.AddMinutes(1), weidu.Key);
        Clock.Advance(TimeSpan.FromHours(1));
        var before = Now;
        Clock.Advance(TimeSpan.FromMinutes(1));

        var change = Now.AddDays(1);
        await Publish(await Submit(await Revise(food, FoodLicence("食品经营许可（含网络经营）"))), change);
        await Repealed(subsidy, change);
        var added = await Published(FoodLicence("药品零售企业许可") with { ExternalSourceId = "410000-000147013000" }, "000147013000", change);
        Clock.Advance(TimeSpan.FromDays(2));

        var diff = Read<RegionDiff>(await Get($"/regions/411000/catalogue/diff?from={Iso(before)}&to={Iso(Now)}", _auditor.Key));
        Assert.Equal(("411000", CatalogueList.Name, before, Now), (diff.RegionCode, diff.List, diff.From, diff.To));

        var addedItem = Assert.Single(diff.Added);
        Assert.Equal((added.Id, "000147013000", (int?)1, null as object), (addedItem.Id, addedItem.Code, addedItem.To?.Version, (object?)addedItem.From));
        Assert.Equal(DiffKind.Added, Assert.Single(addedItem.Changes).Kind);

        var changed = Assert.Single(diff.Changed);
        Assert.Equal((food.Id, 1, 2), (changed.Id, changed.From!.Version, changed.To!.Version));
        AssertSameJson<IReadOnlyList<FieldChange>>([new FieldChange("/name", DiffKind.Changed, Json("食品经营许可"), Json("食品经营许可（含网络经营）"))], changed.Changes);
        Assert.Equal((before, Now), (changed.From.AsOf, changed.To.AsOf));

        var gone = Assert.Single(diff.Repealed);
        Assert.Equal((subsidy.Id, "000109008000", 1, change), (gone.Id, gone.Code, gone.From!.Version, gone.Repeal!.EffectiveAt));
        Assert.Null(gone.To);
        Assert.Equal("事项取消", gone.Repeal.Reason);
        Assert.Equal(DiffKind.Removed, Assert.Single(gone.Changes).Kind);

        // As the record stood before the changes were recorded, nothing differs; the same instants in 魏都区: nothing either.
        var earlier = Read<RegionDiff>(await Get($"/regions/411000/catalogue/diff?from={Iso(before)}&to={Iso(Now)}&knownAt={Iso(before)}", _auditor.Key));
        Assert.Equal((0, 0, 0), (earlier.Added.Count, earlier.Changed.Count, earlier.Repealed.Count));
        var county = Read<RegionDiff>(await Get($"/regions/411002/catalogue/diff?from={Iso(before)}&to={Iso(Now)}", _auditor.Key));
        Assert.Equal((0, 0, 0), (county.Added.Count, county.Changed.Count, county.Repealed.Count));

        var url = $"/regions/411000/catalogue/diff?from={Iso(before)}&to={Iso(Now)}";
        AssertProblem(await Get(url, status: 401), "missing-api-key");
        AssertProblem(await Get(url, Consumer.Key, 403), "missing-role");
        AssertProblem(await Get($"/regions/411000/catalogue/diff?from={Iso(Now)}&to={Iso(before)}", _auditor.Key, 400), "out-of-range", "to");
        AssertProblem(await Get($"/regions/411000/catalogue/diff?to={Iso(Now)}", _auditor.Key, 400), "required", "from");
        AssertProblem(await Get($"/regions/411000/catalogue/diff?from=yesterday&to={Iso(Now)}", _auditor.Key, 400), ProblemCodes.InvalidInstant, "from");
        AssertProblem(await Get($"{url}&knownAt={Iso(Now.AddDays(1))}", _auditor.Key, 400), "known-at-in-future", "knownAt");
        AssertProblem(await Get($"/regions/419999/catalogue/diff?from={Iso(before)}&to={Iso(Now)}", _auditor.Key, 404), "unknown-region");
        AssertProblem(await Get($"/regions/41100X/catalogue/diff?from={Iso(before)}&to={Iso(Now)}", _auditor.Key, 400), "invalid-region-code");
    }

    /// <summary>The proofs an answer carries, each event's leaf checked in the named checkpoint's tree by the log's own Merkle code.</summary>
    private static CitationProofs ProvenAgainst(string answer, Checkpoint checkpoint)
    {
        var proofs = JsonNode.Parse(answer)![CitationProof.Member].Deserialize<CitationProofs>(ApiJson.Options)!;
        Assert.Equal((checkpoint.Note, checkpoint.Size, 0), (proofs.Checkpoint, proofs.TreeSize, proofs.Pending.Count));
        var root = Convert.FromBase64String(checkpoint.RootHash);
        foreach (var e in proofs.Events)
            Assert.True(Merkle.VerifyInclusion(e.LeafIndex, checkpoint.Size, LogStore.LeafHashOf(e.Event), [.. e.Proof.Select(Convert.FromBase64String)], root),
                $"sequence {e.Sequence} is not leaf {e.LeafIndex} of the checkpoint's tree");
        return proofs;
    }

    /// <summary>The answer without its proofs, as the endpoint gives it when not asked for them.</summary>
    private static T Unproven<T>(string answer)
    {
        var node = JsonNode.Parse(answer)!.AsObject();
        node.Remove(CitationProof.Member);
        return node.Deserialize<T>(ApiJson.Options)!;
    }

    [Fact]
    public async Task a_region_s_catalogue_page_its_diff_and_a_repealed_entry_s_answer_prove_every_version_and_repeal_they_cite_on_request()
    {
        var food = await Published(FoodLicence(), effectiveAt: Now.AddMinutes(1));
        var subsidy = await Published(SubsidyItem(), "000109008000", Now.AddMinutes(1));
        Clock.Advance(TimeSpan.FromHours(1));
        var before = Now;
        Clock.Advance(TimeSpan.FromMinutes(1));
        var change = Now.AddDays(1);
        await Publish(await Submit(await Revise(food, FoodLicence("食品经营许可（含网络经营）"))), change);
        await Repealed(subsidy, change);
        Clock.Advance(TimeSpan.FromDays(2));
        var checkpoint = await Signed();
        var keys = await KeyOptions();

        // The catalogue as it stood before the changes: both entries, each citing its first version, each proven.
        var page = (await Get($"/regions/411000/catalogue?asOf={Iso(before)}&inclusionProofs=true")).ReadAsText();
        var listed = Unproven<CatalogHub.Catalogue.Reading.CataloguePage>(page);
        Assert.Equal([food.Id, subsidy.Id], listed.Items.Select(i => i.Id).Order());
        Assert.Equal(listed.Items.Select(i => i.Citation.Sequence).Order(), ProvenAgainst(page, checkpoint).Events.Select(e => e.Sequence));
        Assert.Equal(0, Log.AuditCli.Run(null, ["verify", "answer", Saved(page), .. keys]).Exit);
        AssertSameJson(Read<CatalogHub.Catalogue.Reading.CataloguePage>(await Get($"/regions/411000/catalogue?asOf={Iso(before)}")), listed);

        // The diff, against the checkpoint it names: the changed entry's two versions, the repealed one's version and its repeal.
        var text = (await Get($"/regions/411000/catalogue/diff?from={Iso(before)}&to={Iso(Now)}&inclusionProofs=true&checkpoint={checkpoint.Size}", _auditor.Key)).ReadAsText();
        var diff = Unproven<RegionDiff>(text);
        var (changed, gone) = (Assert.Single(diff.Changed), Assert.Single(diff.Repealed));
        Assert.Equal(new[] { changed.From!.Sequence, changed.To!.Sequence, gone.From!.Sequence, gone.Repeal!.Sequence }.Order(),
            ProvenAgainst(text, checkpoint).Events.Select(e => e.Sequence));
        Assert.Equal(0, Log.AuditCli.Run(null, ["verify", "answer", Saved(text), .. keys]).Exit);
        // A repeal pointed at another event: the proofs no longer cover the answer.
        var forged = JsonNode.Parse(text)!;
        forged["repealed"]![0]!["repeal"]!["sequence"] = changed.To.Sequence;
        Assert.Equal(1, Log.AuditCli.Run(null, ["verify", "answer", Saved(forged.ToJsonString()), .. keys]).Exit);

        // The repealed entry's own answer now: 404, citing its repeal, which is proven on request like any citation.
        var repealed = (await Get($"/catalogue/entries/{subsidy.Id}?inclusionProofs=true", status: 404)).ReadAsText();
        Assert.Equal(("repealed", gone.Repeal.Sequence), (JsonNode.Parse(repealed)!["code"]!.GetValue<string>(), JsonNode.Parse(repealed)!["repeal"]!["sequence"]!.GetValue<long>()));
        Assert.Equal([gone.Repeal.Sequence], ProvenAgainst(repealed, checkpoint).Events.Select(e => e.Sequence));
        Assert.Equal(0, Log.AuditCli.Run(null, ["verify", "answer", Saved(repealed), .. keys]).Exit);
        Assert.Null(JsonNode.Parse((await Get($"/catalogue/entries/{subsidy.Id}", status: 404)).ReadAsText())![CitationProof.Member]);

        AssertProblem(await Get($"/regions/411000/catalogue?checkpoint={checkpoint.Size}", status: 400), "required", "inclusionProofs");
        AssertProblem(await Get($"/regions/411000/catalogue/diff?from={Iso(before)}&to={Iso(Now)}&inclusionProofs=true&checkpoint=0", _auditor.Key, 400),
            "out-of-range", "checkpoint");
        AssertProblem(await Get($"/regions/411000/catalogue/diff?from={Iso(before)}&to={Iso(Now)}&inclusionProofs=true&checkpoint={checkpoint.Size + 1}", _auditor.Key, 404),
            "no-checkpoint");
    }

    private const string OtherHolder = "92411002MA4ABCDE1M";

    /// <summary>
    /// Two holders' licences, a grant of two fields for 一次性创业补贴申领, and four reads by 人社局: refused without a grant, allowed,
    /// refused for an ungranted field, allowed for the other holder.
    /// </summary>
    private async Task<(Guid Purpose, string[] Reasons)> FourReads()
    {
        var key = TestSeal.P256();
        var seal = await RegisterSeal(key);
        await PublishedLicenceType();
        await Issue(Signed(FoodLicenceContent(), key, seal.Id));
        await Issue(Signed(FoodLicenceContent(serial: "2026000124", holderId: OtherHolder, holderName: "许昌市魏都区百家和超市"), key, seal.Id));
        var purpose = await Published(SubsidyItem(), "000109008000");
        object ReadOf(string holderId, params string[] fields) => new { holderId, typeCode = FoodTypeCode, purposeItemId = purpose.Id, fields };

        await Post("/sharing/reads", ReadOf(ShopCode, "premises"), Consumer.Key, 403);
        await GrantReads(purpose.Id);
        Clock.Advance(TimeSpan.FromHours(1));
        await Post("/sharing/reads", ReadOf(ShopCode, "premises"), Consumer.Key, 200);
        Clock.Advance(TimeSpan.FromHours(1));
        await Post("/sharing/reads", ReadOf(OtherHolder, "premises", "legalRepresentative"), Consumer.Key, 403);
        Clock.Advance(TimeSpan.FromHours(1));
        await Post("/sharing/reads", ReadOf(OtherHolder, "licenceNumber"), Consumer.Key, 200);
        return (purpose.Id, ["no-grant", null!, "fields-not-granted", null!]);
    }

    private async Task<AccessLogPage> Search(object search, int status = 200) => Read<AccessLogPage>(await Post("/sharing/access-log/search", search, _auditor.Key, status));

    [Fact]
    public async Task the_access_log_answers_by_holder_reader_type_purpose_outcome_and_period_refused_reads_included_paged_by_cursor_and_exported()
    {
        var start = Now;
        var (purpose, reasons) = await FourReads();
        var all = Read<AccessLogPage>(await Get("/sharing/access-log?pageSize=200", _auditor.Key));
        Assert.Equal(reasons, all.Items.Select(r => r.ReasonCode));
        Assert.Equal([AccessOutcome.Refused, AccessOutcome.Allowed, AccessOutcome.Refused, AccessOutcome.Allowed], all.Items.Select(r => r.Outcome));

        var refused = Read<AccessLogPage>(await Get("/sharing/access-log?outcome=refused", _auditor.Key));
        Assert.Equal([all.Items[0].Id, all.Items[2].Id], refused.Items.Select(r => r.Id));
        Assert.Equal([all.Items[1].Id], Read<AccessLogPage>(await Get("/sharing/access-log?outcome=allowed&reasonCode=no-grant", _auditor.Key)).Items
            .Concat(Read<AccessLogPage>(await Get($"/sharing/access-log?outcome=allowed&to={Iso(start.AddHours(1).AddMinutes(30))}", _auditor.Key)).Items)
            .Select(r => r.Id));

        // By holder: the clear ID only in a body; the keyed hash the records show also in a query.
        var shop = await Search(new { holderId = ShopCode });
        Assert.Equal([all.Items[0].Id, all.Items[1].Id], shop.Items.Select(r => r.Id));
        var holderRef = shop.Items[0].HolderRef!;
        Assert.StartsWith("h_", holderRef);
        Assert.Equal(shop.Items.Select(r => r.Id), Read<AccessLogPage>(await Get($"/sharing/access-log?holderRef={holderRef}", _auditor.Key)).Items.Select(r => r.Id));
        Assert.Equal([all.Items[2].Id], (await Search(new { holderId = OtherHolder, outcome = "refused" })).Items.Select(r => r.Id));
        // Reader, type, purpose and period.
        var query = $"consumerCode={Consumer.Code}&typeCode={FoodTypeCode}&purposeItemId={purpose}&from={Iso(start.AddMinutes(30))}&to={Iso(Now)}";
        Assert.Equal([all.Items[1].Id, all.Items[2].Id], Read<AccessLogPage>(await Get($"/sharing/access-log?{query}", _auditor.Key)).Items.Select(r => r.Id));
        Assert.Empty(Read<AccessLogPage>(await Get($"/sharing/access-log?consumerCode={Market.Code}", _auditor.Key)).Items);
        Assert.Empty(Read<AccessLogPage>(await Get($"/sharing/access-log?purposeItemId={Guid.CreateVersion7()}", _auditor.Key)).Items);

        // By cursor, one record a page, until no cursor is given back (bounded: never more pages than records and one).
        var paged = new List<AccessRecord>();
        long? after = 0;
        for (var pages = 0; after is { } cursor && pages <= all.Items.Count; pages++)
        {
            var page = Read<AccessLogPage>(await Get($"/sharing/access-log?after={cursor}&pageSize=1", _auditor.Key));
            Assert.Equal(4, page.Total);
            paged.AddRange(page.Items);
            after = page.NextAfter;
        }
        Assert.Null(after);
        AssertSameJson(all.Items, paged);
        var searched = await Search(new { after = all.Items[1].Sequence, pageSize = 1 });
        Assert.Equal((all.Items[2].Id, all.Items[2].Sequence), (Assert.Single(searched.Items).Id, searched.NextAfter));

        // The export: the signed checkpoint, then the same records, each as its event was recorded with its proof; with a filter, only those.
        AssertProblem(await Get("/sharing/access-log/export", _auditor.Key, 404), "no-checkpoint");
        var checkpoint = await Signed();
        var lines = (await Get("/sharing/access-log/export", _auditor.Key)).ReadAsText().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = JsonSerializer.Deserialize<ExportHeader>(lines[0], ApiJson.Options)!;
        Assert.Equal((LogExport.AccessLogFormat, null as Guid?, 4L, 0L, checkpoint.Note), (header.Format, header.Stream, header.Events, header.Later, header.Checkpoint));
        var exported = lines[1..].Select(l => JsonSerializer.Deserialize<ProvenEvent>(l, ApiJson.Options)!).ToList();
        Assert.Equal(all.Items.Select(r => r.Sequence), exported.Select(e => e.Sequence));
        Assert.Equal(all.Items.Select(r => r.Id.ToString()), exported.Select(e => JsonNode.Parse(e.Event)![0]!.GetValue<string>()));
        var selected = (await Get($"/sharing/access-log/export?holderRef={holderRef}", _auditor.Key)).ReadAsText().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal((3, holderRef), (selected.Length, JsonNode.Parse(selected[0])!["selection"]!["holderRef"]!.GetValue<string>()));
        // Personal data stays out: no holder's clear ID or name in any answer.
        foreach (var text in new[] { string.Join('\n', lines), JsonSerializer.Serialize(all, ApiJson.Options) })
            Assert.DoesNotContain(ShopCode, text);
    }

    [Fact]
    public async Task access_log_and_licence_reads_carry_inclusion_proofs_on_request()
    {
        var (purpose, _) = await FourReads();
        var checkpoint = await Signed();
        var keys = await KeyOptions();

        var text = (await Get("/sharing/access-log?inclusionProofs=true", _auditor.Key)).ReadAsText();
        var answer = JsonNode.Parse(text)!;
        var proofs = answer[CitationProof.Member].Deserialize<CitationProofs>(ApiJson.Options)!;
        var records = answer["items"].Deserialize<List<AccessRecord>>(ApiJson.Options)!;
        Assert.Equal(checkpoint.Size, proofs.TreeSize);
        Assert.Equal(records.Select(r => r.Sequence).Append(records[0].PurposeCitation!.Sequence).Order(), proofs.Events.Select(e => e.Sequence));
        // Each record's leaf is its own read as recorded: the refused one says so.
        Assert.Contains("no-grant", proofs.Events.Single(e => e.Sequence == records[0].Sequence).Event);
        Assert.Empty(proofs.Pending);

        // Through an HTTP client: the scenario helpers put a POST's query string into its path.
        using var client = Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sharing/reads?inclusionProofs=true")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { holderId = ShopCode, typeCode = FoodTypeCode, purposeItemId = purpose, fields = new[] { "premises" } }),
        };
        request.Headers.Authorization = new("ApiKey", Consumer.Key);
        using var response = await client.SendAsync(request);
        var read = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, read);
        var licenceProofs = JsonNode.Parse(read)![CitationProof.Member].Deserialize<CitationProofs>(ApiJson.Options)!;
        var cited = JsonNode.Parse(read)!["purposeCitation"]!["sequence"]!.GetValue<long>();
        Assert.Equal(cited, Assert.Single(licenceProofs.Events).Sequence);
        Assert.Null(JsonNode.Parse((await Post("/sharing/reads", new { holderId = ShopCode, typeCode = FoodTypeCode, purposeItemId = purpose, fields = new[] { "premises" } },
            Consumer.Key, 200)).ReadAsText())![CitationProof.Member]);
        Assert.Equal(0, Log.AuditCli.Run(null, ["verify", "answer", Saved(read), .. keys]).Exit);
        Assert.Equal(0, Log.AuditCli.Run(null, ["verify", "answer", Saved(text), .. keys]).Exit);
    }

    [Fact]
    public async Task a_period_of_the_access_log_exported_with_its_proofs_verifies_offline_names_a_changed_record_and_outlives_an_erasure()
    {
        var start = Now;
        var (purpose, _) = await FourReads();
        var checkpoint = await Signed();
        var keys = await KeyOptions();
        // Recorded after the checkpoint: in the period, but not provable against it yet, so counted apart, not exported.
        Clock.Advance(TimeSpan.FromHours(1));
        await Post("/sharing/reads", new { holderId = ShopCode, typeCode = FoodTypeCode, purposeItemId = purpose, fields = new[] { "premises" } }, Consumer.Key, 200);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var records = Read<AccessLogPage>(await Get("/sharing/access-log", _auditor.Key)).Items;
        Assert.Equal(5, records.Count);
        string[] period = ["access-log", "export", "--hub", "http://localhost", "--api-key", _auditor.Key, "--from", start.ToString("O"), "--to", Now.ToString("O")];

        var file = _dir.PathOf("period.ndjson");
        var (exit, exported, stderr) = Cli([.. period, "--out", file]);
        Assert.True(exit == 0, stderr);
        Assert.Equal((4, 1), (exported.GetProperty("events").GetInt32(), exported.GetProperty("later").GetInt32()));
        var lines = File.ReadAllLines(file);
        var header = JsonSerializer.Deserialize<ExportHeader>(lines[0], ApiJson.Options)!;
        Assert.Equal((LogExport.AccessLogFormat, checkpoint.Note, start), (header.Format, header.Checkpoint, header.Selection!.Value.GetProperty("from").GetDateTimeOffset()));
        var events = lines[1..].Select(l => JsonSerializer.Deserialize<ProvenEvent>(l, ApiJson.Options)!).ToList();
        Assert.Equal(records.Take(4).Select(r => r.Sequence), events.Select(e => e.Sequence));
        // Each line's leaf is the one the log holds for that record's event.
        foreach (var e in events)
            Assert.Equal(Read<InclusionProof>(await Get($"/log/inclusion?seq={e.Sequence}&size={checkpoint.Size}")).LeafHash, Convert.ToBase64String(LogStore.LeafHashOf(e.Event)));

        var (verified, result, progress) = Log.AuditCli.Run(null, ["verify", "export", file, .. keys]);
        Assert.True(verified == 0, result.ToString());
        // Progress on stderr, the result alone on stdout.
        Assert.Contains("events verified", progress, StringComparison.Ordinal);
        Assert.Contains("events exported", stderr, StringComparison.Ordinal);
        Assert.Equal((4, checkpoint.Size), (result!.Value.GetProperty("events").GetInt32(), result.Value.GetProperty("treeSize").GetInt64()));

        // One byte of the first record as recorded (its refusal's reason): the line and the record are named.
        var tampered = _dir.PathOf("tampered.ndjson");
        var line = JsonNode.Parse(lines[1])!;
        var text = line["event"]!.GetValue<string>();
        Assert.Contains("\"no-grant\"", text);
        line["event"] = text.Replace("\"no-grant\"", "\"no-grunt\"");
        File.WriteAllLines(tampered, [lines[0], line.ToJsonString(ApiJson.Options), .. lines[2..]]);
        (verified, result, _) = Log.AuditCli.Run(null, ["verify", "export", tampered, .. keys]);
        Assert.Equal((1, 2, records[0].Id.ToString()), (verified, result!.Value.GetProperty("line").GetInt32(), result.Value.GetProperty("record").GetString()));
        Assert.StartsWith($"line 2: access record {records[0].Id}: the event is not leaf", result.Value.GetProperty("reason").GetString());
        // A record left out or repeated is named too, though every remaining line verifies on its own.
        File.WriteAllLines(tampered, [lines[0], lines[1], lines[1], .. lines[3..]]);
        var (repeatedExit, repeated, _) = Log.AuditCli.Run(null, ["verify", "export", tampered, .. keys]);
        Assert.Equal((1, 3), (repeatedExit, repeated!.Value.GetProperty("line").GetInt32()));
        File.WriteAllLines(tampered, lines[..^1]);
        Assert.Equal(1, Log.AuditCli.Run(null, ["verify", "export", tampered, .. keys]).Exit);

        // The shop's key destroyed (crypto-shredding): the records hold no clear personal data, so the export made before still verifies,
        // and so does one made after, with the same records as recorded.
        Assert.True(Read<CatalogHub.Sharing.Holders.HolderErasure>(await Post("/sharing/holders/erase",
            new { holderId = ShopCode, basis = "《中华人民共和国个人信息保护法》第四十七条", reason = "权利人申请删除" }, Admin.Key, 200)).KeyDestroyed);
        var after = await Signed();
        Assert.Equal(0, Log.AuditCli.Run(null, ["verify", "export", file, .. keys]).Exit);
        var again = _dir.PathOf("again.ndjson");
        Assert.Equal(0, Cli([.. period, "--out", again, "--size", after.Size.ToString()]).Exit);
        Assert.Equal(0, Log.AuditCli.Run(null, ["verify", "export", again, .. keys]).Exit);
        var rereads = File.ReadLines(again).Skip(1).Select(l => JsonSerializer.Deserialize<ProvenEvent>(l, ApiJson.Options)!).ToList();
        Assert.Equal(records.Select(r => r.Sequence), rereads.Select(e => e.Sequence));
        Assert.Equal(events.Select(e => e.Event), rereads.Take(4).Select(e => e.Event));
    }

    [Fact]
    public async Task access_log_queries_refuse_hostile_input_with_stable_problems_and_admit_auditors_only()
    {
        AssertProblem(await Get("/sharing/access-log", status: 401), "missing-api-key");
        AssertProblem(await Get("/sharing/access-log/export", Consumer.Key, 403), "missing-role");
        AssertProblem(await Post("/sharing/access-log/search", new { holderId = ShopCode }, Admin.Key, 403), "missing-role");
        // (Another holder's ID than the one Personal_data_in_logs looks for: the host logs every request's URL before any endpoint
        // can refuse it, which is why the hub asks for holder IDs in bodies.)
        AssertProblem(await Get($"/sharing/access-log?holderRef={OtherHolder}", _auditor.Key, 400), "holder-id-in-url", "holderRef");
        AssertProblem(await Get($"/sharing/access-log/export?holderRef={OtherHolder}", _auditor.Key, 400), "holder-id-in-url", "holderRef");
        AssertProblem(await Get("/sharing/access-log/export?size=0", _auditor.Key, 400), "out-of-range", "size");
        AssertProblem(await Post("/sharing/access-log/export", new { holderId = "91411000MA9F3K2L5X" }, _auditor.Key, 400), "invalid-holder-id", "holderId");
        AssertProblem(await Post("/sharing/access-log/export", new { holderId = ShopCode }, Consumer.Key, 403), "missing-role");
        AssertProblem(await Get("/sharing/access-log?holderRef=h_' or 1=1 --", _auditor.Key, 400), "invalid-holder-ref", "holderRef");
        AssertProblem(await Get("/sharing/access-log?outcome=denied", _auditor.Key, 400), "unknown-outcome", "outcome");
        AssertProblem(await Get("/sharing/access-log?after=-1", _auditor.Key, 400), "out-of-range", "after");
        AssertProblem(await Get("/sharing/access-log?after=0&page=2", _auditor.Key, 400), "one-paging", "page");
        AssertProblem(await Get("/sharing/access-log?pageSize=201", _auditor.Key, 400), "out-of-range", "pageSize");
        AssertProblem(await Get($"/sharing/access-log?from={Iso(Now)}&to={Iso(Now.AddDays(-1))}", _auditor.Key, 400), "out-of-range", "to");
        AssertProblem(await Get("/sharing/access-log?from=2026-13-01", _auditor.Key, 400), ProblemCodes.InvalidInstant, "from");
        AssertProblem(await Get("/sharing/access-log?purposeItemId=一次性创业补贴", _auditor.Key, 400), ProblemCodes.InvalidParameter);
        AssertProblem(await Get($"/sharing/access-log?consumerCode={new string('9', 19)}", _auditor.Key, 400), "too-long", "consumerCode");
        AssertProblem(await Get("/sharing/access-log?checkpoint=3", _auditor.Key, 400), "required", "inclusionProofs");
        AssertProblem(await Post("/sharing/access-log/search", new { holderId = "91411000MA9F3K2L5X" }, _auditor.Key, 400), "invalid-holder-id", "holderId");
        AssertProblem(await Post("/sharing/access-log/search", new { holderId = ShopCode, holderRef = "h_" + new string('0', 64) }, _auditor.Key, 400), "one-holder", "holderRef");
        AssertProblem(await Post("/sharing/access-log/search", new { holderName = ShopName }, _auditor.Key, 400), ProblemCodes.MalformedJson);
    }

    /// <summary>The hub's answer inside the CLI's result, without the members the CLI adds (<c>answered</c>, <c>reason</c>).</summary>
    private static T Answer<T>(JsonElement result)
    {
        var answer = JsonNode.Parse(result.GetRawText())!.AsObject();
        answer.Remove("answered");
        answer.Remove("reason");
        return answer.Deserialize<T>(ApiJson.Options)!;
    }

    /// <summary>食品经营许可 published, then five minutes later its revision (含网络经营) published as version 2.</summary>
    private async Task<EntryDraftView> PublishedTwice()
    {
        var entry = await Published(FoodLicence(), effectiveAt: Now.AddMinutes(1));
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Publish(await Submit(await Revise(entry, FoodLicence("食品经营许可（含网络经营）"))), Now.AddMinutes(1));
        return entry;
    }

    private (int Exit, JsonElement Result, string Stderr) Cli(params string[] args)
    {
        var (exit, result, stderr) = Log.AuditCli.Run(Host.Server.CreateHandler(), args);
        return (exit, result ?? default, stderr);
    }

    [Fact]
    public async Task the_cli_asks_the_same_questions_and_exports_the_access_log_exiting_1_on_a_refusal_and_2_on_bad_usage()
    {
        var before = Now;
        var entry = await PublishedTwice();
        await FourReads();
        string[] hub = ["--hub", "http://localhost", "--api-key", _auditor.Key];

        var (exit, version, _) = Cli(["diff", "version", .. hub, "--id", entry.Id.ToString(), "--from", "1", "--to", "2"]);
        Assert.Equal(0, exit);
        Assert.True(version.GetProperty("answered").GetBoolean());
        Assert.Equal("/name", version.GetProperty("changes")[0].GetProperty("path").GetString());
        AssertSameJson(Read<VersionDiff>(await Get($"/catalogue/entries/{entry.Id}/diff?from=1&to=2", _auditor.Key)),
            Answer<VersionDiff>(version));

        var (catalogueExit, catalogue, _) = Cli(["diff", "catalogue", .. hub, "--region", "411000", "--from", before.ToString("O"), "--to", Now.ToString("O")]);
        Assert.Equal(0, catalogueExit);
        var added = Answer<RegionDiff>(catalogue).Added;
        Assert.Equal(["000109008000", "000147011000"], added.Select(a => a.Code));
        Assert.Equal(2, added.Single(a => a.Code == "000147011000").To!.Version);

        var (queryExit, page, _) = Cli(["access-log", "query", .. hub, "--holder-id", ShopCode, "--outcome", "refused"]);
        Assert.Equal(0, queryExit);
        Assert.Equal("no-grant", Assert.Single(Answer<AccessLogPage>(page).Items).ReasonCode);

        var file = _dir.PathOf("access-log.ndjson");
        await Signed();
        var (exportExit, exported, stderr) = Cli(["access-log", "export", .. hub, "--type", FoodTypeCode, "--out", file]);
        Assert.True(exportExit == 0, stderr);
        Assert.Equal((4, 0), (exported.GetProperty("events").GetInt64(), exported.GetProperty("later").GetInt64()));
        Assert.Contains("events exported", stderr, StringComparison.Ordinal);
        var all = Read<AccessLogPage>(await Get("/sharing/access-log", _auditor.Key));
        Assert.Equal(all.Items.Select(r => r.Sequence), File.ReadLines(file).Skip(1).Select(l => JsonSerializer.Deserialize<ProvenEvent>(l, ApiJson.Options)!.Sequence));
        // A holder by clear ID: in the request's body (POST), never in a URL.
        var (holderExit, holder, _) = Cli(["access-log", "export", .. hub, "--holder-id", ShopCode, "--out", _dir.PathOf("shop.ndjson")]);
        Assert.Equal((0, 2), (holderExit, holder.GetProperty("events").GetInt32()));

        var (refusedExit, refused, _) = Cli(["access-log", "query", "--hub", "http://localhost", "--api-key", Consumer.Key]);
        Assert.Equal((1, 403, "missing-role"), (refusedExit, refused.GetProperty("status").GetInt32(), refused.GetProperty("problem").GetProperty("code").GetString()));
        var (badExit, bad, _) = Cli(["access-log", "query", .. hub, "--holder-id", "91411000MA9F3K2L5X"]);
        Assert.Equal((1, "invalid-holder-id"), (badExit, bad.GetProperty("problem").GetProperty("code").GetString()));
        Assert.Equal(2, Cli(["diff", "version", .. hub, "--list", "no-such-list", "--id", entry.Id.ToString(), "--from", "1", "--to", "2"]).Exit);
        Assert.Equal(2, Cli(["diff", "version", .. hub, "--id", entry.Id.ToString(), "--from", "一", "--to", "2"]).Exit);
        Assert.Equal(2, Cli(["diff", "catalogue", "--hub", "ftp://localhost", "--api-key", _auditor.Key, "--region", "411000", "--from", "2026-01-01", "--to", "2026-11-01"]).Exit);
        Assert.Equal(2, Cli(["access-log", "export", "--hub", "http://localhost", "--api-key", "", "--out", file]).Exit);
    }

    [Fact]
    public async Task rebuilding_every_read_model_from_the_events_gives_the_live_state_and_names_a_tampered_row()
    {
        var entry = await PublishedTwice();
        await Repealed(await Published(FoodLicence("食品生产许可") with { ExternalSourceId = "410000-000147012000" }, "000147012000", Now.AddMinutes(1)),
            Now.AddDays(1));
        var (_, reasons) = await FourReads();
        var db = Environment.GetEnvironmentVariable("CATALOGHUB_DB")!;

        var (exit, result, stderr) = Cli("rebuild", "--db", db);
        Assert.True(exit == 0, result.ValueKind == JsonValueKind.Undefined ? stderr : result.ToString());
        Assert.True(result.GetProperty("equal").GetBoolean());
        var compared = result.GetProperty("tablesCompared").EnumerateArray().Select(t => t.GetProperty("table").GetString()).ToList();
        Assert.Contains("mt_doc_access_record", compared);
        Assert.Contains("publication_timeline", compared);
        Assert.Contains("mt_doc_entry_version", compared);
        // The hub's own rebuild ran (its progress line on stderr shows only if the console refreshes while it runs: not asserted):
        // each projection timed, the publications' records in their one pass, then the indexes it dropped created again.
        var seconds = result.GetProperty("seconds");
        Assert.True(seconds.TryGetProperty("entry_item", out _), seconds.ToString());
        Assert.True(seconds.TryGetProperty(ReadModelRebuild.Records, out _), seconds.ToString());
        Assert.True(seconds.TryGetProperty(ReadModelRebuild.Indexes, out _), seconds.ToString());

        // A read model edited behind the events' back: an allowed read made to look refused.
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand("update cataloghub.mt_doc_access_record set data = jsonb_set(data, '{outcome}', '\"refused\"') where data->>'outcome' = 'allowed'");
            await session.SaveChangesAsync();
        }
        var (tamperedExit, tampered, _) = Cli("rebuild", "--db", db);
        Assert.Equal(1, tamperedExit);
        Assert.False(tampered.GetProperty("equal").GetBoolean());
        Assert.Equal("mt_doc_access_record", tampered.GetProperty("firstDifference").GetProperty("table").GetString());
        Assert.Equal(2, reasons.Count(r => r is null));
        // A database that does not answer (nothing listens on 5329 here) is a usage error, as for verify store.
        Assert.Equal(2, Cli("rebuild", "--db", "Host=127.0.0.1;Port=5329;Username=postgres;Database=cataloghub;Timeout=3").Exit);
        // No scratch database is left behind.
        await using var check = Store.QuerySession();
        Assert.Equal(0, (await check.AdvancedSql.QueryAsync<long>("select count(*) from pg_database where datname like '%\\_rebuild\\_%'", CancellationToken.None)).Single());
    }

    /// <summary>
    /// A block of docs/verify-offline.md that asks the hub, run in-process against this test's hub as written but for its
    /// variables (<c>"$API"</c>, <c>"$ENTRY"</c>, …) and the output file's directory; the key from the environment, as the doc says.
    /// </summary>
    private List<(int Exit, JsonElement Result, string Stderr)> Documented(string block, IReadOnlyDictionary<string, string> variables)
    {
        var results = new List<(int, JsonElement, string)>();
        Environment.SetEnvironmentVariable(CatalogHub.AuditCli.AuditCommands.ApiKeySetting, _auditor.Key);
        try
        {
            foreach (var line in Offline_verification.Block(block).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(w => variables.Aggregate(w, (word, v) => word.Replace($"\"${v.Key}\"", v.Value)))
                    .Select(w => w.EndsWith(".ndjson", StringComparison.Ordinal) ? _dir.PathOf(w) : w).ToArray();
                Assert.Equal("cataloghub-audit", words[0]);
                results.Add(Cli(words[1..]));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(CatalogHub.AuditCli.AuditCommands.ApiKeySetting, null);
        }
        return results;
    }

    [Fact]
    public async Task the_documented_auditor_commands_run_as_written()
    {
        var from = Now;
        var entry = await PublishedTwice();
        await FourReads();
        await Signed();
        Clock.Advance(TimeSpan.FromMinutes(5));
        var variables = new Dictionary<string, string> { ["API"] = "http://localhost", ["ENTRY"] = entry.Id.ToString(), ["FROM"] = from.ToString("O"), ["TO"] = Now.ToString("O") };

        var version = Assert.Single(Documented("diff-version", variables));
        Assert.True(version.Exit == 0, version.Stderr);
        Assert.Equal("/name", Answer<VersionDiff>(version.Result).Changes.Single().Path);
        var catalogue = Assert.Single(Documented("diff-catalogue", variables));
        Assert.True(catalogue.Exit == 0, catalogue.Stderr);
        Assert.Equal(2, Answer<RegionDiff>(catalogue.Result).Added.Count);
        var (query, export) = Documented("access-log", variables) switch { [var q, var e] => (q, e), var other => throw new InvalidOperationException($"{other.Count} commands") };
        Assert.Equal((0, "no-grant"), (query.Exit, Answer<AccessLogPage>(query.Result).Items.Single().ReasonCode));
        Assert.True(export.Exit == 0, export.Stderr);
        Assert.Equal(5, File.ReadLines(_dir.PathOf("access-log.ndjson")).Count());

        // The access log's verification and the rebuild block through bash, with the CLI this test project builds under the name the doc uses.
        var cli = $"cataloghub-audit() {{ dotnet '{Path.Combine(AppContext.BaseDirectory, "cataloghub-audit.dll")}' \"$@\"; }}\n";
        File.WriteAllText(_dir.PathOf("keys.txt"), (await Get("/log/keys")).ReadAsText());
        var (verified, said) = Offline_verification.Run(cli + Offline_verification.Block("verify-access-log"), _dir.PathOf(""));
        Assert.True(verified == 0, said);
        Assert.Contains("\"events\": 4", said);
        var (exit, output) = Offline_verification.Run(cli + Offline_verification.Block("rebuild"), _dir.PathOf(""));
        Assert.True(exit == 0, output);
        Assert.Contains("\"equal\": true", output);
    }

    private static JsonElement Json(string text) => JsonSerializer.SerializeToElement(text);
}
