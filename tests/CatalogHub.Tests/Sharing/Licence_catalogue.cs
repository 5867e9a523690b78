using System.Text.Json;
using CatalogHub.Publication;
using CatalogHub.Sharing.LicenceTypes;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Sharing;

public sealed class Licence_catalogue(AppFixture fixture) : SharingContext(fixture)
{
    [Fact]
    public async Task a_licence_type_is_published_on_the_catalogue_s_lifecycle_and_read_as_of_an_instant()
    {
        var draft = await DraftLicenceType();
        AssertProblem(await Get($"/sharing/licence-types/{draft.Id}", status: 404), "not-in-force");
        // The issuing department may not publish its own type: that is the catalogue manager's (003:7).
        var submitted = Read<LicenceTypeDraftView>(await Post($"/sharing/licence-types/{draft.Id}/submit", new { reason = "提交审核" }, Market.Key, 200, ETag(1)));
        AssertProblem(await Post($"/sharing/licence-types/{draft.Id}/publish", new { reason = "公布" }, Market.Key, 403, ETag(2)), "not-entry-editor");

        var effectiveAt = Now.AddHours(1);
        var published = Read<LicenceTypeDraftView>(await Post($"/sharing/licence-types/{draft.Id}/publish",
            new { effectiveAt, note = "纳入电子证照目录", reason = "经审核同意公布" }, Admin.Key, 200, ETag(submitted.Version)));
        Assert.Equal(1, published.LatestVersion);
        Assert.Equal(Stage.Idle, published.Stage);
        AssertProblem(await Get($"/sharing/licence-types/{draft.Id}", status: 404), "not-in-force");

        var view = Read<PublishedLicenceTypeView>(await Get($"/sharing/licence-types/{draft.Id}?asOf={Uri.EscapeDataString(effectiveAt.ToString("O"))}"));
        Assert.Equal(["items", "legalRepresentative", "licenceNumber", "mainBusiness", "premises"], view.Fields);
        Assert.Equal(new Citation(LicenceTypesList.Definition.Name, draft.Id, 1, Now, effectiveAt, view.Citation.Sequence, effectiveAt, Now,
            view.Citation.Sequence), view.Citation);
        Assert.Equal(TestDepartments.MarketRegulation.Code, view.IssuerCode);
    }

    [Fact]
    public async Task a_face_schema_must_be_a_closed_object_schema_and_nothing_is_written_otherwise()
    {
        var before = await EventCount();
        var open = new LicenceTypeContent("食品经营许可证", HolderKind.Organisation,
            JsonDocument.Parse("""{"type":"object","properties":{"premises":{"type":"string"}}}""").RootElement);
        AssertProblem(await Post("/sharing/licence-types", new { code = "SPJYXK", content = open, reason = "编制" }, Market.Key, 400),
            "invalid-face-schema", "content.faceSchema");
        var broken = new LicenceTypeContent("食品经营许可证", HolderKind.Organisation,
            JsonDocument.Parse("""{"type":"object","additionalProperties":false,"properties":{"premises":{"type":17}}}""").RootElement);
        AssertProblem(await Post("/sharing/licence-types", new { code = "SPJYXK", content = broken, reason = "编制" }, Market.Key, 400),
            "invalid-face-schema", "content.faceSchema");
        AssertProblem(await Post("/sharing/licence-types", new { code = "spjy.xk", content = FoodLicenceType(), reason = "编制" }, Market.Key, 400),
            "invalid-type-code", "code");
        Assert.Equal(before, await EventCount());
    }
}
