using System.Globalization;
using System.Text.Json;

namespace CatalogHub.Site;

/// <summary>The site's Chinese words for the lists, their fields and values, and its one rule for dates.</summary>
public static class SiteText
{
    public static readonly IReadOnlyDictionary<string, string> ListNames = new Dictionary<string, string>
    {
        ["base-catalogue"] = "政务服务事项基本目录",
        ["implementation-list"] = "实施清单（办事指南）",
        ["licence-catalogue"] = "电子证照目录",
        ["proof-items"] = "证明事项清单",
        ["intermediary-services"] = "中介服务事项清单",
        ["promises"] = "告知承诺事项清单",
        ["deferrals"] = "容缺受理事项清单",
    };

    /// <summary>Field names of every list's content; a field without one shows its JSON name.</summary>
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["name"] = "名称", ["category"] = "事项类型", ["competentDepartment"] = "主管部门", ["implementingAuthority"] = "实施主体",
        ["legalBases"] = "设定和实施依据", ["title"] = "名称", ["level"] = "效力级别", ["article"] = "条款", ["externalSourceId"] = "省级事项编码",
        ["serviceObjects"] = "服务对象", ["conditions"] = "受理条件", ["text"] = "内容", ["basis"] = "依据", ["steps"] = "办理流程",
        ["description"] = "说明", ["materials"] = "申请材料", ["required"] = "是否必要", ["form"] = "材料形式", ["copies"] = "份数",
        ["source"] = "材料来源", ["licenceTypeCode"] = "电子证照类型编码", ["proofItemId"] = "证明事项", ["reviewStandard"] = "审查标准",
        ["statutoryLimitDays"] = "法定办结时限（工作日）", ["promisedLimitDays"] = "承诺办结时限（工作日）", ["result"] = "办理结果",
        ["free"] = "是否免费", ["fees"] = "收费项目", ["standard"] = "收费标准", ["channels"] = "办理渠道", ["progressQuery"] = "办理进度查询",
        ["remedies"] = "救济途径", ["reconsideration"] = "行政复议", ["litigation"] = "行政诉讼", ["intermediaryServices"] = "中介服务事项",
        ["entryId"] = "基本目录事项", ["servedEntries"] = "服务的基本目录事项", ["demandingUnit"] = "索要单位", ["issuingUnit"] = "开具单位",
        ["guide"] = "开具指南", ["procedure"] = "办理程序", ["place"] = "办理地点", ["timeLimitDays"] = "办理时限（工作日）",
        ["eLicenceTypeCode"] = "可替代的电子证照类型编码", ["sharedData"] = "可替代的共享数据", ["process"] = "服务流程", ["feeStandard"] = "收费标准",
        ["providerKind"] = "服务机构类型", ["promiseText"] = "承诺内容", ["replaces"] = "以承诺替代的要求", ["kind"] = "类型", ["liability"] = "违诺责任",
        ["exclusions"] = "不适用情形", ["complianceCheck"] = "事中事后核查", ["exempt"] = "免于核查", ["method"] = "核查方式",
        ["withinWorkingDays"] = "期限（工作日）", ["mainMaterials"] = "主要申请材料", ["deferrableMaterials"] = "可容缺材料",
        ["ifNotSupplied"] = "逾期未补齐的处理", ["holderKind"] = "持证主体类型", ["faceSchema"] = "照面信息结构",
    };

    private static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["applicant"] = "申请人提交", ["e-licence"] = "电子证照", ["shared-data"] = "部门共享数据", ["paper"] = "纸质", ["electronic"] = "电子",
        ["both"] = "纸质或电子", ["condition"] = "条件", ["material"] = "材料", ["serious-bad-credit"] = "存在严重失信记录",
        ["earlier-false-promise"] = "曾作出虚假承诺", ["other"] = "其他",
    };

    public static string Field(string name) => Fields.GetValueOrDefault(name, name);

    public static string Value(string value) => Values.GetValueOrDefault(value, value);

    /// <summary>What people call an item: its content's name where it has one, else its code.</summary>
    public static string TitleOf(JsonElement content, string code) =>
        content.ValueKind == JsonValueKind.Object && content.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()! : code;

    private static readonly TimeSpan Beijing = Instants.DefaultOffset;

    /// <summary>An instant as the city reads it: Beijing time, to the minute (seconds only when it has them).</summary>
    public static string Time(DateTimeOffset t)
    {
        var local = t.ToOffset(Beijing);
        return local.ToString(local.Second == 0 && local.Millisecond == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            + "（北京时间）";
    }

    /// <summary>Today's date in Beijing, as the date input and the page URLs write it.</summary>
    public static string Today(DateTimeOffset now) => now.ToOffset(Beijing).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The instant a page shows for <c>date</c> (yyyy-MM-dd, a day in Beijing): what was in force at the end of that day, so a version
    /// that took effect during the day is the one shown for it; for today, what is in force now, never a version that takes effect
    /// later today. False for text that is not such a date.
    /// </summary>
    public static bool TryReadDate(string date, DateTimeOffset now, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year < 1949) return false;
        var endOfDay = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), Beijing).ToUniversalTime();
        instant = date == Today(now) ? now : endOfDay;
        return true;
    }
}
