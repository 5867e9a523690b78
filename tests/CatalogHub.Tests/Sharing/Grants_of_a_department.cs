using CatalogHub.Sharing.Grants;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Sharing;

public sealed class Grants_of_a_department(AppFixture fixture) : SharingContext(fixture)
{
    [Fact]
    public async Task a_department_sees_the_grants_it_reads_under_and_those_on_the_types_it_issues_and_no_others()
    {
        await PublishedLicenceType();
        var purpose = await Published(SubsidyItem(), "000109008000");
        var grant = await GrantReads(purpose.Id);
        var auditor = await Register(TestDepartments.Audit);

        // The issuer (许昌市市场监督管理局) and the consumer (许昌市人力资源和社会保障局) see it; another issuer does not.
        var issuers = Read<GrantPage>(await Get("/sharing/grants", Market.Key));
        Assert.Equal([grant.Id], issuers.Items.Select(g => g.Id));
        var consumers = Read<GrantPage>(await Get("/sharing/grants", Consumer.Key));
        Assert.Equal((1L, grant.Id, FoodTypeCode), (consumers.Total, consumers.Items[0].Id, consumers.Items[0].TypeCode));
        Assert.Empty(Read<GrantPage>(await Get("/sharing/grants", Health.Key)).Items);
        Assert.Single(Read<GrantPage>(await Get("/sharing/grants", auditor.Key)).Items);

        // Narrowed to a type, paged, and refused without a key or with a page out of range.
        Assert.Empty(Read<GrantPage>(await Get("/sharing/grants?typeCode=YPJYXK", Consumer.Key)).Items);
        Assert.Single(Read<GrantPage>(await Get($"/sharing/grants?typeCode={FoodTypeCode}&page=1&pageSize=10", Consumer.Key)).Items);
        AssertProblem(await Get("/sharing/grants", status: 401), "missing-api-key");
        AssertProblem(await Get("/sharing/grants?pageSize=0", Consumer.Key, 400), "out-of-range", "pageSize");

        // A revoked grant stays in the list, saying so.
        await Post($"/sharing/grants/{grant.Id}/revoke", new { reason = "补贴审核结束" }, Market.Key, 200, ETag(grant.Version));
        Assert.NotNull(Assert.Single(Read<GrantPage>(await Get("/sharing/grants", Consumer.Key)).Items).RevokedAt);
    }
}
