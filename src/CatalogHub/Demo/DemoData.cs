using System.Security.Cryptography;
using System.Text;
using CatalogHub.Catalogue;
using CatalogHub.Departments;
using CatalogHub.ImplementationLists;

namespace CatalogHub.Demo;

/// <summary>
/// A small, realistic dataset: 许昌市 (411000) with 魏都区 (411002) and 禹州市 (411081), their departments
/// (valid unified social credit codes), a dozen published base catalogue items with their legal bases, one item of each
/// other list, and e-licence data to share (<see cref="DemoSharing"/>).
/// Identities are derived from names, so seeding twice finds everything in place and writes nothing.
/// </summary>
public static class DemoData
{
    public sealed record DemoDepartment(string Code, string Name, string Region, Role[] Roles);

    public static readonly DemoDepartment HubAdmin =
        new("11411000005326026D", "许昌市政务服务和大数据管理局", "411000", [Role.HubAdmin, Role.CatalogueManager]);

    public static readonly DemoDepartment[] Departments =
    [
        new("11411000005327811H", "许昌市市场监督管理局", "411000", [Role.ServiceDepartment, Role.LicenceIssuer]),
        new("114110000053281603", "许昌市自然资源和规划局", "411000", [Role.ServiceDepartment, Role.LicenceIssuer]),
        new("11411000005329040J", "许昌市公安局", "411000", [Role.ServiceDepartment, Role.LicenceIssuer]),
        new("114110000053302366", "许昌市住房和城乡建设局", "411000", [Role.ServiceDepartment]),
        new("1141100000533099XB", "许昌市人力资源和社会保障局", "411000", [Role.ServiceDepartment, Role.Consumer]),
        new("114110000053295500", "许昌市审计局", "411000", [Role.Auditor]),
        new("11411002005327176C", "许昌市魏都区行政审批和政务信息管理局", "411002", [Role.CatalogueManager, Role.ServiceDepartment]),
        new("114110810053266671", "禹州市政务服务和大数据管理局", "411081", [Role.CatalogueManager, Role.ServiceDepartment]),
    ];

    private static LegalBasis Law(string title, string article) => new(title, "法律", article);
    private static LegalBasis Regulation(string title, string article) => new(title, "行政法规", article);

    public sealed record DemoItem(string Code, string Region, string OwnerCode, EntryContent Content);

