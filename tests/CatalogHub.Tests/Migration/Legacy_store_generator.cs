using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;
using CatalogHub.Sharing.Licences;
using CatalogHub.Sharing.LicenceTypes;
using CatalogHub.Tests.ImplementationLists;
using CatalogHub.Tests.Sharing;
using CatalogHub.Tests.Support;
using Npgsql;

namespace CatalogHub.Tests.Migration;

/// <summary>
/// Writes <c>Migration/Legacy/</c>: a store written by the code of this commit — the licence catalogue, the base
/// catalogue and implementation lists on their own modules, before they move onto the list registry — and the answers
/// this commit's endpoints give for it. <see cref="Legacy_store"/> loads it into a fresh database and checks that the
/// code of every later commit still answers the same. Runs only when asked: the store must come from this commit's code,
/// so the files are written once and committed (<c>CATALOGHUB_WRITE_LEGACY_STORE=1</c>, see Legacy/README.md).
/// </summary>
public sealed class Legacy_store_generator(AppFixture fixture) : SharingContext(fixture)
{
    private readonly List<LegacyAnswer> _answers = [];
    private readonly Dictionary<string, string> _keys = [];

    [SkippableFact]
    public async Task writes_the_legacy_store_and_its_answers_when_asked()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("CATALOGHUB_WRITE_LEGACY_STORE") == "1", "writes the legacy store only when asked");
        _keys["admin"] = Admin.Key;
        _keys["market"] = Market.Key;
        _keys["health"] = Health.Key;
        _keys["consumer"] = Consumer.Key;
        _keys["auditor"] = (await Register(TestDepartments.Audit)).Key;

        // The licence catalogue: 食品经营许可证 in two versions and an open draft of a third; 药品经营许可证 published and
        // repealed; a withdrawn draft whose code is free again.
        var t0 = Now;
        var food = await PublishedLicenceType(effectiveAt: t0.AddHours(1));
        Clock.Advance(TimeSpan.FromMinutes(10));
        var revised = Read<LicenceTypeDraftView>(await Put($"/sharing/licence-types/{food.Id}/draft",
            new { content = FoodLicenceType("食品经营许可证（2026年版）"), reason = "按新版证照样式调整" }, Market.Key, 200, ETag(food.Version)));
        var submitted = Read<LicenceTypeDraftView>(await Post($"/sharing/licence-types/{food.Id}/submit", new { reason = "提交审核" }, Market.Key, 200, ETag(revised.Version)));
        var foodV2 = Read<LicenceTypeDraftView>(await Post($"/sharing/licence-types/{food.Id}/publish",
            new { effectiveAt = t0.AddDays(2), note = "启用2026年版证照", reason = "经审核同意公布" }, Admin.Key, 200, ETag(submitted.Version)));
        await Put($"/sharing/licence-types/{food.Id}/draft", new { content = FoodLicenceType("食品经营许可证（2027年版）"), reason = "拟调整证照样式" },
            Market.Key, 200, ETag(foodV2.Version));

        var drug = await PublishedLicenceType(DrugLicenceType(), "YPJYXK", t0.AddHours(1), Health.Key);
        Clock.Advance(TimeSpan.FromMinutes(10));
        await Post($"/sharing/licence-types/{drug.Id}/repeal",
            new { effectiveAt = t0.AddDays(3), basis = "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》", reason = "证照整合" },
            Admin.Key, 200, ETag(drug.Version));

        var withdrawn = await DraftLicenceType(FoodLicenceType("小作坊登记证"), "XZFDJZ");
        await Post($"/sharing/licence-types/{withdrawn.Id}/withdraw", new { reason = "编制有误，撤回" }, Market.Key, 200, ETag(withdrawn.Version));

        // The base catalogue and an implementation list: 食品经营许可 in two versions with its service guide, and a repealed item.
        var entry = await Published(effectiveAt: t0.AddHours(1));
        Clock.Advance(TimeSpan.FromMinutes(10));
        var entryV2 = await Publish(await Submit(await Revise(entry, FoodLicence("食品经营许可（含仅销售预包装食品备案）"))), t0.AddDays(2));
        var list = Read<ImplementationListDraftView>(await Post("/implementation-lists",
            ImplementationListContext.DraftListOf(entry.Id, ImplementationListContext.FoodGuide()), Market.Key, 201));
        list = Read<ImplementationListDraftView>(await Post($"/implementation-lists/{list.Id}/submit", new { reason = "提交审核" }, Market.Key, 200, ETag(list.Version)));
        list = Read<ImplementationListDraftView>(await Post($"/implementation-lists/{list.Id}/publish",
            new { effectiveAt = t0.AddHours(2), note = "按条例公布实施清单", reason = "经审核同意公布" }, Admin.Key, 200, ETag(list.Version)));
        var subsidy = await Published(SubsidyItem(), "000109008000", t0.AddHours(1));
        var repealed = await Published(FoodLicence("食品小作坊登记"), "000147099000", t0.AddHours(1));
        Clock.Advance(TimeSpan.FromMinutes(10));
        await Post($"/catalogue/entries/{repealed.Id}/repeal",
            new { effectiveAt = t0.AddDays(1), basis = "《河南省食品小作坊、小摊点及食品小经营店管理条例》修正", reason = "事项调整" }, Admin.Key, 200, ETag(repealed.Version));

        // A licence of the type, issued and read under a grant, so licence reads depend on the type's documents.
        Clock.Advance(TimeSpan.FromHours(2));
        var seal = TestSeal.Sm2();
        var sealView = await RegisterSeal(seal);
        var licence = await Issue(Signed(FoodLicenceContent(), seal, sealView.Id));
        await GrantReads(subsidy.Id);
        await Post("/sharing/reads", new { holderId = ShopCode, typeCode = FoodTypeCode, purposeItemId = subsidy.Id, fields = new[] { "licenceNumber", "premises" } },
            Consumer.Key, 200);

        // What a client asks of that store, recorded as this commit answers it.
        var instants = new[] { t0.AddMinutes(59), t0.AddHours(1), t0.AddDays(2).AddSeconds(-1), t0.AddDays(2), t0.AddDays(3), t0.AddDays(4) };
        foreach (var at in instants)
        {
            foreach (var id in new[] { food.Id, drug.Id })
                await Record($"/sharing/licence-types/{id}?asOf={Iso(at)}", null);
            foreach (var id in new[] { entry.Id, repealed.Id })
                await Record($"/catalogue/entries/{id}?asOf={Iso(at)}", null);
            await Record($"/implementation-lists/{list.Id}?asOf={Iso(at)}", null);
            await Record($"/regions/411000/catalogue?asOf={Iso(at)}", null);
        }
        foreach (var (id, key) in new[] { (food.Id, "market"), (drug.Id, "health"), (withdrawn.Id, "market") })
            await Record($"/sharing/licence-types/{id}/draft", key);
        await Record($"/catalogue/entries/{entry.Id}/draft", "market");
        await Record($"/catalogue/entries/{entry.Id}/versions", null);
        await Record($"/catalogue/entries/{entry.Id}/versions/1", null);
        await Record($"/catalogue/entries/{entry.Id}/history", "admin");
        await Record($"/catalogue/entries/{repealed.Id}/history", "admin");
        await Record($"/implementation-lists/{list.Id}/draft", "market");
        await Record($"/implementation-lists/{list.Id}/versions", null);
        await Record($"/implementation-lists/{list.Id}/history", "admin");
        await Record("/feed?limit=200", "admin");
        await Record($"/sharing/licences/{licence.Id}?asOf={Iso(t0.AddDays(4))}", "market");
        await Record("/sharing/access-log", "auditor");
        foreach (var at in new[] { t0.AddHours(2), t0.AddDays(2) })
            await RecordPost("/basis-check", new
            {
                regionCode = "411000", itemCode = "000147011000", asOf = at,
                materials = new[] { new { name = "食品经营许可申请书" }, new { name = "营业执照复印件" } },
            }, "market");

        var folder = Path.Combine(SourceFolder(), "Legacy");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "answers.json"), JsonSerializer.Serialize(_answers, Indented));
        await File.WriteAllTextAsync(Path.Combine(folder, "keys.json"), JsonSerializer.Serialize(_keys, Indented));
        await File.WriteAllTextAsync(Path.Combine(folder, "store.sql"), await Dump());
        Assert.NotEmpty(_answers);
    }

    /// <summary>药品经营许可证: a second issuer's type, to be repealed.</summary>
    private static LicenceTypeContent DrugLicenceType() => new("药品经营许可证", CatalogHub.Sharing.LicenceTypes.HolderKind.Organisation,
        JsonDocument.Parse("""
            {"type":"object","additionalProperties":false,"required":["licenceNumber","scope"],
             "properties":{"licenceNumber":{"type":"string"},"scope":{"type":"string"},"warehouse":{"type":"string"}}}
            """).RootElement);

    private async Task Record(string url, string? key)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            if (key is not null) s.WithRequestHeader("Authorization", "ApiKey " + _keys[key]);
            s.IgnoreStatusCode();
        });
        _answers.Add(new LegacyAnswer("GET", url, key, null, result.Context.Response.StatusCode, JsonNode.Parse(result.ReadAsText())));
    }

    private async Task RecordPost(string url, object body, string key)
    {
        var json = JsonSerializer.SerializeToNode(body, CatalogHub.Platform.ApiJson.Options);
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithRequestHeader("Authorization", "ApiKey " + _keys[key]);
            s.IgnoreStatusCode();
        });
        _answers.Add(new LegacyAnswer("POST", url, key, json, result.Context.Response.StatusCode, JsonNode.Parse(result.ReadAsText())));
    }

    /// <summary>The hub's schema as INSERT statements, so a test can load it through Npgsql without psql.</summary>
    private static async Task<string> Dump()
    {
        var db = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("CATALOGHUB_DB"));
        var dump = Process.Start(new ProcessStartInfo("/usr/lib/postgresql/15/bin/pg_dump",
            ["-h", db.Host!, "-p", db.Port.ToString(), "-U", db.Username ?? "postgres", "-d", db.Database!, "--schema=cataloghub",
             "--inserts", "--no-owner", "--no-privileges", "--no-comments", "--exclude-table-data=cataloghub.wolverine*"])
        { RedirectStandardOutput = true })!;
        var sql = await dump.StandardOutput.ReadToEndAsync();
        await dump.WaitForExitAsync();
        Assert.Equal(0, dump.ExitCode);
        // pg_dump's psql meta-commands (\\restrict) are not SQL.
        return string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith('\\')));
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static readonly JsonSerializerOptions Indented = new(CatalogHub.Platform.ApiJson.Options) { WriteIndented = true };
}

/// <summary>One request of the legacy store's client and what the code that wrote the store answered.</summary>
public sealed record LegacyAnswer(string Method, string Url, string? Key, JsonNode? Body, int Status, JsonNode? Answer);
