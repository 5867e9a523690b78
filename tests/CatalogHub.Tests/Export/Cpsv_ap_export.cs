using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Catalogue;
using CatalogHub.Export;
using CatalogHub.ImplementationLists;
using CatalogHub.Tests.ImplementationLists;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Export;

/// <summary>
/// The CPSV-AP 3.2.0 export of 许昌市's catalogue, checked by a SHACL engine no one here wrote (rdf-validate-shacl, run by
/// tools/shacl/validate.mjs) against the official shapes kept in Export/Shapes; and three defects the same engine must reject.
/// </summary>
public sealed class Cpsv_ap_export(AppFixture fixture) : ImplementationListContext(fixture)
{
    private const string Service = CpsvApDocument.Ids + "service/411000/000147011000";

    /// <summary>特种设备使用登记: a second item of the city, with a fee, so that costs with a legal basis are exported too.</summary>
    private static EntryContent EquipmentRegistration() => new(
        "特种设备使用登记", "行政许可", "许昌市市场监督管理局", "许昌市特种设备安全监察中心",
        [new LegalBasis("中华人民共和国特种设备安全法", "法律", "第三十三条")], "410000-000147012000");

    private static ImplementationListContent EquipmentGuide() => FoodGuide() with
    {
        Materials = [Applicant("特种设备使用登记表"), new("营业执照", true, MaterialForm.Electronic, 1, MaterialSource.ELicence, BusinessLicenceType)],
        StatutoryLimitDays = 15,
        PromisedLimitDays = 3,
        Result = "特种设备使用登记证",
        Free = false,
        Fees = [new Fee("特种设备使用登记证工本费", "每证10元", new LegalBasis("河南省行政事业性收费目录清单", "规范性文件", "第十二项"))],
    };

    /// <summary>Two items in force, each with its implementation list, exported at an instant both are in force.</summary>
    private async Task<JsonObject> ExportOfTwoItems()
    {
        var effective = Now.AddMinutes(5);
        await PublishedGuide(effective);
        var equipment = await Published(EquipmentRegistration(), "000147012000", effective);
        await PublishList(await SubmitList(await DraftList(equipment.Id, EquipmentGuide())), effective);
        var result = await Get($"/regions/411000/catalogue.jsonld?asOf={Iso(effective)}");
        Assert.Equal(GetCpsvApCatalogueEndpoint.ContentType, result.Context.Response.ContentType?.Split(';')[0]);
        return JsonNode.Parse(result.ReadAsText())!.AsObject();
    }

