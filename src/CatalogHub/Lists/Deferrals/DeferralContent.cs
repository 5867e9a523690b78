using CatalogHub.Catalogue;

namespace CatalogHub.Lists.Deferrals;

/// <summary>
/// A secondary material (次要材料, 004:24) that may follow acceptance (可容缺受理的材料), and within how many working
/// days of acceptance the applicant must supply it (the 时限 the department tells at once, 000:25, 004:24).
/// </summary>
public sealed record DeferrableMaterial(string Name, int? WithinWorkingDays);

/// <summary>
/// What a version of an item's entry on the 容缺受理 list (可容缺受理的政务服务事项清单, 003:33, 000:25, 004:24) says:
/// the base catalogue entry; the main materials (主要申请材料) that must be complete and in legal form for the
/// application to be accepted; the materials that may follow, each with its deadline; what happens if they do not
/// follow in time (超期处理办法, 000:25: the application counts as withdrawn, 视为撤回申请); and, where the item has them,
/// legal bases beyond the regulations that set up 容缺受理 ([] for none).
/// </summary>
public sealed record DeferralContent(
    Guid EntryId,
    IReadOnlyList<string> MainMaterials,
    IReadOnlyList<DeferrableMaterial> DeferrableMaterials,
    string IfNotSupplied,
    IReadOnlyList<LegalBasis> LegalBases);
