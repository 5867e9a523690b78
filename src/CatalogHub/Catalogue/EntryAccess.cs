using CatalogHub.Platform;

namespace CatalogHub.Catalogue;

/// <summary>
/// Who may touch an entry: its owning department, or its region's catalogue manager (政务服务管理部门).
/// Publishing and repealing are the catalogue manager's alone (003:7, 000:13).
/// </summary>
public static class EntryAccess
{
    public static bool MayEdit(Caller caller, Entry entry) =>
        caller.DepartmentId == entry.OwnerDepartmentId || MayPublish(caller, entry);

    public static bool MayPublish(Caller caller, Entry entry) =>
        caller.Has(Role.CatalogueManager) && caller.RegionCode == entry.RegionCode;

    /// <summary>Drafts and their history: the editors plus auditors.</summary>
    public static bool MaySeeDrafts(Caller? caller, Entry entry) =>
        caller is not null && (MayEdit(caller, entry) || caller.Has(Role.Auditor));
}
