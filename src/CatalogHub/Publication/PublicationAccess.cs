
namespace CatalogHub.Publication;

/// <summary>What every published list's aggregate exposes to the shared lifecycle.</summary>
public interface IPublishable<out TSelf> : IEvolving<TSelf> where TSelf : IPublishable<TSelf>
{
    Guid Id { get; }
    string RegionCode { get; }
    Guid OwnerDepartmentId { get; }
    Lifecycle Lifecycle { get; }

    /// <summary>The list's name (<see cref="Lists.ListDefinition.Name"/>): the key of its rows in the tables every list shares.</summary>
    static abstract string ListName { get; }
}

/// <summary>
/// Who may touch a list's draft: its owning department, or its region's catalogue manager (政务服务管理部门).
/// Publishing and repealing are the catalogue manager's alone (003:7, 000:13).
/// </summary>
public static class PublicationAccess
{
    public static bool MayEdit<T>(Caller caller, T item) where T : IPublishable<T> =>
        caller.DepartmentId == item.OwnerDepartmentId || MayPublish(caller, item);

    public static bool MayPublish<T>(Caller caller, T item) where T : IPublishable<T> => MayPublishIn(caller, item.RegionCode);

    /// <summary>Whether the caller may publish items of <paramref name="regionCode"/>: the bulk publication asks before any item exists.</summary>
    public static bool MayPublishIn(Caller caller, string regionCode) =>
        caller.Has(Role.CatalogueManager) && caller.RegionCode == regionCode;

    /// <summary>Drafts and their history: the editors plus auditors.</summary>
    public static bool MaySeeDrafts<T>(Caller? caller, T item) where T : IPublishable<T> =>
        caller is not null && (MayEdit(caller, item) || caller.Has(Role.Auditor));
}
