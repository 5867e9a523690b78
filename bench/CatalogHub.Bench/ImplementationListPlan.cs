using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;
using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Publication.Lists;

namespace CatalogHub.Bench;

/// <summary>
/// The implementation lists (实施清单) of the dataset, what the basis check judges: one per base entry that is never
/// repealed, in the entry's region, owned by the entry's department, drafted after the entry's first version took
/// effect and published 1-4 times (each version takes effect while the entry is in force, so the publish rule that a
/// list implements an item in force holds). The content is a real 办事指南's: named materials (identity and sector
/// documents supplied by an e-licence type, forms from the applicant, some from shared data), acceptance conditions and
/// steps citing the item's legal bases, and either free of charge or fees with their basis and standard (不动产登记费).
/// </summary>
public static class ImplementationListPlan
{
    /// <summary>Electronic licence types, coded as the national e-licence catalogue codes them (issuer's code + sequence).</summary>
    public static readonly (string Name, string Code) IdentityCard = ("居民身份证", "11100000000013127D001");
    private static readonly (string Name, string Code) BusinessLicence = ("营业执照", "11100000MB0143028N001");
    private static readonly (string Name, string Code) PropertyCertificate = ("不动产权证书", "11100000MB1677983T001");
    private static readonly (string Name, string Code) SocialSecurityCard = ("社会保障卡", "11100000000013989F001");
    private static readonly (string Name, string Code) HouseholdRegister = ("居民户口簿", "11100000000013127D002");

    private static readonly LegalBasis RealEstateFeeBasis =
        new("国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知", "规范性文件", "第一条");

    /// <summary>The first acceptance condition of every list, which the benchmark's basis check demands.</summary>
    public const string CapacityCondition = "申请人为依法设立的组织或者具有完全民事行为能力的自然人";

    public static string FormName(ItemTemplate template) => $"{template.Name}申请表";

    public static List<object> History(Random rng, Guid listId, PlannedEntry entry, ItemTemplate template, Region region,
        BenchDepartment manager, DateTimeOffset historyEnd)
    {
        var firstEffective = entry.Events.OfType<ItemPublished<EntryContent>>().First().EffectiveAt;
        var at = firstEffective.AddDays(rng.Next(1, 60)).AddHours(rng.Next(0, 8));
        var content = Content(template, region, entry.Owner, rng) with { EntryId = entry.Id };
        var drafted = new ItemDrafted<ImplementationListContent>(listId, entry.RegionCode, entry.ItemCode, entry.Owner.Id, entry.Owner.Code, null,
            content, entry.Owner.Code, at);
        var list = ListItem<ImplementationListContent>.Started(drafted);
        var events = new List<object> { drafted };
        void Record(object e) { events.Add(e); list = list.After(e); }

        var rounds = rng.Next(1, 5);
        var cycle = TimeSpan.FromDays(Math.Max(1, (historyEnd - at).TotalDays / (rounds + 1)));
        for (var round = 0; round < rounds; round++)
        {
            if (round > 0)
            {
                at = at.AddHours(rng.Next(1, 72));
                Generator.Require(LifecycleRules.CanRevise(list.Lifecycle));
                Record(new ItemDraftRevised<ImplementationListContent>(listId, Revised(content with { EntryId = null }, rng), entry.Owner.Code, at));
            }
            at = at.AddHours(rng.Next(1, 48));
            Generator.Require(LifecycleRules.CanSubmit(list.Lifecycle));
            Record(new ItemSubmittedForReview<ImplementationListContent>(listId, entry.Owner.Code, at));
            at = at.AddHours(rng.Next(24, 120));
            var effectiveAt = rng.NextDouble() < 0.6 ? at : at.AddDays(rng.Next(1, 31));
            Generator.Require(LifecycleRules.CanPublish(list.Lifecycle, effectiveAt, at));
            Generator.Require(PublishRefusals.Of(ImplementationListRules.RefusalsToPublish(list.Draft)));
            Record(new ItemPublished<ImplementationListContent>(listId, list.Lifecycle.LatestVersion + 1, entry.RegionCode, entry.ItemCode, null,
                list.Draft, effectiveAt, round == 0 ? "首次公布" : "根据事项调整更新办事指南", manager.Code, at, entry.Owner.Code));
            at = (effectiveAt > at ? effectiveAt : at) + cycle * (0.5 + 0.5 * rng.NextDouble());
        }
        return events;
    }

