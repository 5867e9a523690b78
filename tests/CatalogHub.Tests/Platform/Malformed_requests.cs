using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Platform;
using CatalogHub.Tests.ImplementationLists;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// Every malformed request is refused before any endpoint runs, with 400/413/415, a stable code and the field at fault,
/// never a 5xx and never a write. The fuzz test (<see cref="Fuzzing_every_operation"/>) covers every operation; these
/// pin the exact answers.
/// </summary>
public sealed class Malformed_requests(AppFixture fixture) : ImplementationListContext(fixture)
{
    private sealed record Answer(int Status, string? ContentType, JsonElement Problem);

    /// <summary>Sends exactly these bytes and headers; asserts a problem with this status, code and field, and that nothing was written.</summary>
    private async Task<JsonElement> Refused(HttpMethod method, string url, string? body, int status, string code, string? field,
        string? contentType = "application/json", string? key = null)
    {
        var before = await EventCount();
        using var client = Host.Server.CreateClient();
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key ?? Market.Key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(Problems.TypePrefix + code, problem.GetProperty("type").GetString());
        if (field is not null) Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(before, await EventCount());
        return problem;
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, ApiJson.Options);

    private static string DraftEntryWith(Action<JsonObject> change)
    {
        var body = JsonNode.Parse(Json(DraftOf(FoodLicence())))!.AsObject();
        change(body);
        return body.ToJsonString();
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData("[]", "array")]
    [InlineData("[{\"itemCode\":\"000147011000\"}]", "array")]
    [InlineData("\"食品经营许可\"", "string")]
    [InlineData("42", "number")]
    [InlineData("true", "true")]
    public async Task a_body_that_is_not_a_json_object_is_refused_on_writes_and_reads_alike(string body, string kind)
    {
        var entry = await Draft();
        foreach (var (method, url) in new[]
                 {
                     (HttpMethod.Post, "/catalogue/entries"), (HttpMethod.Put, $"/catalogue/entries/{entry.Id}/draft"),
                     (HttpMethod.Post, $"/catalogue/entries/{entry.Id}/submit"), (HttpMethod.Post, "/basis-check"),
                 })
        {
            var problem = await Refused(method, url, body, 400, "body-not-an-object", null);
            Assert.Contains(kind, problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public Task an_empty_body_is_refused() => Refused(HttpMethod.Post, "/catalogue/entries", "", 400, "body-required", null);

    [Fact]
    public async Task a_number_sent_as_a_string_is_refused_naming_the_field()
    {
        var entry = await Published();
        var body = JsonNode.Parse(Json(DraftListOf(entry.Id, FoodGuide())))!;
        body["content"]!["statutoryLimitDays"] = "30";
        await Refused(HttpMethod.Post, "/implementation-lists", body.ToJsonString(), 400, "malformed-json", "content.statutoryLimitDays");
    }

    [Fact]
    public Task an_enum_sent_as_a_number_is_refused() =>
        Refused(HttpMethod.Post, "/departments", Json(new
        {
            code = TestDepartments.UnregisteredCode, name = "许昌市住房和城乡建设局", regionCode = "411000", roles = new object[] { 1 }, reason = "新增部门",
        }), 400, "malformed-json", "roles[0]", key: Admin.Key);

    [Fact]
    public Task a_property_given_twice_is_refused() =>
        Refused(HttpMethod.Post, "/catalogue/entries", DraftEntryWith(_ => { })[..^1] + ",\"reason\":\"第二个理由\"}", 400, "malformed-json", null);

    [Fact]
    public Task nul_in_body_text_is_refused_naming_the_field() =>
        Refused(HttpMethod.Post, "/catalogue/entries", DraftEntryWith(b => b["content"]!["name"] = "食品\u0000经营许可"),
            400, "control-character", "content.name");

    [Fact]
    public Task a_control_character_inside_a_list_is_refused_naming_the_element() =>
        Refused(HttpMethod.Post, "/catalogue/entries", DraftEntryWith(b => b["content"]!["legalBases"]![1]!["title"] = "食品经营许可\u0007和备案管理办法"),
            400, "control-character", "content.legalBases[1].title");

    /// <summary>
    /// Sent as raw UTF-8, not as JSON escapes: DEL (U+007F, 0x7F) and the C1 controls (here NEL, U+0085, 0xC2 0x85) are valid unescaped
    /// in JSON, so only a look at the text itself finds them, which a clean body skips (<c>RequestHygiene.MayBeUnstorable</c>).
    /// </summary>
    [Theory]
    [InlineData(0x7F)]
    [InlineData(0x85)]
    public Task a_control_character_sent_unescaped_is_refused(int control) =>
        Refused(HttpMethod.Post, "/catalogue/entries", DraftEntryWith(b => b["content"]!["name"] = "MARK")
                .Replace("\"MARK\"", $"\"食品{(char)control}经营许可\""),
            400, "control-character", "content.name");

    [Fact]
    public Task an_unpaired_surrogate_is_refused() =>
        Refused(HttpMethod.Post, "/catalogue/entries", DraftEntryWith(b => b["reason"] = "SURROGATE").Replace("\"SURROGATE\"", "\"\\ud800\""),
            400, "invalid-unicode", "reason");

    [Fact]
    public async Task a_body_without_a_json_content_type_is_415()
    {
        var body = Json(DraftOf(FoodLicence()));
        await Refused(HttpMethod.Post, "/catalogue/entries", body, 415, "unsupported-media-type", "Content-Type", contentType: null);
        await Refused(HttpMethod.Post, "/catalogue/entries", body, 415, "unsupported-media-type", null, contentType: "text/plain");
        await Refused(HttpMethod.Post, "/catalogue/entries", body, 415, "unsupported-media-type", "Content-Type", contentType: "application/json; charset=gb2312");
    }

    [Fact]
    public Task a_body_over_the_limit_is_413() =>
        Refused(HttpMethod.Post, "/catalogue/entries", DraftEntryWith(b => b["reason"] = new string('理', RequestHygiene.MaxBodyBytes / 3 + 1)),
            413, "body-too-large", null);

    [Theory]
    [InlineData("/regions/411000/catalogue?q=%00", "q")]
    [InlineData("/regions/411000/catalogue?department=%E8%AE%B8%00", "department")]
    [InlineData("/catalogue/relying-on?title=%E9%A3%9F%00", "title")]
    [InlineData("/departments?regionCode=411000%00", "regionCode")]
    [InlineData("/regions/411000/catalogue?q=a%0Ab", "q")]
    [InlineData("/regions/411000/catalogue?%00=1", "\u0000")]
    [InlineData("/regions/4110%0100/catalogue", "regionCode")]
    [InlineData("/catalogue/by-source/410000-000147011000%1B", "sourceId")]
    public Task control_characters_in_a_query_or_a_path_are_refused(string url, string field) =>
        Refused(HttpMethod.Get, url, null, 400, "control-character", field);

    [Theory]
    [InlineData("/regions/411000/catalogue?page=0", "out-of-range", "page")]
    [InlineData("/regions/411000/catalogue?page=-1", "out-of-range", "page")]
    [InlineData("/regions/411000/catalogue?page=2147483647", "out-of-range", "page")]
    [InlineData("/regions/411000/catalogue?page=99999999999", "invalid-parameter", "page")]
    [InlineData("/regions/411000/catalogue?page=abc", "invalid-parameter", "page")]
    [InlineData("/regions/411000/catalogue?page=1.5", "invalid-parameter", "page")]
    [InlineData("/regions/411000/catalogue?pageSize=0", "out-of-range", "pageSize")]
    [InlineData("/regions/411000/catalogue?pageSize=201", "out-of-range", "pageSize")]
    [InlineData("/catalogue/by-source/410000-000147011000?page=2147483647&pageSize=200", "out-of-range", "page")]
    [InlineData("/feed?limit=0", "out-of-range", "limit")]
    [InlineData("/feed?limit=many", "invalid-parameter", "limit")]
    public Task out_of_range_or_non_numeric_paging_is_refused(string url, string code, string field) =>
        Refused(HttpMethod.Get, url, null, 400, code, field);

    [Fact]
    public async Task the_last_page_that_fits_is_answered()
    {
        var page = ReadJson(await Get($"/regions/411000/catalogue?page={Paging.MaxPage}&pageSize=200"));
        Assert.Equal(Paging.MaxPage, page.GetProperty("page").GetInt32());
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task a_misspelt_or_unknown_query_parameter_is_refused_rather_than_ignored()
    {
        var entry = await Published();
        var misspelt = await Refused(HttpMethod.Get, $"/catalogue/entries/{entry.Id}?asof=2020-01-01T00:00:00", null, 400, "unknown-parameter", "asof");
        Assert.Contains("'asOf'", misspelt.GetProperty("detail").GetString());
        await Refused(HttpMethod.Get, $"/catalogue/entries/{entry.Id}?asOF=2020-01-01T00:00:00", null, 400, "unknown-parameter", "asOF");
        var unknown = await Refused(HttpMethod.Get, "/regions/411000/catalogue?categroy=%E8%A1%8C%E6%94%BF%E8%AE%B8%E5%8F%AF", null, 400, "unknown-parameter", "categroy");
        Assert.Contains("category", unknown.GetProperty("detail").GetString());
        await Refused(HttpMethod.Get, $"/catalogue/entries/{entry.Id}/versions?asOf=2020-01-01T00:00:00", null, 400, "unknown-parameter", "asOf");
        await Refused(HttpMethod.Get, $"/catalogue/entries/{entry.Id}?asOf=2020-01-01T00:00:00&asOf=2030-01-01T00:00:00", null, 400, "repeated-parameter", "asOf");
        await Refused(HttpMethod.Get, "/audit/events?streamId=not-a-uuid", null, 400, "invalid-parameter", "streamId",
            key: (await Register(TestDepartments.Audit)).Key);

        // The declared spelling is answered.
        await Get($"/catalogue/entries/{entry.Id}?asOf={Iso(Now.AddMinutes(1))}");
    }
}
