using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Demo;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CatalogHub.Platform;

/// <summary>
/// Gives every request body and response that has no example of its own (the lists' draft bodies and the problems have
/// theirs) one composed from its schema, with the domain's real values by member name: 许昌市 (411000), its departments'
/// unified social credit codes, the item 食品经营许可 (000147011000), Chinese legal bases. Composed from the schema, the
/// example has its shape by construction; the linters in <c>make test</c> check that it validates, so a schema change
/// that this table does not follow fails there rather than in an integrator's hands.
/// </summary>
public sealed class OpenApiExamples : IDocumentFilter
{
    private const int MaxDepth = 6;

    /// <summary>Text members by name, as the demo data and the walkthrough in README.md have them.</summary>
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["regionCode"] = "411000",
        ["parentRegionCode"] = "410000",
        ["itemCode"] = "000147011000",
        ["reason"] = "依据《许昌市政务服务条例》第十三条编制基本目录",
        ["note"] = "首次公布",
        ["name"] = "食品经营许可",
        ["purposeItemName"] = "食品经营许可",
        ["category"] = "行政许可",
        ["competentDepartment"] = "许昌市市场监督管理局",
        ["implementingAuthority"] = "许昌市市场监督管理局",
        ["consumerName"] = "许昌市人力资源和社会保障局",
        ["demandingUnit"] = "许昌市市场监督管理局",
        ["issuingUnit"] = "许昌市公安局",
        ["externalSourceId"] = "410000-000147011000",
        ["title"] = "中华人民共和国食品安全法",
        ["level"] = "法律",
        ["article"] = "第三十五条",
        ["basis"] = "《中华人民共和国行政许可法》第十二条",
        ["text"] = "具有与经营的食品品种、数量相适应的经营场所",
        ["description"] = "五个工作日内决定是否受理",
        ["reviewStandard"] = "依据《食品经营许可和备案管理办法》第十三条审查经营场所与设备",
        ["result"] = "食品经营许可证",
        ["progressQuery"] = "拨打12345政务服务便民热线",
        ["reconsideration"] = "六十日内向许昌市人民政府申请行政复议",
        ["litigation"] = "六个月内向许昌市魏都区人民法院提起行政诉讼",
        ["standard"] = "不收费",
        ["feeStandard"] = "不收费",
        ["ifNotSupplied"] = "承诺期限内未补齐的，依法撤销受理决定",
        ["promiseText"] = "本人承诺所提交材料真实有效，符合许可条件",
        ["liability"] = "承诺不实的，依法撤销许可并记入信用记录",
        ["procedure"] = "受理后五个工作日内完成核查",
        ["place"] = "许昌市政务服务中心市场监管窗口",
        ["provider"] = "许昌市食品检验检测中心",
        ["sharedData"] = "营业执照信息",
        ["label"] = "市场监管局审批系统",
        ["typeCode"] = "11100000000013127D001",
        ["licenceTypeCode"] = "11100000000013127D001",
        ["eLicenceTypeCode"] = "11100000000013127D001",
        ["identifier"] = "11100000000013127D001-411000-2026-000128",
        // 公民身份号码 of a resident of 魏都区 (GB 11643, check character included).
        ["holderId"] = "411002198506123021",
        ["keyId"] = "3f9c2a7d1b8e4c60",
        ["element"] = "materials[1]",
        ["field"] = "content.materials[1].name",
        ["message"] = "must be at most 200 characters.",
        ["url"] = "https://zwfw.xuchang.gov.cn/hooks/cataloghub",
        ["list"] = "implementation-lists",
        ["correlationId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
        ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    };

    /// <summary>Text members whose value depends on the schema that holds them (its name's last segment), before <see cref="Texts"/>.</summary>
    private static readonly Dictionary<string, string> OwnTexts = new()
    {
        ["DemandedMaterial.name"] = "食品经营许可申请书",
        ["ElementVerdict.name"] = "食品经营许可申请书",
        ["DemandedFee.name"] = "食品经营许可证工本费",
        ["DemandedProof.name"] = "无犯罪记录证明",
        ["DemandedIntermediaryService.name"] = "食品检验检测报告",
        ["Reason.code"] = "material-not-listed",
        ["Reason.message"] = "The implementation list does not name this material; nothing outside the list may be demanded (003:38).",
        ["CheckBasis.missingMaterials"] = "健康证明",
        ["GrantAccess.fields"] = "持证主体名称",
        ["Problem.code"] = "validation-failed",
    };

