using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;
using CatalogHub.Publication.Lists;

namespace CatalogHub.Export;

/// <summary>A JSON-LD document: its embedded context (prefix → namespace IRI) and its nodes.</summary>
public sealed record CpsvApCatalogue(
    [property: JsonPropertyName("@context")] IReadOnlyDictionary<string, string> Context,
    [property: JsonPropertyName("@graph")] IReadOnlyList<JsonElement> Graph);

/// <summary>
/// A region's published catalogue as one JSON-LD document in the EU Core Public Service Vocabulary Application Profile
/// 3.2.0 (CPSV-AP): each base catalogue entry a <c>cpsv:PublicService</c>, enriched from the implementation list in force
/// for its item, if any. The <c>@context</c> is embedded (prefixes only), so the document is read without fetching anything.
/// What CPSV-AP cannot say (statutory vs promised limit, versions, effective times, citations, the material's form and
/// copies) is said with properties of the CatalogHub namespace <see cref="Ns"/>; node IRIs live under <see cref="Ids"/>.
/// </summary>
public sealed class CpsvApDocument
{
    /// <summary>The CatalogHub extension vocabulary (documented in docs/cpsv-ap.md).</summary>
    public const string Ns = "https://cataloghub.example.gov.cn/ns#";
    /// <summary>The base of the exported resources' IRIs: stable for the same region, item code, name or code value.</summary>
    public const string Ids = "https://cataloghub.example.gov.cn/id/";
    /// <summary>Chinese in the EU Publications Office language authority table.</summary>
    public const string Chinese = "http://publications.europa.eu/resource/authority/language/ZHO";
    public const string Yuan = "http://publications.europa.eu/resource/authority/currency/CNY";

    private static readonly Dictionary<string, string> Context = new()
    {
        ["cpsv"] = "http://purl.org/vocab/cpsv#",
        ["cv"] = "http://data.europa.eu/m8g/",
        ["dct"] = "http://purl.org/dc/terms/",
        ["eli"] = "http://data.europa.eu/eli/ontology#",
        ["skos"] = "http://www.w3.org/2004/02/skos/core#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["chub"] = Ns,
    };

    // Shared nodes (authorities, laws, places, concepts) appear once, however many services refer to them.
    private readonly Dictionary<string, JsonObject> _shared = [];
    private readonly List<JsonObject> _graph = [];

    public static CpsvApCatalogue Of(string regionCode, Clocks clocks, IEnumerable<ItemVersion<EntryContent>> entries,
        IReadOnlyDictionary<string, ItemVersion<ImplementationListContent>> listsByItemCode)
    {
        var document = new CpsvApDocument();
        document._graph.Add(new JsonObject
        {
            ["@id"] = $"{Ids}catalogue/{regionCode}",
            ["@type"] = "chub:CatalogueExport",
            ["chub:region"] = document.Region(regionCode),
            ["chub:asOf"] = DateTime(clocks.AsOf),
            ["chub:knownAt"] = DateTime(clocks.KnownAt),
        });
        foreach (var entry in entries)
            document._graph.Add(document.Service(entry, listsByItemCode.GetValueOrDefault(entry.Code)));
        foreach (var node in document._shared.Values) document._graph.Add(node);
        return new CpsvApCatalogue(Context, [.. document._graph.Select(n => JsonSerializer.SerializeToElement(n, ApiJson.Options))]);
    }

    private JsonObject Service(ItemVersion<EntryContent> entry, ItemVersion<ImplementationListContent>? list)
    {
        var id = $"{Ids}service/{entry.RegionCode}/{entry.Code}";
        var c = entry.Content;
        var service = new JsonObject
        {
            ["@id"] = id,
            ["@type"] = "cpsv:PublicService",
            ["dct:identifier"] = entry.Code,
            ["dct:title"] = Zh(c.Name),
            // The catalogue holds no prose description; this one is composed from the entry's own fields.
            ["dct:description"] = Zh($"{c.Name}（{c.Category}），主管部门：{c.CompetentDepartment}，实施机构：{c.ImplementingAuthority}。"),
            ["dct:language"] = Shared(Chinese, () => new JsonObject { ["@type"] = "dct:LinguisticSystem", ["skos:prefLabel"] = Zh("中文") }),
            ["dct:spatial"] = Region(entry.RegionCode),
            ["cv:isClassifiedBy"] = Concept("category", c.Category),
            ["cv:hasCompetentAuthority"] = Organisation(c.CompetentDepartment, entry.RegionCode),
            ["cv:hasParticipation"] = new JsonObject
            {
                ["@id"] = $"{id}/participation/implementing-authority",
                ["@type"] = "cv:Participation",
                ["dct:identifier"] = $"{entry.Code}-implementing-authority",
                ["dct:description"] = Zh($"{c.ImplementingAuthority}是本事项的实施机构"),
                ["cv:role"] = Concept("role", "实施机构"),
                ["cv:hasParticipant"] = Organisation(c.ImplementingAuthority, entry.RegionCode),
            },
            ["cv:hasLegalResource"] = new JsonArray([.. c.LegalBases.Select(LegalResource)]),
            ["chub:version"] = entry.Version,
            ["chub:effectiveAt"] = DateTime(entry.EffectiveAt),
            ["chub:publishedAt"] = DateTime(entry.PublishedAt),
            ["chub:citation"] = Citation(entry.Citation),
        };
        if (c.ExternalSourceId is not null) service["chub:externalSourceId"] = c.ExternalSourceId;
        if (list is not null) Enrich(service, id, list);
        return service;
    }

