using CatalogHub.Departments;
using CatalogHub.Departments.Keys;
using CatalogHub.Departments.Registering;
using CatalogHub.Platform;
using Marten;

namespace CatalogHub.Tests.Support;

/// <summary>A department registered for a test, with one working key.</summary>
public sealed record TestDepartment(Guid Id, string Code, string Name, string Region, string Key);

/// <summary>Real-shaped departments of 许昌市 and its counties; every code passes the GB 32100 check.</summary>
public static class TestDepartments
{
    public static readonly (string Code, string Name, string Region, Role[] Roles) HubAdmin =
        ("11411000005326026D", "许昌市政务服务和大数据管理局", "411000", [Role.HubAdmin, Role.CatalogueManager]);
    public static readonly (string Code, string Name, string Region, Role[] Roles) MarketRegulation =
        ("11411000005327811H", "许昌市市场监督管理局", "411000", [Role.ServiceDepartment, Role.LicenceIssuer]);
    public static readonly (string Code, string Name, string Region, Role[] Roles) NaturalResources =
        ("114110000053281603", "许昌市自然资源和规划局", "411000", [Role.ServiceDepartment]);
    public static readonly (string Code, string Name, string Region, Role[] Roles) HumanResources =
        ("1141100000533099XB", "许昌市人力资源和社会保障局", "411000", [Role.Consumer]);
    public static readonly (string Code, string Name, string Region, Role[] Roles) Audit =
        ("114110000053295500", "许昌市审计局", "411000", [Role.Auditor]);
    public static readonly (string Code, string Name, string Region, Role[] Roles) HealthCommission =
        ("11411000005329034X", "许昌市卫生健康委员会", "411000", [Role.ServiceDepartment, Role.LicenceIssuer]);
    public static readonly (string Code, string Name, string Region, Role[] Roles) WeiduManager =
        ("11411002005327176C", "许昌市魏都区行政审批和政务信息管理局", "411002", [Role.CatalogueManager, Role.ServiceDepartment]);
    public static readonly (string Code, string Name, string Region, Role[] Roles) YuzhouManager =
        ("114110810053266671", "禹州市政务服务和大数据管理局", "411081", [Role.CatalogueManager, Role.ServiceDepartment]);

    /// <summary>A valid code not used by the departments above: 许昌市住房和城乡建设局.</summary>
    public const string UnregisteredCode = "114110000053302366";

    public static async Task<TestDepartment> Register(IDocumentStore store, TimeProvider clock,
        (string Code, string Name, string Region, Role[] Roles) d)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = "test-setup";
        var now = clock.GetUtcNow();
        var registered = RegisterDepartmentEndpoint.Register(session, new RegisterDepartment(d.Code, d.Name, d.Region, d.Roles, "test set-up"), "test-setup", now);
        var (issued, key) = IssueApiKeyEndpoint.Issue(registered.DepartmentId, "test key", now.AddDays(30), "test-setup", now);
        session.Events.Append(registered.DepartmentId, issued);
        await session.SaveChangesAsync();
        return new TestDepartment(registered.DepartmentId, d.Code, d.Name, d.Region, key);
    }
}