    public static readonly DemoItem[] Items =
    [
        new("000147001000", "411000", "11411000005327811H", new("企业设立登记", "行政许可", "许昌市市场监督管理局", "许昌市市场监督管理局",
            [Regulation("中华人民共和国市场主体登记管理条例", "第三条"), Law("中华人民共和国公司法", "第二十九条")], "410000-000147001000")),
        new("000147011000", "411000", "11411000005327811H", new("食品经营许可", "行政许可", "许昌市市场监督管理局", "许昌市市场监督管理局",
            [Law("中华人民共和国食品安全法", "第三十五条")], "410000-000147011000")),
        new("000147023000", "411000", "11411000005327811H", new("个体工商户登记", "行政许可", "许昌市市场监督管理局", "许昌市市场监督管理局",
            [Regulation("促进个体工商户发展条例", "第八条")], "410000-000147023000")),
        new("000124009000", "411000", "11411000005329040J", new("公章刻制备案", "行政备案", "许昌市公安局", "许昌市公安局",
            [new LegalBasis("国务院对确需保留的行政审批项目设定行政许可的决定", "国务院决定", "第37项")], "410000-000124009000")),
        new("000124013000", "411000", "11411000005329040J", new("居民身份证换领", "行政确认", "许昌市公安局", "许昌市公安局",
            [Law("中华人民共和国居民身份证法", "第十一条")], "410000-000124013000")),
        new("000131002000", "411000", "114110000053281603", new("不动产登记", "行政确认", "许昌市自然资源和规划局", "许昌市不动产登记中心",
            [Regulation("不动产登记暂行条例", "第三条"), Law("中华人民共和国民法典", "第二百一十条")], "410000-000131002000")),
        new("000131015000", "411000", "114110000053281603", new("建设工程规划许可证核发", "行政许可", "许昌市自然资源和规划局", "许昌市自然资源和规划局",
            [Law("中华人民共和国城乡规划法", "第四十条")], "410000-000131015000")),
        new("000132004000", "411000", "114110000053302366", new("建筑工程施工许可证核发", "行政许可", "许昌市住房和城乡建设局", "许昌市住房和城乡建设局",
            [Law("中华人民共和国建筑法", "第七条")], "410000-000132004000")),
        new("000115006000", "411000", "1141100000533099XB", new("失业保险金申领", "行政给付", "许昌市人力资源和社会保障局", "许昌市社会保险中心",
            [Regulation("失业保险条例", "第十四条")], "410000-000115006000")),
        new("000115021000", "411000", "1141100000533099XB", new("就业登记", "公共服务", "许昌市人力资源和社会保障局", "许昌市公共就业服务中心",
            [new LegalBasis("就业服务与就业管理规定", "规章", "第六十一条")], "410000-000115021000")),
        new("000147011000", "411002", "11411002005327176C", new("食品经营许可", "行政许可", "许昌市魏都区市场监督管理局", "许昌市魏都区行政审批和政务信息管理局",
            [Law("中华人民共和国食品安全法", "第三十五条")], "410000-000147011000")),
        new("000131002000", "411081", "114110810053266671", new("不动产登记", "行政确认", "禹州市自然资源局", "禹州市不动产登记中心",
            [Regulation("不动产登记暂行条例", "第三条"), Law("中华人民共和国民法典", "第二百一十条")], "410000-000131002000")),
    ];

    /// <summary>One published item of each registered list (its example content), by the department owning the entry it serves.</summary>
    public sealed record DemoListItem(ListDefinition List, string Code, string OwnerCode);

    public static readonly DemoListItem[] ListItems =
    [
        // The licence type the demo guides name for 营业执照 (BusinessLicenceType), issued here by the city's market regulator.
        new(Sharing.LicenceTypes.LicenceTypesList.Definition, BusinessLicenceType, "11411000005327811H"),
        new(Lists.ProofItems.ProofItemsList.Definition, "000115006000", "1141100000533099XB"),
        new(Lists.IntermediaryServices.IntermediaryServicesList.Definition, "000131015000", "114110000053281603"),
        new(Lists.Promises.PromisesList.Definition, "000147011000", "11411000005327811H"),
        new(Lists.Deferrals.DeferralsList.Definition, "000132004000", "114110000053302366"),
    ];

    /// <summary>营业执照, issued by the State Administration for Market Regulation (type code: its credit code + serial).</summary>
    public const string BusinessLicenceType = "11100000000013338W001";
    /// <summary>居民身份证, issued by the Ministry of Public Security.</summary>
    public const string IdentityCardType = "11100000000013127D001";

    private static LegalBasis FoodSafetyLaw(string article) => new("中华人民共和国食品安全法", "法律", article);
    private static LegalBasis LicensingLaw(string article) => new("中华人民共和国行政许可法", "法律", article);

    public static Material Applicant(string name, bool required = true) =>
        new(name, required, MaterialForm.Both, 1, MaterialSource.Applicant, null);

