using System.Net;
using Microsoft.Extensions.Configuration;
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
        Assert.Equal(issued.KeyId, Assert.Single(Read<DepartmentView>(seen).Keys!).KeyId);
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
    public async Task a_key_in_steady_use_is_refused_here_soon_after_another_node_revokes_it()
    {
        var market = await Register(TestDepartments.MarketRegulation);
        await Get("/departments", market.Key);
        var keyId = market.Key[4..20];
        await using (var other = await ExtraNode.Start(Environment.GetEnvironmentVariable("CATALOGHUB_DB")!, new Dictionary<string, string?>()))
            await other.Host.Scenario(s =>
            {
                s.Post.Json(new { reason = "密钥泄露" }).ToUrl($"/departments/{market.Id}/keys/{keyId}/revoke");
                s.WithRequestHeader("Authorization", "ApiKey " + market.Key);
                s.StatusCodeShouldBe(200);
            });

        // Used every 100 ms, the key must still fall out of this node's cache once its lifetime has passed since it was read.
        Assert.True(await ExtraNode.Eventually(async () =>
        {
            var answer = await Host.Scenario(s => { s.Get.Url("/departments"); s.WithRequestHeader("Authorization", "ApiKey " + market.Key); s.IgnoreStatusCode(); });
            return answer.Context.Response.StatusCode == 401;
        }, ApiKeyCache.Lifetime * 3));
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

    [Fact]
    public async Task key_ids_and_labels_are_shown_only_to_their_own_department_and_the_hub_admin()
    {
        var market = await Register(TestDepartments.MarketRegulation);
        var audit = await Register(TestDepartments.Audit);
        var marketKeyId = market.Key[4..20];

        var seenByOthers = Read<List<DepartmentView>>(await Get("/departments", audit.Key));
        Assert.Equal(new[] { Admin.Code, audit.Code, market.Code }.Order(StringComparer.Ordinal), seenByOthers.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.All(seenByOthers.Where(d => d.Id != audit.Id), d => Assert.Null(d.Keys));
        Assert.DoesNotContain(marketKeyId, (await Get($"/departments/{market.Id}", audit.Key)).ReadAsText());

        Assert.Equal(marketKeyId, Assert.Single(Read<DepartmentView>(await Get($"/departments/{market.Id}", market.Key)).Keys!).KeyId);
        var seenByAdmin = Read<List<DepartmentView>>(await Get("/departments", Admin.Key));
        Assert.All(seenByAdmin, d => Assert.Single(d.Keys!));
    }

    [Fact]
    public async Task a_deregistered_department_loses_its_keys_at_once_and_leaves_the_list_but_keeps_its_history()
    {
        var housing = Read<DepartmentView>(await Post("/departments", Housing(), Admin.Key, 201));
        var issued = Read<IssuedApiKey>(await Post($"/departments/{housing.Id}/keys", new { label = "业务系统对接", reason = "系统对接" }, Admin.Key, 201));
        // Authenticated once, the department is cached: the deregistration must end the key on this node all the same.
        var read = await Get($"/departments/{housing.Id}", issued.Key);
        var etag = read.Context.Response.Headers.ETag.ToString();
        Assert.Equal("\"2\"", etag);

        AssertProblem(await Post($"/departments/{housing.Id}/deregister", new { reason = "机构改革，职责并入许昌市自然资源和规划局" }, Admin.Key, 428), "if-match-required");
        AssertProblem(await Post($"/departments/{housing.Id}/deregister", new { reason = "机构改革" }, issued.Key, 403), "missing-role");
        var deregistered = Read<DepartmentView>(await Post($"/departments/{housing.Id}/deregister",
            new { reason = "机构改革，职责并入许昌市自然资源和规划局" }, Admin.Key, 200, etag));
        Assert.Equal(Now, deregistered.DeregisteredAt);

        AssertProblem(await Get("/departments", issued.Key, 401), "deregistered-department");
        Assert.DoesNotContain(housing.Id, Read<List<DepartmentView>>(await Get("/departments", Admin.Key)).Select(d => d.Id));
        Assert.Equal(Now, Read<DepartmentView>(await Get($"/departments/{housing.Id}", Admin.Key)).DeregisteredAt);
        // A repeat records nothing; the code stays taken so that history keeps meaning one department.
        await Post($"/departments/{housing.Id}/deregister", new { reason = "重复提交" }, Admin.Key, 200, "\"3\"");
        AssertProblem(await Post("/departments", Housing(), Admin.Key, 409), "duplicate-department", "code");
        AssertProblem(await Post($"/departments/{housing.Id}/keys", new { label = "新系统", reason = "重新对接" }, Admin.Key, 409),
            "department-deregistered", "id");

        await using var session = Store.QuerySession();
        var history = await session.Events.FetchStreamAsync(housing.Id);
        Assert.Equal([typeof(DepartmentRegistered), typeof(ApiKeyIssued), typeof(DepartmentDeregistered)], history.Select(e => e.EventType));
    }

    [Fact]
    public async Task a_hub_admin_cannot_deregister_its_own_department() =>
        AssertProblem(await Post($"/departments/{Admin.Id}/deregister", new { reason = "误操作" }, Admin.Key, 409, "\"2\""), "cannot-deregister-self", "id");

    private Task<Alba.IScenarioResult> From(string client, string key, int status) =>
        Send(HttpMethod.Get, "/departments", null, key, status, more: s => s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse(client)));

    [Fact]
    public async Task guessing_secrets_for_one_key_id_is_throttled_while_the_right_key_from_another_client_still_works()
    {
        var market = await Register(TestDepartments.MarketRegulation);
        var keyId = market.Key[4..20];
        const string guesser = "222.137.5.20", office = "222.137.8.41", second = "61.163.40.7";
        var limit = Host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()
            .GetValue<int>(AuthenticationThrottle.LimitSetting);

        var statuses = new List<int>();
        for (var i = 0; i < 300; i++)
        {
            var guess = $"chk_{keyId}_{Convert.ToBase64String(BitConverter.GetBytes(i)).TrimEnd('=')}guessedsecret";
            var answer = await Host.Scenario(s =>
            {
                s.Get.Url("/departments");
                s.WithRequestHeader("Authorization", "ApiKey " + guess);
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse(guesser));
                s.IgnoreStatusCode();
            });
            statuses.Add(answer.Context.Response.StatusCode);
            if (answer.Context.Response.StatusCode == 429)
            {
                AssertProblem(answer, "too-many-failed-authentications");
                Assert.True(int.Parse(answer.Context.Response.Headers.RetryAfter.ToString()) > 0);
            }
        }
        Assert.Equal(Enumerable.Repeat(401, limit).Concat(Enumerable.Repeat(429, 300 - limit)), statuses);

        // The guessing client is refused unheard, even with the right key; the department's own office is not.
        AssertProblem(await From(guesser, market.Key, 429), "too-many-failed-authentications");
        await From(office, market.Key, 200);
        // Another client gets one wrong try at the exhausted key id, then is refused too.
        AssertProblem(await From(second, $"chk_{keyId}_anotherguessedsecret", 401), "unknown-api-key");
        AssertProblem(await From(second, $"chk_{keyId}_yetanotherguessedsecret", 429), "too-many-failed-authentications");
        // Successful requests are never counted.
        for (var i = 0; i < limit + 5; i++) await From(office, market.Key, 200);
    }
}