    /// <summary>What the implementation list (办事指南) in force adds: materials, fees, channels, result, time limits.</summary>
    private void Enrich(JsonObject service, string id, ItemVersion<ImplementationListContent> list)
    {
        var c = list.Content;
        JsonArray requirements = [], evidence = [];
        foreach (var (material, i) in c.Materials.Select((m, i) => (m, i + 1)))
        {
            var evidenceId = $"{id}/evidence/{i}";
            var item = new JsonObject
            {
                ["@id"] = evidenceId,
                ["@type"] = "cv:Evidence",
                ["dct:identifier"] = $"{list.Code}-material-{i}",
                ["dct:title"] = Zh(material.Name),
                ["dct:language"] = new JsonObject { ["@id"] = Chinese },
                ["chub:required"] = material.Required,
                ["chub:copies"] = material.Copies,
            };
            if (material.Source is { } source) item["dct:type"] = Concept("material-source", CodeOf(source));
            if (material.Form is { } form) item["chub:materialForm"] = Concept("material-form", CodeOf(form));
            if (material.LicenceTypeCode is not null) item["chub:licenceType"] = material.LicenceTypeCode;
            if (material.ProofItemId is { } proof) item["chub:proofItem"] = new JsonObject { ["@id"] = $"{Ids}proof-item/{proof}" };
            evidence.Add(item);
            requirements.Add(new JsonObject
            {
                ["@id"] = $"{id}/requirement/{i}",
                ["@type"] = "cv:Requirement",
                ["dct:identifier"] = $"{list.Code}-requirement-{i}",
                ["dct:title"] = Zh($"提交{material.Name}"),
                ["cv:hasSupportingEvidence"] = new JsonObject { ["@id"] = evidenceId },
            });
        }
        service["cpsv:hasInput"] = evidence;
        service["cv:holdsRequirement"] = requirements;
        service["cv:hasCost"] = c.Free
            ? new JsonArray(new JsonObject
            {
                ["@id"] = $"{id}/cost/free",
                ["@type"] = "cv:Cost",
                ["dct:identifier"] = $"{list.Code}-cost-free",
                ["dct:description"] = Zh("不收费"),
                ["cv:hasValue"] = new JsonObject { ["@value"] = "0.0E0", ["@type"] = "xsd:double" },
                ["cv:currency"] = Shared(Yuan, () => new JsonObject { ["@type"] = "skos:Concept", ["skos:prefLabel"] = Zh("人民币") }),
            })
            : new JsonArray([.. c.Fees.Select((fee, i) => Cost(id, list.Code, fee, i + 1))]);
        service["cv:hasChannel"] = new JsonArray([.. c.Channels.Select((channel, i) => (JsonNode)new JsonObject
        {
            ["@id"] = $"{id}/channel/{i + 1}",
            ["@type"] = "cv:Channel",
            ["dct:identifier"] = $"{list.Code}-channel-{i + 1}",
            ["dct:description"] = Zh(channel),
        })]);
        service["cpsv:produces"] = new JsonObject
        {
            ["@id"] = $"{id}/output",
            ["@type"] = "cv:Output",
            ["dct:identifier"] = $"{list.Code}-output",
            ["dct:title"] = Zh(c.Result),
        };
        // cv:processingTime is the promised limit, counted in working days (工作日) as both limits are.
        service["cv:processingTime"] = new JsonObject { ["@value"] = $"P{c.PromisedLimitDays}D", ["@type"] = "xsd:duration" };
        service["chub:processingTimeUnit"] = Concept("time-unit", "工作日");
        service["chub:promisedLimitWorkingDays"] = c.PromisedLimitDays;
        service["chub:statutoryLimitWorkingDays"] = c.StatutoryLimitDays;
        service["chub:implementationListVersion"] = list.Version;
        service["chub:implementationListEffectiveAt"] = DateTime(list.EffectiveAt);
        service["chub:implementationListCitation"] = Citation(list.Citation);
    }