    /// <summary>The service guide (实施清单) of 食品经营许可 in 许昌市: complete, every condition and step with its basis.</summary>
    public static ImplementationListContent FoodBusinessGuide() => new(
        ServiceObjects: ["企业法人", "个体工商户", "其他组织"],
        Conditions:
        [
            new("申请人已依法取得营业执照等合法主体资格", FoodSafetyLaw("第三十五条")),
            new("具有与经营的食品品种、数量相适应的经营场所", FoodSafetyLaw("第三十三条第一款第一项")),
        ],
        Steps:
        [
            new("受理", "窗口当场或者在五个工作日内作出是否受理的决定", LicensingLaw("第三十二条")),
            new("审查", "对申请材料进行审查，必要时进行现场核查", LicensingLaw("第三十四条")),
            new("决定", "作出准予或者不予许可的书面决定", LicensingLaw("第三十八条")),
            new("送达", "颁发食品经营许可证", LicensingLaw("第四十四条")),
        ],
        Materials:
        [
            Applicant("食品经营许可申请书"),
            new("营业执照", true, MaterialForm.Electronic, 1, MaterialSource.ELicence, BusinessLicenceType),
            new("法定代表人居民身份证", true, MaterialForm.Electronic, 1, MaterialSource.ELicence, IdentityCardType),
            Applicant("主要设备设施布局图及操作流程说明"),
            Applicant("食品安全管理制度文本"),
            Applicant("委托代理人授权委托书", required: false),
        ],
        ReviewStandard: "依据《食品经营许可和备案管理办法》第十二条至第十五条审查经营场所、设备设施、管理制度与经营项目是否相适应",
        StatutoryLimitDays: 20,
        PromisedLimitDays: 5,
        Result: "食品经营许可证",
        Free: true,
        Fees: [],
        Channels: ["许昌市政务服务中心市场监管窗口", "河南政务服务网（许昌市站点）"],
        ProgressQuery: "河南政务服务网“办件查询”，或拨打12345政务服务便民热线",
        Remedies: new("自知道之日起六十日内向许昌市人民政府申请行政复议", "自知道之日起六个月内向许昌市魏都区人民法院提起行政诉讼"));

    /// <summary>
    /// What the API document's examples act on (Platform/OpenApiExamples.cs), so that "Try it out" against the demo finds it: by the
    /// route of a list (and /departments, the sharing resources), the id of the demo's item there; by an operation's route, where
    /// it needs another one (reinstating needs a suspended licence or seal, recording an expiry a licence whose validity ended).
    /// Computed when read: the lists' definitions name this class while they initialise.
    /// </summary>
    public static IReadOnlyDictionary<string, Guid> ExampleIds => new Dictionary<string, Guid>
    {
        [CatalogueList.Definition.Route] = IdOf("entry:411000:000147011000"),
        [ImplementationListsList.Definition.Route] = IdOf("implementation-list:411000:000147011000"),
        ["/departments"] = IdOf("department:11411000005327811H"),
        ["/departments/{id}/keys/{keyId}/revoke"] = IdOf($"department:{DemoSharing.RetiredKeyOwnerCode}"),
        ["/sharing/licences"] = DemoSharing.Valid.Id,
        ["/sharing/licences/{id}/reinstate"] = DemoSharing.Suspended.Id,
        ["/sharing/licences/{id}/expire"] = DemoSharing.Ended.Id,
        ["/sharing/seals"] = DemoSharing.MarketSealId,
        ["/sharing/seals/{id}/reinstate"] = DemoSharing.PlanningSealId,
        ["/sharing/grants"] = DemoSharing.GrantId,
    }.Concat(ListItems.Select(i => KeyValuePair.Create(i.List.Route, IdOf($"{i.List.Name}:411000:{i.Code}")))).ToDictionary();

    /// <summary>By the route of a list, the code of the demo's item there in 许昌市: what the examples of reads by region and code name.</summary>
    public static IReadOnlyDictionary<string, string> ExampleCodes => new Dictionary<string, string>
    {
        [ImplementationListsList.Definition.Route] = "000147011000",
    }.Concat(ListItems.Select(i => KeyValuePair.Create(i.List.Route, i.Code))).ToDictionary();

    /// <summary>魏都区's 食品经营许可, derived from the city's and so filed with it (备案): the demo's filing.</summary>
    public static Guid FiledEntryId => IdOf("entry:411002:000147011000");

    /// <summary>A stable identity from a name, so the seed can tell what it already wrote.</summary>
    public static Guid IdOf(string name) => new(MD5.HashData(Encoding.UTF8.GetBytes("cataloghub-demo:" + name)));