    [Fact]
    public async Task the_export_of_a_region_conforms_to_the_official_cpsv_ap_shapes()
    {
        var document = await ExportOfTwoItems();

        var (conforms, report) = await Validate(document);
        Assert.True(conforms, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        // What the engine cannot judge: that the content is the catalogue's.
        var food = Node(document, Service);
        Assert.Equal("000147011000", (string?)food["dct:identifier"]);
        Assert.Equal("食品经营许可", (string?)food["dct:title"]!["@value"]);
        Assert.Equal("zh", (string?)food["dct:title"]!["@language"]);
        Assert.Equal("P5D", (string?)food["cv:processingTime"]!["@value"]);
        Assert.Equal((5, 20), ((int)food["chub:promisedLimitWorkingDays"]!, (int)food["chub:statutoryLimitWorkingDays"]!));
        Assert.Equal(6, food["cpsv:hasInput"]!.AsArray().Count);
        Assert.Equal(CpsvApDocument.Ids + "organisation/411000/" + Uri.EscapeDataString("许昌市市场监督管理局"),
            (string?)food["cv:hasCompetentAuthority"]!["@id"]);
        var cost = Node(document, CpsvApDocument.Ids + "service/411000/000147012000")["cv:hasCost"]!.AsArray().Single()!;
        Assert.Equal("特种设备使用登记证工本费：每证10元", (string?)cost["dct:description"]!["@value"]);
    }

    [Fact]
    public async Task the_export_holds_what_is_in_force_at_as_of_and_refuses_bad_regions_and_instants_as_the_catalogue_read_does()
    {
        var later = Now.AddDays(10);
        await PublishedGuide(later);

        var before = JsonNode.Parse((await Get($"/regions/411000/catalogue.jsonld?asOf={Iso(later.AddSeconds(-1))}")).ReadAsText())!;
        Assert.DoesNotContain(before["@graph"]!.AsArray(), n => (string?)n!["@type"] == "cpsv:PublicService");
        var after = JsonNode.Parse((await Get($"/regions/411000/catalogue.jsonld?asOf={Iso(later)}")).ReadAsText())!.AsObject();
        Assert.Equal("P5D", (string?)Node(after, Service)["cv:processingTime"]!["@value"]);

        AssertProblem(await Get("/regions/419999/catalogue.jsonld", status: 404), "unknown-region", "regionCode");
        AssertProblem(await Get("/regions/411000/catalogue?asOf=not-an-instant", status: 400), "invalid-instant", "asOf");
        AssertProblem(await Get("/regions/411000/catalogue.jsonld?asOf=not-an-instant", status: 400), "invalid-instant", "asOf");
        AssertProblem(await Get("/regions/41100X/catalogue.jsonld", status: 400), "invalid-region-code", "regionCode");
    }

    [Fact]
    public async Task a_title_without_a_language_tag_is_rejected_by_the_shapes()
    {
        var document = await ExportOfTwoItems();
        Node(document, Service)["dct:title"] = "食品经营许可";

        var (conforms, report) = await Validate(document);

        Assert.False(conforms);
        AssertViolation(report, Service, "http://purl.org/dc/terms/title", "DatatypeConstraintComponent");
    }

    [Fact]
    public async Task a_service_without_a_competent_authority_is_rejected_by_the_shapes()
    {
        var document = await ExportOfTwoItems();
        Node(document, Service).Remove("cv:hasCompetentAuthority");

        var (conforms, report) = await Validate(document);

        Assert.False(conforms);
        AssertViolation(report, Service, "http://data.europa.eu/m8g/hasCompetentAuthority", "MinCountConstraintComponent");
    }

    [Fact]
    public async Task a_code_list_value_not_declared_a_concept_is_rejected_by_the_shapes()
    {
        var document = await ExportOfTwoItems();
        var category = (string)Node(document, Service)["cv:isClassifiedBy"]!["@id"]!;
        Node(document, category).Remove("@type");

        var (conforms, report) = await Validate(document);

        Assert.False(conforms);
        AssertViolation(report, Service, "http://data.europa.eu/m8g/isClassifiedBy", "ClassConstraintComponent");
    }

    private static JsonObject Node(JsonObject document, string id) =>
        document["@graph"]!.AsArray().Single(n => (string?)n!["@id"] == id)!.AsObject();

    private static void AssertViolation(JsonObject report, string focusNode, string path, string constraint) =>
        Assert.Contains(report["results"]!.AsArray(), r =>
            (string?)r!["focusNode"] == focusNode && (string?)r["path"] == path
            && ((string?)r["constraint"])?.EndsWith("#" + constraint, StringComparison.Ordinal) == true);

    /// <summary>Runs the SHACL engine on the document; its exit code says whether it conforms, its output is the report.</summary>
    private static async Task<(bool Conforms, JsonObject Report)> Validate(JsonObject document)
    {
        var root = RepositoryFolder.Root;
        var validator = Path.Combine(root, "tools", "shacl");
        if (!Directory.Exists(Path.Combine(validator, "node_modules")))
            throw new InvalidOperationException("tools/shacl is not installed: run `npm ci --prefix tools/shacl` (scripts/test.sh does).");
        var file = Path.Combine(Path.GetTempPath(), $"cataloghub-cpsv-{Guid.NewGuid():N}.jsonld");
        await File.WriteAllTextAsync(file, document.ToJsonString());
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(validator, "validate.mjs"),
                Path.Combine(root, "tests", "CatalogHub.Tests", "Export", "Shapes", "cpsv-ap-SHACL.ttl"), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            Assert.True(node.ExitCode is 0 or 1, $"the validator failed ({node.ExitCode}): {await errors}");
            return (node.ExitCode == 0, JsonNode.Parse(await output)!.AsObject());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