    private JsonObject Cost(string serviceId, string itemCode, Fee fee, int n)
    {
        var cost = new JsonObject
        {
            ["@id"] = $"{serviceId}/cost/{n}",
            ["@type"] = "cv:Cost",
            ["dct:identifier"] = $"{itemCode}-cost-{n}",
            ["dct:description"] = Zh(fee.Standard is null ? fee.Name : $"{fee.Name}：{fee.Standard}"),
            ["cv:currency"] = Shared(Yuan, () => new JsonObject { ["@type"] = "skos:Concept", ["skos:prefLabel"] = Zh("人民币") }),
        };
        if (fee.Standard is not null) cost["chub:feeStandard"] = Zh(fee.Standard);
        if (fee.Basis is not null) cost["chub:legalBasis"] = LegalResource(fee.Basis);
        return cost;
    }

    private JsonObject LegalResource(LegalBasis basis) =>
        Shared($"{Ids}legal-resource/{Escape(basis.Title)}/{Escape(basis.Article)}", () => new JsonObject
        {
            ["@type"] = "eli:LegalResource",
            ["dct:title"] = Zh($"《{basis.Title}》{basis.Article}"),
            ["chub:lawTitle"] = Zh(basis.Title),
            ["chub:article"] = Zh(basis.Article),
            ["chub:legalLevel"] = Concept("legal-level", basis.Level),
        });

    private JsonObject Organisation(string name, string regionCode) =>
        Shared($"{Ids}organisation/{regionCode}/{Escape(name)}", () => new JsonObject
        {
            // Also a foaf:Agent, so it may take part in a cv:Participation (whose participant must be an agent).
            ["@type"] = new JsonArray("cv:PublicOrganisation", "http://xmlns.com/foaf/0.1/Agent"),
            ["dct:identifier"] = $"{regionCode}:{name}",
            ["dct:title"] = Zh(name),
            ["skos:prefLabel"] = Zh(name),
            ["dct:spatial"] = Region(regionCode),
        });

    private JsonObject Region(string code) =>
        Shared($"{Ids}region/{code}", () => new JsonObject
        {
            ["@type"] = "dct:Location",
            ["dct:identifier"] = code,
            ["skos:prefLabel"] = Zh(RegionCode.Name(code) ?? code),
        });

    private JsonObject Concept(string scheme, string value) =>
        Shared($"{Ids}concept/{scheme}/{Escape(value)}", () => new JsonObject
        {
            ["@type"] = "skos:Concept",
            ["skos:prefLabel"] = Zh(value),
        });

    /// <summary>A reference to the node with this IRI, declared (with <paramref name="declare"/>'s content) once in the graph.</summary>
    private JsonObject Shared(string iri, Func<JsonObject> declare)
    {
        if (!_shared.ContainsKey(iri))
        {
            var node = declare();
            node.Insert(0, "@id", iri);
            _shared[iri] = node;
        }
        return new JsonObject { ["@id"] = iri };
    }

    private static JsonObject Citation(Citation c) => new()
    {
        ["@type"] = "chub:Citation",
        ["chub:list"] = c.List,
        ["chub:id"] = c.Id.ToString(),
        ["chub:version"] = c.Version,
        ["chub:publishedAt"] = DateTime(c.PublishedAt),
        ["chub:effectiveAt"] = DateTime(c.EffectiveAt),
        ["chub:sequence"] = c.Sequence,
    };

    private static JsonObject Zh(string text) => new() { ["@value"] = text, ["@language"] = "zh" };

    private static JsonObject DateTime(DateTimeOffset t) =>
        new() { ["@value"] = t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture), ["@type"] = "xsd:dateTime" };

    /// <summary>The code an enum value has in the API's JSON (e.g. <c>e-licence</c>).</summary>
    private static string CodeOf<T>(T value) where T : struct, Enum => System.Text.Json.JsonSerializer.Serialize(value).Trim('"');

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
