using CatalogHub.Catalogue;
using CatalogHub.Demo;

namespace CatalogHub.Lists.IntermediaryServices;

/// <summary>A realistic intermediary service for OpenAPI examples and the demo data; it serves the demo's 建设工程规划许可证核发 of 许昌市.</summary>
public static class IntermediaryServiceExamples
{
    /// <summary>
    /// 建设工程设计方案编制: an application for 建设工程规划许可证 includes the design scheme (城乡规划法 第四十条), which
    /// only a design unit within its qualification may draw up (建设工程勘察设计管理条例 第八条); its price is set by the
    /// market (发改价格〔2015〕299号).
    /// </summary>
    public static readonly IntermediaryServiceContent BuildingDesignScheme = new(
        Name: "建设工程设计方案编制",
        ServedEntries: [DemoData.IdOf("entry:411000:000131015000")],
        LegalBases:
        [
            new LegalBasis("中华人民共和国城乡规划法", "法律", "第四十条"),
            new LegalBasis("建设工程勘察设计管理条例", "行政法规", "第八条"),
        ],
        Conditions:
        [
            "建设单位已取得建设项目用地的规划条件",
            "建设单位能够提供符合要求的现状地形图",
        ],
        Process:
        [
            "建设单位通过许昌市中介服务网上交易平台或者自行自主选择具有相应资质的设计单位",
            "双方签订建设工程设计合同，建设单位提供规划条件和现状地形图",
            "设计单位依据规划条件和工程建设强制性标准编制设计方案",
            "设计单位交付设计方案文本及图纸，建设单位据以申请建设工程规划许可证",
        ],
        TimeLimitDays: 30,
        Free: false,
        FeeStandard: "实行市场调节价（《国家发展改革委关于进一步放开建设项目专业服务价格的通知》发改价格〔2015〕299号），按合同约定收取",
        ProviderKind: "具有相应建筑工程设计资质的设计单位");
}
