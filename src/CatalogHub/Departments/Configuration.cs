using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;

namespace CatalogHub.Departments;

/// <summary>Indexes each issued key by its id so authentication finds the department in one load.</summary>
public sealed partial class ApiKeyIndexProjection : EventProjection
{
    public ApiKeyIndex Create(ApiKeyIssued e) => new(e.KeyId, e.DepartmentId);
}

public static class DepartmentsConfiguration
{
    /// <summary>Every event of the module; schemas/ documents each one.</summary>
    public static readonly Type[] Events = [typeof(DepartmentRegistered), typeof(ApiKeyIssued), typeof(ApiKeyRevoked), typeof(DepartmentDeregistered)];

    public static void AddDepartments(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Department>(SnapshotLifecycle.Inline);
        opts.Projections.Add<ApiKeyIndexProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<Department>().DocumentAlias("department").UniqueIndex(x => x.Code);
        opts.Schema.For<ApiKeyIndex>().DocumentAlias("api_key_index");
        opts.Events.AddEventTypes(Events);
    }
}
