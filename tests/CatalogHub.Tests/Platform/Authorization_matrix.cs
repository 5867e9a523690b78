using System.Globalization;
using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using CatalogHub.Demo;
using CatalogHub.Platform;
using CatalogHub.Publication.Lists;
using CatalogHub.Tests.Sharing;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// Every operation of the OpenAPI document × no key × a department holding just one role (each role in turn) × a foreign
/// department, all acting on resources of 许昌市市场监督管理局 (its entry draft, implementation-list draft, licence-type
/// draft, seal, licence, grant, subscription, key and the department itself).
/// <para>The rule the API keeps, and this test states:</para>
/// <list type="bullet">
/// <item>no key: 401 <c>missing-api-key</c>, unless the operation is public;</item>
/// <item>a key whose roles the operation does not admit: 403 <c>missing-role</c>, decided before the resource is looked at;</item>
/// <item>a key the operation admits but acting on another department's resource: 403 or 404 (404 where the API hides that
/// the resource exists), or a 4xx for the request itself — never 2xx on an owned resource, and never 401;</item>
/// <item>never 5xx.</item>
/// </list>
/// The expectations are the table below, keyed by operation id: an operation the document has and the table lacks fails the test.
/// </summary>
public sealed class Authorization_matrix(AppFixture fixture) : SharingContext(fixture)
{
    /// <summary>Who may call an operation: public, or the roles (any one of them suffices); Owned: it acts on the first department's resource.</summary>
    private sealed record May(bool Public, Role[] Roles, bool Owned = false)
    {
        public May OwnedByFirst() => this with { Owned = true };
        public bool Admits(IEnumerable<Role> roles) => Public || roles.Any(Roles.Contains);
    }

    private static readonly Role[] All = Enum.GetValues<Role>();
    private static May Anyone => new(true, All);
    private static May AnyDepartment => new(false, All);
    private static May Only(params Role[] roles) => new(false, roles);
    private static readonly Role[] Writer = [Role.ServiceDepartment, Role.CatalogueManager];

