using CatalogHub.Departments;
using CatalogHub.Departments.Keys;
using CatalogHub.Platform;
using CatalogHub.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogHub.Tests.Departments;

public sealed class Departments_and_keys(AppFixture fixture) : IntegrationContext(fixture)
{
    private static object Housing(string code = TestDepartments.UnregisteredCode) => new
    {
        code, name = "许昌市住房和城乡建设局", regionCode = "411000", roles = new[] { "service-department" }, reason = "新增政务服务部门",
    };

    [Fact]
    public async Task a_hub_admin_registers_a_department_and_issues_it_a_key_that_works()
    {
        var created = Read<DepartmentView>(await Post("/departments", Housing(), Admin.Key, 201));
        Assert.Equal((TestDepartments.UnregisteredCode, "411000", "许昌市住房和城乡建设局"), (created.Code, created.RegionCode, created.Name));
        Assert.Equal([Role.ServiceDepartment], created.Roles);

        var issued = Read<IssuedApiKey>(await Post($"/departments/{created.Id}/keys", new { label = "业务系统对接", reason = "系统对接" }, Admin.Key, 201));
        Assert.StartsWith($"chk_{issued.KeyId}_", issued.Key);

        // The new key authenticates as the new department; neither the key nor its hash is ever shown again.
        var seen = await Get($"/departments/{created.Id}", issued.Key);
        var text = seen.ReadAsText();
        Assert.DoesNotContain(issued.Key, text);
        Assert.DoesNotContain(ApiKeys.Hash(issued.Key), text);
        Assert.Equal(issued.KeyId, Assert.Single(Read<DepartmentView>(seen).Keys).KeyId);
    }

    [Fact]
    public async Task an_invalid_credit_code_check_character_is_refused()
    {
        var wrongCheck = TestDepartments.UnregisteredCode[..17] + "7";
        AssertProblem(await Post("/departments", Housing(wrongCheck), Admin.Key, 400), "invalid-credit-code", "code");
    }

    [Fact]
    public async Task a_registered_code_cannot_be_registered_twice()
    {
        await Post("/departments", Housing(), Admin.Key, 201);
        AssertProblem(await Post("/departments", Housing(), Admin.Key, 409), "duplicate-department", "code");
    }

    [Fact]
    public async Task an_unknown_role_is_refused() =>
        AssertProblem(await Post("/departments", new { code = TestDepartments.UnregisteredCode, name = "许昌市住房和城乡建设局", regionCode = "411000",
            roles = new[] { "mayor" }, reason = "新增" }, Admin.Key, 400), "malformed-json", "roles[0]");

    [Fact]
    public async Task revoked_expired_unknown_and_missing_keys_get_401_with_their_reason()
    {
        var market = await Register(TestDepartments.MarketRegulation);
        // Authenticated once, the key's department is cached: the forged secret and the revocation below must still be refused at once.
        await Get("/departments", market.Key);

        AssertProblem(await Get("/departments", status: 401), "missing-api-key");
        AssertProblem(await Get("/departments", "chk_0123456789abcdef_unknownsecret", 401), "unknown-api-key");
        AssertProblem(await Get("/departments", "not-a-key", 401), "malformed-api-key");
        var forged = market.Key[..^4] + "AAAA";
        AssertProblem(await Get("/departments", forged, 401), "unknown-api-key");

        var keyId = market.Key[4..20];
        await Post($"/departments/{market.Id}/keys/{keyId}/revoke", new { reason = "密钥泄露" }, market.Key, 200);
        AssertProblem(await Get("/departments", market.Key, 401), "revoked-api-key");

        var auditor = await Register(TestDepartments.Audit);
        Clock.Advance(TimeSpan.FromDays(31));
        AssertProblem(await Get("/departments", auditor.Key, 401), "expired-api-key");
    }

    [Fact]
    public async Task every_protected_endpoint_answers_401_without_a_key_and_403_without_the_role()
    {
        var consumer = await Register(TestDepartments.HumanResources);
        // For the consumer's own policy, a service department lacks the role.
        var service = await Register(TestDepartments.NaturalResources);
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Policy: e.Metadata.GetMetadata<IAuthorizeData>()?.Policy,
                Method: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault()))
            .Where(e => e.Policy is not null && e.Method is not null)
            .ToList();
        Assert.True(endpoints.Count >= 10, $"found only {endpoints.Count} protected endpoints");

        foreach (var (endpoint, policy, method) in endpoints)
        {
            var url = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p =>
                p is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l ? l.Content : Guid.NewGuid().ToString("N")[..16]))));
            var anonymous = await Send(new HttpMethod(method!), url, new { }, null, 401);
            AssertProblem(anonymous, "missing-api-key");
            if (policy == Policies.Authenticated) continue;
            var forbidden = await Send(new HttpMethod(method!), url, new { }, policy == Policies.Consumer ? service.Key : consumer.Key, 403);
            AssertProblem(forbidden, "missing-role");
        }
    }
}
