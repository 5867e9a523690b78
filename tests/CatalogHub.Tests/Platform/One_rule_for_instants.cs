using System.Text.Json;
using CatalogHub.BasisCheck;
using CatalogHub.Catalogue;
using CatalogHub.Catalogue.Reading;
using CatalogHub.Departments.Keys;
using CatalogHub.Platform;
using CatalogHub.Publication;
using CatalogHub.Tests.ImplementationLists;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// An instant without an offset is Beijing wall time (+08:00) in bodies and queries alike, whatever the server's zone;
/// a date alone is the start of that day in Beijing for asOf and effectiveAt, and refused elsewhere. The expected
/// values are absolute instants, so these hold on a host in any zone (they failed on a UTC host when bodies were read
/// in the server's zone).
/// </summary>
public sealed class One_rule_for_instants(AppFixture fixture) : ImplementationListContext(fixture)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-12-01T09:00:00", 2026, 12, 1, 1)]
    [InlineData("2026-12-01T09:00", 2026, 12, 1, 1)]
    [InlineData("2026-12-01 09:00:00", 2026, 12, 1, 1)]
    [InlineData("2026-12-01T09:00:00+08:00", 2026, 12, 1, 1)]
    [InlineData("2026-12-01T09:00:00+0800", 2026, 12, 1, 1)]
    [InlineData("2026-12-01T01:00:00Z", 2026, 12, 1, 1)]
    [InlineData("2026-12-01 01:00:00Z", 2026, 12, 1, 1)]
    [InlineData("2024-02-29T23:59:00Z", 2024, 2, 29, 23, 59)]
    [InlineData("2026-12-01t01:00:00z", 2026, 12, 1, 1)]
    [InlineData("2026-12-01T03:00:00+02:00", 2026, 12, 1, 1)]
    [InlineData("2026-12-01T00:30:00", 2026, 11, 30, 16, 30)]
    public void an_instant_without_an_offset_is_beijing_wall_time(string text, int y, int mo, int d, int h, int mi = 0)
    {
        Assert.Equal(Instants.Form.Instant, Instants.Read(text, out var instant));
        Assert.Equal(Utc(y, mo, d, h, mi), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void a_date_alone_is_the_start_of_that_day_in_beijing()
    {
        Assert.Equal(Instants.Form.Day, Instants.Read("2026-12-01", out var day));
        Assert.Equal(Utc(2026, 11, 30, 16), day);
    }

    [Theory]
    [InlineData("next tuesday")]
    [InlineData("12/01/2026")]
    [InlineData("2026-13-01T00:00:00")]
    [InlineData("2026-02-30")]
    [InlineData("2026-12-01T25:00:00")]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("2026-12-01T24:00:00Z")]
    [InlineData("2026-12-01T09:00:60Z")]
    [InlineData("2026-12-01T09:00:00+15:00")]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("2026-12-01T09:00:00 +08:00")]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2026-1a-01T00:00:00Z")]
    [InlineData("2026-12-01T09:0-:00Z")]
    [InlineData("0000-12-01T09:00:00Z")]
    [InlineData("2026-12-01X09:00:00Z")]
    public void anything_else_is_not_an_instant(string text) => Assert.Equal(Instants.Form.Invalid, Instants.Read(text, out _));

    [Fact]
    public void a_json_body_reads_instants_by_the_same_rule_and_a_day_only_where_it_makes_sense()
    {
        Assert.Equal(Utc(2026, 12, 1, 1), JsonSerializer.Deserialize<Publish>("""{"effectiveAt":"2026-12-01T09:00:00","reason":"公布"}""", ApiJson.Options)!.EffectiveAt);
        Assert.Equal(Utc(2026, 11, 30, 16), JsonSerializer.Deserialize<Repeal>("""{"effectiveAt":"2026-12-01","basis":"决定","reason":"取消"}""", ApiJson.Options)!.EffectiveAt);
        Assert.Equal(Utc(2026, 12, 1, 1), JsonSerializer.Deserialize<CheckBasis>("""{"regionCode":"411000","itemCode":"000147011000","asOf":"2026-12-01T09:00:00"}""", ApiJson.Options)!.AsOf);
        Assert.Null(JsonSerializer.Deserialize<Publish>("""{"effectiveAt":null,"reason":"公布"}""", ApiJson.Options)!.EffectiveAt);

        var refused = Assert.Throws<ApiJson.FieldException>(() =>
            JsonSerializer.Deserialize<IssueApiKey>("""{"label":"审批系统","expiresAt":"2027-06-30","reason":"新系统上线"}""", ApiJson.Options));
        Assert.Equal(("date-without-time", "$.expiresAt"), (refused.Code, refused.Path));
    }

    [Fact]
    public async Task the_same_offset_less_text_gets_the_same_instant_from_a_query_and_from_the_basis_check()
    {
        var consumer = await Register(TestDepartments.HumanResources);
        foreach (var text in new[] { "2026-12-01T09:00:00", "2026-12-01" })
        {
            var page = Read<CataloguePage>(await Get($"/regions/411000/catalogue?asOf={text}"));
            var answer = Read<BasisAnswer>(await Post("/basis-check",
                new { regionCode = "411000", itemCode = "000147011000", asOf = text }, consumer.Key, 200));
            Assert.Equal(page.AsOf, answer.AsOf);
        }
        Assert.Equal(Utc(2026, 12, 1, 1), Read<CataloguePage>(await Get("/regions/411000/catalogue?asOf=2026-12-01T09:00:00")).AsOf);
        // An unescaped '+' in a URL arrives as a space, and still means the offset.
        Assert.Equal(Utc(2026, 12, 1, 1), Read<CataloguePage>(await Get("/regions/411000/catalogue?asOf=2026-12-01T09:00:00+08:00")).AsOf);
    }

    [Fact]
    public async Task the_same_offset_less_text_gives_the_same_answer_from_get_and_from_the_basis_check()
    {
        var effective = Truncated(Now.AddHours(2));
        var (_, list) = await PublishedGuide(effective);
        var consumer = await Register(TestDepartments.HumanResources);
        foreach (var (at, inForce) in new[] { (effective.AddMinutes(-1), false), (effective, true) })
        {
            var text = Wall(at);
            var read = await Host.Scenario(s => { s.Get.Url($"/implementation-lists/{list.Id}?asOf={text}"); s.IgnoreStatusCode(); });
            var answer = Read<BasisAnswer>(await Post("/basis-check",
                new { regionCode = "411000", itemCode = "000147011000", asOf = text, materials = new[] { new { name = "营业执照" } } }, consumer.Key, 200));
            Assert.Equal(at, answer.AsOf);
            Assert.Equal(inForce ? 200 : 404, read.Context.Response.StatusCode);
            Assert.Equal(inForce, answer.Citations.Count > 0);
        }
    }

    [Fact]
    public async Task an_offset_less_effective_time_is_read_as_beijing_time()
    {
        var effective = Truncated(Now.AddHours(3));
        var entry = await Submit(await Draft());
        var published = Read<EntryDraftView>(await Post($"/catalogue/entries/{entry.Id}/publish",
            new { effectiveAt = Wall(effective), note = "按条例公布", reason = "经审核同意公布" }, Admin.Key, 200, $"\"{entry.Version}\""));
        var version = Read<PublishedEntryView>(await Get($"/catalogue/entries/{published.Id}?asOf={Iso(effective)}"));
        Assert.Equal(effective, version.Citation.EffectiveAt);
        AssertProblem(await Get($"/catalogue/entries/{published.Id}?asOf={Wall(effective.AddSeconds(-1))}", status: 404), "not-in-force");
    }

    [Fact]
    public async Task a_date_alone_takes_effect_at_the_start_of_that_day_in_beijing()
    {
        var day = Now.ToOffset(Beijing).Date.AddDays(10);
        var entry = await Submit(await Draft());
        var published = Read<EntryDraftView>(await Post($"/catalogue/entries/{entry.Id}/publish",
            new { effectiveAt = day.ToString("yyyy-MM-dd"), note = "按条例公布", reason = "经审核同意公布" }, Admin.Key, 200, $"\"{entry.Version}\""));
        var version = Read<PublishedEntryView>(await Get($"/catalogue/entries/{published.Id}?asOf={day:yyyy-MM-dd}"));
        Assert.Equal(new DateTimeOffset(day, Beijing), version.Citation.EffectiveAt);
    }

    [Fact]
    public async Task a_date_alone_is_refused_where_a_day_means_nothing_precise()
    {
        var before = await EventCount();
        AssertProblem(await Post($"/departments/{Admin.Id}/keys", new { label = "审批系统", expiresAt = "2027-06-30", reason = "新系统上线" }, Admin.Key, 400),
            "date-without-time", "expiresAt");
        Assert.Equal(before, await EventCount());
    }

    private static DateTimeOffset Truncated(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Offset);

    /// <summary>The instant as a Beijing clock shows it, without an offset.</summary>
    private static string Wall(DateTimeOffset t) => t.ToOffset(Beijing).ToString("yyyy-MM-dd'T'HH:mm:ss");
}