    private static readonly Dictionary<string, May> Expected = WithEveryList(new()
    {
        ["GET_audit_events"] = Only(Role.Auditor),
        ["GET_audit_retroactive_changes"] = Only(Role.Auditor),
        ["GET_audit_log_verify"] = Only(Role.Auditor),
        ["GET_audit_log_export"] = Only(Role.HubAdmin, Role.Auditor),
        ["GET_log_checkpoint"] = Anyone,
        ["GET_log_checkpoints"] = Anyone,
        ["GET_log_keys"] = Anyone,
        ["GET_log_inclusion"] = Anyone,
        ["GET_log_consistency"] = Anyone,
        ["POST_basis_check"] = AnyDepartment,
        ["GET_feed"] = AnyDepartment,
        ["GET_needs_revision"] = AnyDepartment,

        ["GET_regions_regionCode_catalogue"] = Anyone,
        ["GET_regions_regionCode_catalogue_jsonld"] = Anyone,
        ["GET_catalogue_by_source_sourceId"] = Anyone,
        ["GET_catalogue_relying_on"] = Anyone,
        ["GET_catalogue_entries_id"] = Anyone.OwnedByFirst(),
        ["GET_catalogue_entries_id_versions"] = Anyone.OwnedByFirst(),
        ["GET_catalogue_entries_id_versions_version"] = Anyone.OwnedByFirst(),
        ["GET_catalogue_drafts"] = Only(Writer),
        ["POST_catalogue_entries"] = Only(Writer),
        ["GET_catalogue_entries_id_draft"] = AnyDepartment.OwnedByFirst(),
        ["PUT_catalogue_entries_id_draft"] = Only(Writer).OwnedByFirst(),
        ["GET_catalogue_entries_id_history"] = AnyDepartment.OwnedByFirst(),
        ["POST_catalogue_entries_id_submit"] = Only(Writer).OwnedByFirst(),
        ["POST_catalogue_entries_id_withdraw"] = Only(Writer).OwnedByFirst(),
        ["POST_catalogue_entries_id_publish"] = Only(Writer).OwnedByFirst(),
        ["POST_catalogue_entries_id_repeal"] = Only(Writer).OwnedByFirst(),

        ["GET_implementation_lists_id"] = Anyone.OwnedByFirst(),
        ["GET_implementation_lists_id_versions"] = Anyone.OwnedByFirst(),
        ["GET_implementation_lists_id_versions_version"] = Anyone.OwnedByFirst(),
        ["GET_implementation_lists_drafts"] = AnyDepartment,
        ["POST_implementation_lists"] = Only(Writer),
        ["GET_implementation_lists_id_draft"] = AnyDepartment.OwnedByFirst(),
        ["PUT_implementation_lists_id_draft"] = Only(Writer).OwnedByFirst(),
        ["GET_implementation_lists_id_history"] = AnyDepartment.OwnedByFirst(),
        ["POST_implementation_lists_id_submit"] = Only(Writer).OwnedByFirst(),
        ["POST_implementation_lists_id_withdraw"] = Only(Writer).OwnedByFirst(),
        ["POST_implementation_lists_id_publish"] = Only(Writer).OwnedByFirst(),
        ["POST_implementation_lists_id_repeal"] = Only(Writer).OwnedByFirst(),

        ["GET_filings"] = Only(Writer),
        ["GET_filings_list_itemId_version"] = Only(Writer),
        ["POST_filings_list_itemId_version_acknowledge"] = Only(Writer),
        ["GET_filings_city_changes"] = Only(Writer),
        ["POST_filings_list_itemId_confirm"] = Only(Writer),

        ["GET_departments"] = AnyDepartment,
        ["GET_departments_id"] = AnyDepartment,
        ["POST_departments"] = Only(Role.HubAdmin),
        ["POST_departments_id_deregister"] = Only(Role.HubAdmin).OwnedByFirst(),
        ["POST_departments_id_keys"] = Only(Role.HubAdmin).OwnedByFirst(),
        ["POST_departments_id_keys_keyId_revoke"] = AnyDepartment.OwnedByFirst(),

        ["GET_sharing_seals_id"] = Anyone,
        ["GET_sharing_departments_departmentCode_seals"] = Anyone,
        ["POST_sharing_seals"] = Only(Role.LicenceIssuer),
        ["POST_sharing_seals_id_suspend"] = AnyDepartment.OwnedByFirst(),
        ["POST_sharing_seals_id_reinstate"] = AnyDepartment.OwnedByFirst(),
        ["POST_sharing_seals_id_revoke"] = AnyDepartment.OwnedByFirst(),


        ["POST_sharing_licences"] = Only(Role.LicenceIssuer),
        ["GET_sharing_licences_id"] = Only(Role.LicenceIssuer).OwnedByFirst(),
        ["GET_sharing_licences_id_package"] = Only(Role.LicenceIssuer).OwnedByFirst(),
        ["PUT_sharing_licences_id"] = Only(Role.LicenceIssuer).OwnedByFirst(),
        ["POST_sharing_licences_id_suspend"] = Only(Role.LicenceIssuer).OwnedByFirst(),
        ["POST_sharing_licences_id_reinstate"] = Only(Role.LicenceIssuer).OwnedByFirst(),
        ["POST_sharing_licences_id_revoke"] = Only(Role.LicenceIssuer).OwnedByFirst(),
        ["POST_sharing_licences_id_expire"] = Only(Role.LicenceIssuer).OwnedByFirst(),
        ["POST_sharing_licences_verify"] = Anyone,

        ["POST_sharing_grants"] = AnyDepartment,
        ["POST_sharing_grants_id_revoke"] = AnyDepartment.OwnedByFirst(),
        ["POST_sharing_reads"] = Only(Role.Consumer),
        ["GET_sharing_access_log"] = Only(Role.Auditor),
        ["POST_sharing_access_log_search"] = Only(Role.Auditor),
        ["GET_sharing_access_log_export"] = Only(Role.Auditor),
        ["POST_sharing_access_log_export"] = Only(Role.Auditor),
        ["POST_sharing_holders_access_report"] = Only(Role.HubAdmin, Role.Auditor),
        ["POST_sharing_holders_erase"] = Only(Role.HubAdmin),
        ["GET_sharing_grants"] = AnyDepartment,
        ["POST_sharing_subscriptions"] = AnyDepartment,
        ["POST_sharing_subscriptions_id_cancel"] = AnyDepartment.OwnedByFirst(),
    });