    /// <summary>Members that hold a department's unified social credit code (许昌市市场监督管理局's).</summary>
    private static readonly HashSet<string> DepartmentCodes =
    [
        "ownerDepartmentCode", "departmentCode", "consumerCode", "issuerCode", "department", "by", "confirmedBy", "acknowledgedBy",
        "grantedBy", "erasedBy", "publishedBy", "repealedBy",
    ];

    private static readonly Dictionary<string, long> Numbers = new()
    {
        ["version"] = 1, ["page"] = 1, ["pageSize"] = 20, ["total"] = 1, ["copies"] = 1, ["statutoryLimitDays"] = 20,
        ["promisedLimitDays"] = 5, ["withinWorkingDays"] = 5, ["sequence"] = 1024, ["limit"] = 50,
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var (path, item) in document.Paths)
            foreach (var parameter in (item.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Parameters ?? []).OfType<OpenApiParameter>())
                parameter.Example ??= ParameterExample(path, parameter);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
                Fill(media, schemas, Requests);
            foreach (var response in operation.Responses?.Values.AsEnumerable() ?? [])
                foreach (var media in response.Content?.Values ?? [])
                    Fill(media, schemas, []);
        }
    }

    private static void Fill(OpenApiMediaType media, IDictionary<string, IOpenApiSchema> schemas, Dictionary<string, Func<JsonNode?>> own)
    {
        if (media.Example is not null || media.Examples is { Count: > 0 } || media.Schema is null) return;
        // A minimal API's body is a reference wrapped in allOf.
        var reference = media.Schema as OpenApiSchemaReference ?? (media.Schema.AllOf is [OpenApiSchemaReference wrapped] ? wrapped : null);
        media.Example = reference?.Reference.Id?.Split('.')[^1] is { } id && own.TryGetValue(id, out var example)
            ? example()
            : Compose(media.Schema, schemas, null, null, [], 0);
    }

    /// <summary>
    /// Path parameters, and query parameters an operation requires, as the demo dataset has them (<see cref="DemoData.ExampleIds"/>):
    /// its items by their list's route, 许昌市, its market regulator, the filing of 魏都区's 食品经营许可.
    /// </summary>
    private static JsonNode? ParameterExample(string path, OpenApiParameter parameter)
    {
        // A query parameter the answer cannot do without (the law a search for items relying on it names) has one too.
        // So has the inclusion proof's one way of naming an event that the demo fixes (stream and version; a sequence depends on the store).
        if (parameter.In != ParameterLocation.Path && !(parameter.In == ParameterLocation.Query && (parameter.Required || parameter.Name is "title"
                || path == "/log/inclusion" && parameter.Name is "stream" or "version"))) return null;
        var collection = path.Contains("/{id}", StringComparison.Ordinal) ? path[..path.IndexOf("/{id}", StringComparison.Ordinal)] : path;
        return parameter.Name switch
        {
            "id" => DemoData.ExampleIds.TryGetValue(path, out var own) || DemoData.ExampleIds.TryGetValue(collection, out own) ? own.ToString()
                : "0193a5e2-7c1d-7b3e-9f1a-2d4c6b8e0a11",
            "keyId" => DemoSharing.RetiredKeyId,
            "regionCode" => "411000",
            "departmentCode" => "11411000005327811H",
            "sourceId" => "410000-000147011000",
            "version" => 1,
            "list" => Catalogue.CatalogueList.Name,
            "itemId" => DemoData.FiledEntryId.ToString(),
            // A history export's stream: the demo's 食品经营许可 entry.
            "stream" => DemoData.ExampleIds[Catalogue.CatalogueList.Definition.Route].ToString(),
            "title" => "中华人民共和国食品安全法",
            // The auditors' comparisons: the demo item's one version with itself; 许昌市 before the demo's publication and after it.
            "from" or "to" when parameter.Schema?.Type?.HasFlag(JsonSchemaType.Integer) == true => 1,
            "from" => "2026-11-01T00:00:00+08:00",
            "to" => "2026-12-01T09:00:00+08:00",
            // What the record said before the demo was published: nothing in force, beside what it says now.
            "knownAt" => "2026-11-01T00:00:00+08:00",
            "code" => Publication.Lists.ListRegistry.All.FirstOrDefault(l => path == $"{l.RegionRoute}/{{code}}") is { } list
                      && DemoData.ExampleCodes.TryGetValue(list.Route, out var code) ? code : null,
            _ => null,
        };
    }

    /// <summary>
    /// Request bodies where a composed one would collide with the demo dataset or break a rule of the content: a city item the
    /// demo's catalogue lacks (食品生产许可), the service guide of 魏都区's 食品经营许可 (the demo has the city's only), and licence
    /// documents, which only a signature by a seal the hub holds makes acceptable (Demo/DemoSharing.cs).
    /// </summary>
    private static readonly Dictionary<string, Func<JsonNode?>> Requests = new()
    {
        // The sharing operations' bodies act on the demo's e-licence data (DemoSharing): documents signed with its market regulator's seal.
        ["IssueLicence"] = () => JsonSerializer.SerializeToNode(new Sharing.Licences.IssueLicence(DemoSharing.New.Document(), "核发营业执照（设立登记）"), ApiJson.Options),
        ["ChangeLicence"] = () => JsonSerializer.SerializeToNode(new Sharing.Licences.ChangeLicence(DemoSharing.Valid.Document(2, DemoSharing.MovedDomicile),
            "变更住所（经营场所）"), ApiJson.Options),
        ["VerifyLicence"] = () => JsonSerializer.SerializeToNode(new Sharing.Licences.VerifyLicence(DemoSharing.Valid.Document(), null), ApiJson.Options),
        // 许昌市人力资源和社会保障局 reads the 营业执照 of an employer for 失业保险金申领, as its grant allows.
        ["ReadLicences"] = () => JsonSerializer.SerializeToNode(new Sharing.Licences.ReadLicences(DemoSharing.Valid.Content().Identifier, null, null,
            DemoSharing.UnemploymentBenefitEntryId, DemoSharing.GrantedFields), ApiJson.Options),
        ["RegisterSeal"] = () => JsonSerializer.SerializeToNode(new Sharing.Seals.RegisterSeal("许昌市市场监督管理局电子证照专用章（2027）", "电子证照专用章",
            Sharing.Seals.SealAlgorithm.EcdsaP256Sha256, DemoSharing.RenewedMarketSeal.PublicKeyPem, null,
            new DateTimeOffset(2031, 12, 31, 0, 0, 0, TimeSpan.FromHours(8)), "电子证照专用章数字证书到期更换"), ApiJson.Options),
        ["DraftEntry"] = () => JsonSerializer.SerializeToNode(new Catalogue.Drafting.DraftEntry("000147010000", "411000",
            new Catalogue.EntryContent("食品生产许可", "行政许可", "许昌市市场监督管理局", "许昌市市场监督管理局",
                [new Catalogue.LegalBasis("中华人民共和国食品安全法", "法律", "第三十五条")], "410000-000147010000"),
            null, "依据《许昌市政务服务条例》第十三条编制基本目录"), ApiJson.Options),
        // 许昌市卫生健康委员会, which the demo has not registered.
        ["RegisterDepartment"] = () => JsonSerializer.SerializeToNode(new Departments.Registering.RegisterDepartment("11411000005329034X", "许昌市卫生健康委员会",
            "411000", [Role.ServiceDepartment, Role.LicenceIssuer], "卫生健康委员会接入政务服务事项目录平台"), ApiJson.Options),
        // The repeal the repeal example schedules (2026-12-01), named alone: cancelled, or moved a fortnight on.
        ["CancelScheduled"] = () => JsonSerializer.SerializeToNode(new Publication.CancelScheduled(null, true,
            "《许昌市人民政府关于暂缓调整政务服务事项的通知》", "上级部门暂缓取消该事项"), ApiJson.Options),
        ["Reschedule"] = () => JsonSerializer.SerializeToNode(new Publication.Reschedule(null, true, new DateTimeOffset(2026, 12, 15, 1, 0, 0, TimeSpan.Zero),
            "《许昌市人民政府关于调整政务服务事项取消时间的通知》", "事项取消时间顺延两周"), ApiJson.Options),
        // 许昌市人力资源和社会保障局 reads the 营业执照 the demo's market regulator issues, for 失业保险金申领.
        ["GrantAccess"] = () => JsonSerializer.SerializeToNode(new Sharing.Grants.GrantAccess("1141100000533099XB", DemoData.BusinessLicenceType,
            ["creditCode", "name", "legalRepresentative"], [DemoData.IdOf("entry:411000:000115006000")], null,
            new DateTimeOffset(2027, 12, 1, 1, 0, 0, TimeSpan.Zero), "失业保险金申领需核验用人单位营业执照"), ApiJson.Options),
        // What 许昌市人力资源和社会保障局 read in November 2026.
        ["AccessLogSearch"] = () => JsonSerializer.SerializeToNode(new Sharing.AccessLog.AccessLogSearch(ConsumerCode: "1141100000533099XB",
            From: "2026-11-01T00:00:00+08:00", To: "2026-12-01T00:00:00+08:00"), ApiJson.Options),
        ["DraftImplementationList"] = () => JsonSerializer.SerializeToNode(new ImplementationLists.Drafting.DraftImplementationList(
            DemoData.FiledEntryId, "411002", DemoData.FoodBusinessGuide(), "编制魏都区食品经营许可实施清单"), ApiJson.Options),
    };

    /// <summary>A value of <paramref name="schema"/>; <paramref name="member"/> is the property it fills, <paramref name="owner"/> the schema that holds it.</summary>
    private static JsonNode? Compose(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> schemas, string? member, string? owner,
        HashSet<string> expanding, int depth)
    {
        var id = (schema as OpenApiSchemaReference)?.Reference.Id;
        if (id is not null)
        {
            if (!schemas.TryGetValue(id, out var target) || expanding.Contains(id) || depth > MaxDepth) return null;
            expanding.Add(id);
            try { return Compose(target, schemas, member, id, expanding, depth); }
            finally { expanding.Remove(id); }
        }

        if (schema.Enum is { Count: > 0 } values) return values.FirstOrDefault(v => v is not null)?.DeepClone();
        if (schema.AllOf is { Count: > 0 } all) return Compose(all[0], schemas, member, owner, expanding, depth);
        if ((schema.OneOf ?? schema.AnyOf) is { Count: > 0 } one) return Compose(one[0], schemas, member, owner, expanding, depth);
        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.Object) || schema.Properties is { Count: > 0 })
        {
            var result = new JsonObject();
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                var value = Compose(property, schemas, name, owner, expanding, depth + 1);
                if (value is not null || Nullable(property)) result[name] = value;
                else if (schema.Required?.Contains(name) == true) return null;
            }
            return result;
        }
        if (type.HasFlag(JsonSchemaType.Array))
        {
            var item = schema.Items is null ? null : Compose(schema.Items, schemas, member, owner, expanding, depth + 1);
            return item is null ? new JsonArray() : new JsonArray(item);
        }
        if (type.HasFlag(JsonSchemaType.String)) return Text(schema, member, owner);
        if (type.HasFlag(JsonSchemaType.Integer)) return member is not null && Numbers.TryGetValue(member, out var n) ? n : 1;
        if (type.HasFlag(JsonSchemaType.Number)) return 1;
        // Yes to what an answer allows, no to the credit system's exclusions (严重失信, an earlier false promise).
        if (type.HasFlag(JsonSchemaType.Boolean)) return member is not ("seriousBadCredit" or "earlierFalsePromise" or "erased" or "cancelled");
        // Any JSON (a licence's face data as its type defines it).
        return schema.AdditionalPropertiesAllowed ? new JsonObject { ["持证主体名称"] = "许昌市魏都区春风食品店" } : null;
    }

    private static bool Nullable(IOpenApiSchema schema) => schema is OpenApiSchemaReference || (schema.Type ?? 0).HasFlag(JsonSchemaType.Null);

    /// <summary>Ends of validity a year after the instants of <see cref="Text"/>, so that a period never ends where it starts.</summary>
    private static readonly HashSet<string> Ends = ["validTo", "validUntil", "expiresAt", "to"];

    private static JsonNode? Text(IOpenApiSchema schema, string? member, string? owner) => schema.Format switch
    {
        "date-time" when member is not null && Ends.Contains(member) => "2027-12-01T01:00:00Z",
        // The record as it stood: an instant already past (a future one is refused).
        "date-time" when member == "knownAt" => "2026-11-01T00:00:00+08:00",
        "date-time" => "2026-12-01T01:00:00Z",
        // An optional reference to another resource (a city item derived from, ...) is left out: a made-up id would be refused.
        "uuid" when Nullable(schema) => null,
        "date" => "2026-12-01",
        "uuid" => "0193a5e2-7c1d-7b3e-9f1a-2d4c6b8e0a11",
        _ when member is not null && OwnTexts.TryGetValue($"{owner?.Split('.')[^1]}.{member}", out var own) => own,
        _ when schema.Pattern is not null || (member is not null && DepartmentCodes.Contains(member)) => "11411000005327811H",
        _ when member == "code" && owner?.Contains("Department", StringComparison.Ordinal) == true => "11411000005327811H",
        _ when member == "code" && owner?.Contains("LicenceType", StringComparison.Ordinal) == true => "11100000000013127D001",
        _ when member == "code" => "000147011000",
        _ when member == "name" && owner?.Contains("Department", StringComparison.Ordinal) == true => "许昌市市场监督管理局",
        _ when member is not null && Texts.TryGetValue(member, out var text) => text,
        _ => "许昌市",
    };
}