    public static async Task<Department> EnsureHubAdmin(IDocumentSession session, DateTimeOffset now, CancellationToken ct) =>
        await Ensure(session, HubAdmin, now, ct);

    /// <summary>Queues what is missing of the demo dataset on <paramref name="session"/>; the caller commits.</summary>
    /// <param name="vault">Seals the demo licences' documents under their holders' keys, as issuing them through the API would.</param>
    public static async Task Seed(IDocumentSession session, Sharing.Holders.HolderVault vault, DateTimeOffset now, CancellationToken ct)
    {
        session.LastModifiedBy = "demo-seed";
        session.SetHeader("reason", "demo dataset");
        var admin = await Ensure(session, HubAdmin, now, ct);
        var owners = new Dictionary<string, Department> { [admin.Code] = admin };
        foreach (var d in Departments) owners[d.Code] = await Ensure(session, d, now, ct);

        await SeedPublished(session, now, code => (owners[code].Id, owners[code].Code), admin.Code, ct);
        await DemoSharing.Seed(session, vault, owners, now, ct);
    }

    /// <summary>
    /// Queues what is missing of the demo dataset's published items, each published at <paramref name="now"/> by
    /// <paramref name="managerCode"/> (a county's by its owner), owned by the department <paramref name="ownerOf"/> gives for a code.
    /// </summary>
    public static async Task SeedPublished(IDocumentSession session, DateTimeOffset now, Func<string, (Guid Id, string Code)> ownerOf, string managerCode,
        CancellationToken ct)
    {
        foreach (var item in Items)
        {
            var id = IdOf($"entry:{item.Region}:{item.Code}");
            if (await session.Events.FetchStreamStateAsync(id, ct) is not null) continue;
            var owner = ownerOf(item.OwnerCode);
            var manager = item.Region == "411000" ? managerCode : owner.Code;
            // A county entry derives from the city's entry with the same item code (承接).
            Guid? derived = item.Region == "411000" ? null : IdOf($"entry:411000:{item.Code}");
            CatalogueList.Definition.StartPublishedExample(session, id, item.Region, item.Code, owner.Id, owner.Code, manager, now, item.Content, derived);
        }

        // The service guide of 食品经营许可 in 许昌市, so that the basis check has something to answer from.
        var guideId = IdOf("implementation-list:411000:000147011000");
        if (await session.Events.FetchStreamStateAsync(guideId, ct) is null)
        {
            var market = ownerOf("11411000005327811H");
            ImplementationListsList.Definition.StartPublishedExample(session, guideId, "411000", "000147011000", market.Id, market.Code, managerCode, now,
                FoodBusinessGuide() with { EntryId = IdOf("entry:411000:000147011000") });
        }

        foreach (var item in ListItems)
        {
            var id = IdOf($"{item.List.Name}:411000:{item.Code}");
            if (await session.Events.FetchStreamStateAsync(id, ct) is not null) continue;
            var owner = ownerOf(item.OwnerCode);
            item.List.StartPublishedExample(session, id, "411000", item.Code, owner.Id, owner.Code, managerCode, now);
        }
    }

    private static async Task<Department> Ensure(IDocumentSession session, DemoDepartment d, DateTimeOffset now, CancellationToken ct)
    {
        var id = IdOf($"department:{d.Code}");
        if (await session.LoadAsync<Department>(id, ct) is { } existing) return existing;
        // Registered through the API under its own id: codes are unique, so it is this department (registering it again
        // would break the unique code and stop the node's start-up).
        if (await session.Query<Department>().FirstOrDefaultAsync(x => x.Code == d.Code, ct) is { } underItsCode) return underItsCode;
        var registered = CatalogHub.Departments.Registering.RegisterDepartmentEndpoint.Register(session,
            new CatalogHub.Departments.Registering.RegisterDepartment(d.Code, d.Name, d.Region, d.Roles, "demo dataset"), "bootstrap", now, id);
        return Department.Create(registered);
    }
}
