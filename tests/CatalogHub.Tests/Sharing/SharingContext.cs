using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Catalogue;
using CatalogHub.Sharing.Grants;
using CatalogHub.Sharing.Holders;
using CatalogHub.Sharing.Licences;
using CatalogHub.Sharing.LicenceTypes;
using CatalogHub.Sharing.Seals;
using CatalogHub.Tests.Catalogue;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Sharing;

/// <summary>
/// Given-states of the sharing hub: 许昌市市场监督管理局 (<see cref="CatalogueContext.Market"/>) issues 食品经营许可证 with
/// its seals; 许昌市人力资源和社会保障局 consumes; 许昌市卫生健康委员会 is another issuer.
/// </summary>
public abstract class SharingContext(AppFixture fixture) : CatalogueContext(fixture)
{
    protected TestDepartment Consumer { get; private set; } = null!;
    protected TestDepartment Health { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Consumer = await Register(TestDepartments.HumanResources);
        Health = await Register(TestDepartments.HealthCommission);
    }

    protected static string ETag(long version) => $"\"{version}\"";

    protected async Task<SealView> RegisterSeal(TestSeal seal, string? key = null, string kind = "电子证照专用章") =>
        Read<SealView>(await Post("/sharing/seals", new
        {
            name = "许昌市市场监督管理局电子证照专用章", kind, algorithm = seal.Algorithm, publicKeyPem = seal.PublicKeyPem,
            validTo = Now.AddYears(3), reason = "启用电子印章",
        }, key ?? Market.Key, 201));

    protected async Task<SealView> RevokeSeal(SealView seal, DateTimeOffset? effectiveAt = null, string? key = null) =>
        Read<SealView>(await Post($"/sharing/seals/{seal.Id}/revoke", new { effectiveAt, reason = "私钥泄露，吊销印章" },
            key ?? Market.Key, 200, ETag(seal.Version)));

    public const string FoodTypeCode = "SPJYXK";

    /// <summary>食品经营许可证: the face fields of the 2023 certificate (《食品经营许可和备案管理办法》).</summary>
    public static LicenceTypeContent FoodLicenceType(string name = "食品经营许可证") => new(name, HolderKind.Organisation, JsonDocument.Parse("""
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["licenceNumber", "premises", "mainBusiness", "items"],
          "properties": {
            "licenceNumber": { "type": "string", "pattern": "^JY[0-9]{14}$" },
            "premises": { "type": "string", "maxLength": 200 },
            "mainBusiness": { "enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"] },
            "items": { "type": "array", "items": { "type": "string" }, "minItems": 1 },
            "legalRepresentative": { "type": "string" }
          }
        }
        """).RootElement);

    protected async Task<LicenceTypeDraftView> DraftLicenceType(LicenceTypeContent? content = null, string code = FoodTypeCode, string? key = null) =>
        Read<LicenceTypeDraftView>(await Post("/sharing/licence-types", new { code, content = content ?? FoodLicenceType(), reason = "编制电子证照目录" },
            key ?? Market.Key, 201));

    /// <summary>Drafted by the issuer, submitted, and published by the city's catalogue manager (effective now unless given).</summary>
    protected async Task<LicenceTypeDraftView> PublishedLicenceType(LicenceTypeContent? content = null, string code = FoodTypeCode,
        DateTimeOffset? effectiveAt = null, string? issuerKey = null)
    {
        var draft = await DraftLicenceType(content, code, issuerKey);
        var submitted = Read<LicenceTypeDraftView>(await Post($"/sharing/licence-types/{draft.Id}/submit", new { reason = "提交审核" },
            issuerKey ?? Market.Key, 200, ETag(draft.Version)));
        return Read<LicenceTypeDraftView>(await Post($"/sharing/licence-types/{draft.Id}/publish",
            new { effectiveAt, note = "纳入电子证照目录", reason = "经审核同意公布" }, Admin.Key, 200, ETag(submitted.Version)));
    }

    public const string ShopCode = "91411000MA9F3K2L5G";
    public const string ShopName = "许昌瑞昌食品有限公司";

    /// <summary>The content a 食品经营许可证 carries, as the issuer would sign it.</summary>
    protected JsonObject FoodLicenceContent(string serial = "2026000123", int version = 1, string holderId = ShopCode, string holderName = ShopName,
        JsonObject? faceData = null, string typeCode = FoodTypeCode, int typeVersion = 1, string? issuerCode = null) => new()
    {
        ["identifier"] = LicenceIdentifier.Create(typeCode, issuerCode ?? Market.Code, serial, version),
        ["typeCode"] = typeCode,
        ["typeVersion"] = typeVersion,
        ["issuerCode"] = issuerCode ?? Market.Code,
        ["holder"] = new JsonObject { ["kind"] = "organisation", ["name"] = holderName, ["id"] = holderId },
        ["faceData"] = faceData ?? new JsonObject
        {
            ["licenceNumber"] = "JY14110020012345",
            ["premises"] = "河南省许昌市魏都区七一路东段188号",
            ["mainBusiness"] = "食品销售经营者",
            ["items"] = new JsonArray("预包装食品（含冷藏冷冻食品）销售", "散装食品（不含冷藏冷冻食品）销售"),
            ["legalRepresentative"] = "王建国",
        },
        ["validFrom"] = Now.AddMinutes(-1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
        ["validTo"] = Now.AddYears(5).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
    };

    /// <summary>The document as the issuer sends it: content, seal id, and the seal's signature over the RFC 8785 form.</summary>
    protected static object Signed(JsonObject content, TestSeal seal, Guid sealId) => new
    {
        content,
        sealId,
        signature = Convert.ToBase64String(seal.Sign(CanonicalJson.Serialize(JsonSerializer.SerializeToElement(content)))),
    };

    protected async Task<LicenceView> Issue(object document, string? key = null) =>
        Read<LicenceView>(await Post("/sharing/licences", new { document, reason = "准予食品经营许可" }, key ?? Market.Key, 201));

    protected async Task<LicenceVerification> Verify(object document, DateTimeOffset? asOf = null) =>
        Read<LicenceVerification>(await Post("/sharing/licences/verify", new { document, asOf }, null, 200));
    /// <summary>A public service 人社局 delivers, for which it may need a shop's food licence.</summary>
    public static EntryContent SubsidyItem() => new(
        "一次性创业补贴申领", "公共服务", "许昌市人力资源和社会保障局", "许昌市人力资源和社会保障局",
        [new LegalBasis("中华人民共和国就业促进法", "法律", "第十五条"), new LegalBasis("河南省就业创业补贴管理办法", "规范性文件", "第八条")], null);

    protected async Task<GrantView> GrantReads(Guid purposeItemId, string[]? fields = null, DateTimeOffset? validUntil = null, string? key = null) =>
        Read<GrantView>(await Post("/sharing/grants", new
        {
            consumerCode = Consumer.Code, typeCode = FoodTypeCode, fields = fields ?? ["licenceNumber", "premises"],
            purposeItemIds = new[] { purposeItemId }, validUntil = validUntil ?? Now.AddYears(1), reason = "共享食品经营许可证用于创业补贴审核",
        }, key ?? Market.Key, 201));

    protected async Task<HolderAccessReport> HolderReport(string holderId) =>
        Read<HolderAccessReport>(await Post("/sharing/holders/access-report", new { holderId }, Admin.Key, 200));
}