    private static ImplementationListContent Content(ItemTemplate template, Region region, BenchDepartment owner, Random rng)
    {
        var basis = template.Bases[0];
        Material Applicant(string name, MaterialForm form, bool required = true) => new(name, required, form, 1, MaterialSource.Applicant, null);
        Material ELicence((string Name, string Code) type) => new(type.Name, true, MaterialForm.Electronic, 1, MaterialSource.ELicence, type.Code);
        Material Shared(string name) => new(name, true, MaterialForm.Electronic, 1, MaterialSource.SharedData, null);

        List<Material> materials = [Applicant(FormName(template), MaterialForm.Both), ELicence(IdentityCard)];
        materials.AddRange(template.Sector switch
        {
            "市场监督管理局" => [Applicant("公司章程", MaterialForm.Paper), ELicence(BusinessLicence), Shared("住所（经营场所）使用证明")],
            "自然资源和规划局" => [ELicence(PropertyCertificate), Applicant("不动产权籍调查表", MaterialForm.Paper), Shared("完税凭证")],
            "人力资源和社会保障局" or "医疗保障局" => [ELicence(SocialSecurityCard), Applicant("劳动合同或者工作证明", MaterialForm.Paper)],
            "公安局" or "民政局" => [ELicence(HouseholdRegister), Applicant("近期免冠照片", MaterialForm.Paper)],
            _ => [ELicence(BusinessLicence), Applicant("场所平面布局图", MaterialForm.Both)],
        });
        materials.Add(Applicant("授权委托书及受托人身份证明（委托办理的）", MaterialForm.Paper, required: false));

        var realEstate = template.Sector == "自然资源和规划局" && template.Category == "行政确认";
        var statutory = rng.Next(10, 31);
        var content = new ImplementationListContent(
            ServiceObjects: template.Sector is "人力资源和社会保障局" or "公安局" or "民政局" or "医疗保障局" ? ["自然人"] : ["企业法人", "其他组织", "个体工商户"],
            Conditions:
            [
                new Condition(CapacityCondition, basis),
                new Condition($"申请事项属于{owner.Name}的管辖范围", template.Bases[^1]),
            ],
            Steps:
            [
                new ProcessStep("受理", "窗口或网上申请，材料齐全、符合法定形式的当场受理", basis),
                new ProcessStep("审查", "对申请材料进行审查，需要核查的进行现场核查", basis),
                new ProcessStep("决定", "作出准予或者不予的书面决定", basis),
                new ProcessStep("送达", "窗口领取、邮寄或者电子证照推送", basis),
            ],
            Materials: materials,
            ReviewStandard: $"符合《{basis.Title}》{basis.Article}规定的条件和标准",
            StatutoryLimitDays: statutory,
            PromisedLimitDays: rng.Next(1, statutory + 1),
            Result: template.Category == "行政许可" ? $"{template.Name}决定书或者相关证照" : $"{template.Name}结果告知书",
            Free: !realEstate,
            Fees: realEstate ? [new Fee("不动产登记费", "住宅类不动产登记每件80元；非住宅类不动产登记每件550元", RealEstateFeeBasis)] : [],
            Channels: ["河南政务服务网（许昌站）", $"{region.Name}政务服务中心综合窗口"],
            ProgressQuery: "登录河南政务服务网或“豫事办”查询，或拨打12345政务服务便民热线",
            Remedies: new Remedies($"向{region.Name}人民政府申请行政复议", $"向{region.Name}人民法院提起行政诉讼"));
        Check(content);
        return content;
    }

    /// <summary>A revision changes what guides change: the promised time limit and whether the proxy material is listed.</summary>
    private static ImplementationListContent Revised(ImplementationListContent content, Random rng)
    {
        var revised = content with
        {
            PromisedLimitDays = rng.Next(1, content.StatutoryLimitDays + 1),
            Materials = rng.Next(2) == 0 ? content.Materials : [.. content.Materials.Where(m => m.Required)],
        };
        Check(revised);
        return revised;
    }

    private static void Check(ImplementationListContent content)
    {
        var input = new Validation();
        ImplementationListRules.Check(input, content);
        if (input.Failed) throw new InvalidOperationException($"Generated list breaks the list rules: {input.Errors[0]}");
    }
}