    /// <summary>Every registered list has the same operations, each with the rule of the policy its registration names.</summary>
    private static Dictionary<string, May> WithEveryList(Dictionary<string, May> table)
    {
        static string At(string route) => route.TrimStart('/').Replace("{", "").Replace("}", "").Replace('/', '_').Replace('-', '_');
        foreach (var list in ListRegistry.All)
        {
            var at = At(list.Route);
            var (draft, write) = (Only(RolesOf(list.DraftPolicy)), Only(RolesOf(list.WritePolicy)));
            if (list.RegionRoute is { } region) (table[$"GET_{At(region)}"], table[$"GET_{At(region)}_code"]) = (Anyone, Anyone);
            table[$"GET_{at}_id"] = Anyone.OwnedByFirst();
            table[$"GET_{at}_id_versions"] = Anyone.OwnedByFirst();
            table[$"GET_{at}_id_record_diff"] = Anyone.OwnedByFirst();
            table[$"GET_{at}_id_diff"] = Only(Role.Auditor).OwnedByFirst();
            if (list.RegionDiffRoute is { } regionDiff) table[$"GET_{At(regionDiff)}"] = Only(Role.Auditor);
            table[$"GET_{at}_id_versions_version"] = Anyone.OwnedByFirst();
            table[$"GET_{At(list.DraftsRoute)}"] = write;
            table[$"POST_{at}"] = draft;
            // It drafts and publishes: both policies (inside, only the region's catalogue manager passes).
            if (list.PublishesInBulk) table[$"POST_{at}_bulk"] = Only([.. RolesOf(list.DraftPolicy).Intersect(RolesOf(list.WritePolicy))]);
            table[$"GET_{at}_id_draft"] = AnyDepartment.OwnedByFirst();
            table[$"GET_{at}_id_history"] = AnyDepartment.OwnedByFirst();
            foreach (var change in new[] { "PUT_{0}_id_draft", "POST_{0}_id_submit", "POST_{0}_id_withdraw", "POST_{0}_id_publish", "POST_{0}_id_repeal",
                         "POST_{0}_id_cancel_schedule", "POST_{0}_id_reschedule" })
                table[string.Format(CultureInfo.InvariantCulture, change, at)] = write.OwnedByFirst();
        }
        return table;
    }

