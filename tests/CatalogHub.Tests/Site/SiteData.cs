using CatalogHub.Catalogue;
using CatalogHub.Demo;
using CatalogHub.ImplementationLists;
using CatalogHub.Lists.ProofItems;
using CatalogHub.Publication.Lists;
using CatalogHub.Tests.Support;
using Marten;

namespace CatalogHub.Tests.Site;

/// <summary>
/// What the site's tests read: 许昌市 and 魏都区 with a history. Versions are recorded as their events would have been, with
/// publication and effective times in the past (as a migrated register's are), so "as of last month" has an answer that
/// differs from today's; drafts beside them must never show on a public page.
/// </summary>
public sealed record SiteData(
    TestDepartment Market, TestDepartment NaturalResources, Guid FoodLicence, Guid FoodGuide, Guid PlanningPermit, Guid WeiduFoodLicence,
    Guid ProofItem, Guid DraftOnly, Guid OtherDepartmentsDraft, DateTimeOffset FirstEffective, DateTimeOffset SecondEffective)
{
    public const string FirstAuthority = "许昌市市场监督管理局";
    public const string SecondAuthority = "许昌市行政审批和政务信息管理局";
    public const int FirstPromisedDays = 10;
    public const int SecondPromisedDays = 5;
    public const string DraftOnlyName = "小餐饮经营许可";
    public const string OtherDraftName = "乡村建设规划许可证核发";
    public const string PendingRevisionName = "建设工程规划许可证核发（修订征求意见稿）";

    /// <summary>True once <paramref name="index"/> holds every version seeded (the guide's second version last).</summary>
    public bool IsIn(CatalogHub.BasisCheck.PublishedIndex index) => index.Find(FoodGuide)?.Versions.Length == 2
        && index.Find(FoodLicence)?.Versions.Length == 2 && index.Find(ProofItem) is not null;

    /// <summary>Months ago, and five days ago: "last month" falls between them.</summary>
    public static async Task<SiteData> Seed(IDocumentStore store, TimeProvider clock, TestDepartment admin, DateTimeOffset now)
    {
        var market = await TestDepartments.Register(store, clock, TestDepartments.MarketRegulation);
        var resources = await TestDepartments.Register(store, clock, TestDepartments.NaturalResources);
        var weidu = await TestDepartments.Register(store, clock, TestDepartments.WeiduManager);
        var (first, second) = (now.AddDays(-60), now.AddDays(-5));

        await using var session = store.LightweightSession();
        session.LastModifiedBy = "test-setup";
        session.SetHeader("reason", "site test data");
        var catalogue = CatalogueList.Definition;

        var food = new EntryContent("食品经营许可", "行政许可", "许昌市市场监督管理局", FirstAuthority,
            [new LegalBasis("中华人民共和国食品安全法", "法律", "第三十五条")], "410000-000147011000");
        var foodId = Versions(session, catalogue, "411000", "000147011000", market, admin, first, food,
            (second, food with
            {
                ImplementingAuthority = SecondAuthority,
                LegalBases = [.. food.LegalBases, new LegalBasis("食品经营许可和备案管理办法", "规章", "第十条")],
            }));
        var guide = DemoData.FoodBusinessGuide() with { EntryId = foodId, PromisedLimitDays = FirstPromisedDays };
        var guideId = Versions(session, ImplementationListsList.Definition, "411000", "000147011000", market, admin, first, guide,
            (second, guide with
            {
                PromisedLimitDays = SecondPromisedDays,
                Materials = [.. guide.Materials, DemoData.Applicant("食品安全管理人员培训考核合格证明")],
            }));

        var planning = new EntryContent("建设工程规划许可证核发", "行政许可", "许昌市自然资源和规划局", "许昌市自然资源和规划局",
            [new LegalBasis("中华人民共和国城乡规划法", "法律", "第四十条")], "410000-000131015000");
        var planningId = Versions(session, catalogue, "411000", "000131015000", resources, admin, first, planning);
        // A revision in drafting: the published version stays the only public one.
        session.Events.Append(planningId, new ItemDraftRevised<EntryContent>(planningId, planning with { Name = PendingRevisionName }, resources.Code, now));

        var weiduFood = food with { CompetentDepartment = "许昌市魏都区市场监督管理局", ImplementingAuthority = "许昌市魏都区行政审批和政务信息管理局" };
        var weiduId = Versions(session, catalogue, "411002", "000147011000", weidu, weidu, first, weiduFood);

        var proof = ProofItemExamples.EmploymentTermination with { ServedEntries = [foodId] };
        var proofId = Versions(session, ProofItemsList.Definition, "411000", "000147011000", market, admin, second, proof);

        var draftOnly = Drafted(session, catalogue, "411000", "000147099000", market, now,
            food with { Name = DraftOnlyName, ExternalSourceId = null });
        var otherDraft = Drafted(session, catalogue, "411000", "000131099000", resources, now,
            planning with { Name = OtherDraftName, ExternalSourceId = null });
        await session.SaveChangesAsync();
        return new SiteData(market, resources, foodId, guideId, planningId, weiduId, proofId, draftOnly, otherDraft, first, second);
    }

    /// <summary>An item published at <paramref name="firstAt"/> (published and effective then), then each later version in turn.</summary>
    private static Guid Versions<T>(IDocumentSession session, ListDefinition<T> list, string region, string code, TestDepartment owner,
        TestDepartment publisher, DateTimeOffset firstAt, T content, params (DateTimeOffset At, T Content)[] later) where T : class
    {
        var id = Guid.CreateVersion7();
        session.Events.StartStream<ListItem<T>>(id,
            new ItemDrafted<T>(id, region, code, owner.Id, owner.Code, null, content, owner.Code, firstAt),
            new ItemSubmittedForReview<T>(id, owner.Code, firstAt),
            new ItemPublished<T>(id, 1, region, code, null, content, firstAt, "首次公布", publisher.Code, firstAt, owner.Code));
        var version = 1;
        foreach (var (at, revised) in later)
            session.Events.Append(id,
                new ItemDraftRevised<T>(id, revised, owner.Code, at),
                new ItemSubmittedForReview<T>(id, owner.Code, at),
                new ItemPublished<T>(id, ++version, region, code, null, revised, at, "依法修订", publisher.Code, at, owner.Code));
        return id;
    }

    private static Guid Drafted<T>(IDocumentSession session, ListDefinition<T> list, string region, string code, TestDepartment owner,
        DateTimeOffset at, T content) where T : class
    {
        var id = Guid.CreateVersion7();
        session.Events.StartStream<ListItem<T>>(id, new ItemDrafted<T>(id, region, code, owner.Id, owner.Code, null, content, owner.Code, at));
        return id;
    }
}