    private static Role[] RolesOf(string policy) => policy switch
    {
        Policies.CatalogueWriter => Writer,
        Policies.LicenceIssuer => [Role.LicenceIssuer],
        Policies.Authenticated => All,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "a policy the matrix does not know"),
    };

    /// <summary>Departments of 许昌市 holding exactly one role; the hub-admin of the fixture holds two, so it gets its own.</summary>
    private static readonly Dictionary<Role, (string Name, string Region)> OneRole = new()
    {
        [Role.CatalogueManager] = ("许昌市建安区政务服务和大数据管理局", "411003"),
        [Role.ServiceDepartment] = ("许昌市教育局", "411000"),
        [Role.LicenceIssuer] = ("许昌市公安局", "411000"),
        [Role.Consumer] = ("许昌市民政局", "411000"),
        [Role.Auditor] = ("许昌市魏都区审计局", "411002"),
        [Role.HubAdmin] = ("许昌市大数据中心", "411000"),
    };

    /// <summary>A valid unified social credit code (GB 32100) for the n-th department of this test.</summary>
    private static string CreditCode(int n)
    {
        var first17 = $"1141100000{5340000 + n:D7}";
        return first17 + UnifiedSocialCreditCode.CheckCharacterFor(first17);
    }

    private sealed record Actor(string Label, string? Key, Role[] Roles, bool Foreign = false);

    [Fact]
    public async Task every_operation_answers_every_role_a_foreign_department_and_no_key_as_the_table_says()
    {
        // The first department's resources, each with its current version for If-Match.
        var purpose = await Published(SubsidyItem(), "000109008000");
        var entryDraft = await Draft();
        var listDraft = Read<CatalogHub.ImplementationLists.ImplementationListDraftView>(await Post("/implementation-lists", new
        {
            entryId = purpose.Id, regionCode = "411000", content = DemoData.FoodBusinessGuide(), reason = "依据《许昌市政务服务条例》第十四条编制实施清单",
        }, Market.Key, 201));
        await PublishedLicenceType();
        var typeDraft = await DraftLicenceType(FoodLicenceType("食品生产许可证"), "SPSCXK");
        var sealKey = TestSeal.P256();
        var seal = await RegisterSeal(sealKey);
        var licence = await Issue(Signed(FoodLicenceContent(), sealKey, seal.Id));
        var grant = await GrantReads(purpose.Id);
        var subscription = Read<CatalogHub.Sharing.Notifications.CreatedSubscription>(await Post("/sharing/subscriptions",
            new { url = "http://localhost:9/cataloghub/notifications", kinds = new[] { "item-repealed" }, reason = "订阅事项废止" }, Market.Key, 201));

        var listDrafts = new List<(string Prefix, Guid Id, long Version)>();
        // A list that moved onto the registry keeps its own code rule; its draft is made above (the licence type's: typeDraft).
        foreach (var list in ListRegistry.All.Where(l => !l.MovedOntoRegistry))
        {
            var drafted = ReadJson(await Post(list.Route, new { regionCode = "411000", code = "AUTH-MATRIX", content = list.ExampleContent,
                reason = "授权矩阵：起草清单" }, Market.Key, 201));
            listDrafts.Add(($"{list.Route}/", drafted.GetProperty("id").GetGuid(), drafted.GetProperty("version").GetInt64()));
        }
        (string Prefix, Guid Id, long Version)[] byPrefix =
        [
            .. listDrafts,
            ("/catalogue/entries/", entryDraft.Id, entryDraft.Version),
            ("/implementation-lists/", listDraft.Id, listDraft.Version),
            ("/sharing/licence-types/", typeDraft.Id, typeDraft.Version),
            ("/sharing/seals/", seal.Id, seal.Version),
            ("/sharing/licences/", licence.Id, licence.Version),
            ("/sharing/grants/", grant.Id, grant.Version),
            ("/sharing/subscriptions/", subscription.Subscription.Id, subscription.Subscription.Version),
            ("/departments/", Market.Id, 2),
        ];

        var callers = new List<Actor>();
        // The foreign department goes first, while every resource of the first is still at the version it sends.
        Role[] foreignRoles = [Role.CatalogueManager, Role.ServiceDepartment, Role.LicenceIssuer, Role.Consumer];
        var yuzhou = await Register((CreditCode(0), "禹州市市场监督管理局", "411081", foreignRoles));
        callers.Add(new Actor("a foreign department of 禹州市", yuzhou.Key, foreignRoles, Foreign: true));
        callers.Add(new Actor("no key", null, []));
        foreach (var (role, (name, region)) in OneRole)
            callers.Add(new Actor(Policies.ClaimValue(role), (await Register((CreditCode(1 + (int)role), name, region, new[] { role }))).Key, [role]));

        var document = ReadJson(await Get("/swagger/v1/swagger.json"));
        var operations = (from path in document.GetProperty("paths").EnumerateObject()
                          from op in path.Value.EnumerateObject()
                          select (Id: op.Value.GetProperty("operationId").GetString()!, Method: op.Name.ToUpperInvariant(), Path: path.Name)).ToList();
        Assert.Empty(operations.Select(o => o.Id).Except(Expected.Keys));
        Assert.Empty(Expected.Keys.Except(operations.Select(o => o.Id)));
        // The document tells integrators the same: the API key is required exactly where the table says a key is needed;
        // a public operation says so with an empty requirement.
        var documentedPublic = from path in document.GetProperty("paths").EnumerateObject()
                               from op in path.Value.EnumerateObject()
                               where op.Value.GetProperty("security").GetArrayLength() == 0
                               select op.Value.GetProperty("operationId").GetString()!;
        Assert.Equal(Expected.Where(e => e.Value.Public).Select(e => e.Key).Order(), documentedPublic.Order());

        var wrong = new List<string>();
        foreach (var caller in callers)
        foreach (var (id, method, template) in operations)
        {
            var resource = byPrefix.FirstOrDefault(r => template.StartsWith(r.Prefix, StringComparison.Ordinal) && template.Contains("{id}"));
            var url = template.Replace("{id}", resource.Id.ToString()).Replace("{keyId}", Market.Key[4..20])
                .Replace("{departmentCode}", Market.Code).Replace("{regionCode}", "411000").Replace("{version}", "1")
                .Replace("{sourceId}", purpose.Id.ToString()).Replace("{code}", "000147011000");
            var answer = await Host.Scenario(s =>
            {
                if (method == "GET") s.Get.Url(url);
                else if (method == "PUT") s.Put.Json(BodyFor(id)).ToUrl(url);
                else s.Post.Json(BodyFor(id)).ToUrl(url);
                if (caller.Key is not null) s.WithRequestHeader("Authorization", "ApiKey " + caller.Key);
                if (resource.Prefix is not null) s.WithRequestHeader("If-Match", $"\"{resource.Version}\"");
                s.IgnoreStatusCode();
            });
            var status = answer.Context.Response.StatusCode;
            var code = status >= 400 && answer.ReadAsText() is { Length: > 0 } text && JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var c)
                ? c.GetString() : null;
            var rule = Expected[id];
            var problem = Judge(rule, caller, status, code);
            if (problem is not null) wrong.Add($"{method} {url} ({id}) as {caller.Label}: {status} {code} — {problem}");
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers break the rule:\n" + string.Join("\n", wrong));
    }

    /// <summary>Deny by default: whatever names no policy and is not marked public needs a key, even a path nothing serves.</summary>
    [Fact]
    public async Task a_request_that_no_endpoint_marks_public_needs_a_key_first()
    {
        var policy = await Host.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        Assert.Contains(policy!.Requirements, r => r is DenyAnonymousAuthorizationRequirement);

        AssertProblem(await Get("/catalogue/no-such-list", status: 401), "missing-api-key");
        AssertProblem(await Get("/catalogue/no-such-list", Market.Key, 404), "not-found");
        await Get("/health/live");
        await Get("/swagger/v1/swagger.json");
    }

    private static string? Judge(May rule, Actor caller, int status, string? code)
    {
        if (status >= 500) return "never 5xx";
        if (caller.Key is null)
            return rule.Public ? (status == 401 ? "public, yet asks for a key" : null)
                : status == 401 && code == "missing-api-key" ? null : "expected 401 missing-api-key";
        if (!rule.Admits(caller.Roles))
            return status == 403 && code == "missing-role" ? null : "expected 403 missing-role";
        if (status == 401 || code == "missing-role") return "the role is admitted, yet refused";
        if (caller.Foreign && rule.Owned && status is >= 200 and < 300) return "never 2xx on another department's resource";
        return null;
    }

    /// <summary>Bodies that pass input validation where that is cheap, so the foreign department's request reaches the ownership check.</summary>
    private static object BodyFor(string operationId) => operationId switch
    {
        "PUT_catalogue_entries_id_draft" => new { content = FoodLicence("食品经营许可（禹州）"), reason = "越权修改草稿" },
        "PUT_implementation_lists_id_draft" => new { content = DemoData.FoodBusinessGuide(), reason = "越权修改草稿" },
        "PUT_sharing_licence_types_id_draft" => new { content = FoodLicenceType("食品生产许可证（禹州）"), reason = "越权修改草稿" },
        _ when ListRegistry.All.FirstOrDefault(l => operationId == $"PUT{l.Route.Replace('/', '_').Replace('-', '_')}_id_draft") is { } list =>
            new { content = list.ExampleContent, reason = "越权修改草稿" },
        _ => new { reason = "授权矩阵：越权操作" },
    };
}
