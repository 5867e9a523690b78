using System.IO.Compression;
using System.Text.Json;
using Alba;
using CatalogHub.Catalogue;
using CatalogHub.Lists.ProofItems;
using CatalogHub.Tests.Lists;
using CatalogHub.Tests.Support;

namespace CatalogHub.Tests.Platform;

/// <summary>Compression, CORS, HEAD and cache headers: the same for every operation, by convention.</summary>
public sealed class Http_conventions(AppFixture fixture) : ListContext(fixture)
{
    private Task<IScenarioResult> Scenario(Action<Scenario> configure, int status) => Host.Scenario(s =>
    {
        configure(s);
        s.StatusCodeShouldBe(status);
    });

    private static string Header(IScenarioResult result, string name) => result.Context.Response.Headers[name].ToString();

    private static byte[] Body(IScenarioResult result)
    {
        var body = result.Context.Response.Body;
        if (body.CanSeek) body.Position = 0;
        using var copy = new MemoryStream();
        body.CopyTo(copy);
        return copy.ToArray();
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip;q=0.5, br", "br")]
    [InlineData("identity", "")]
    public async Task json_answers_are_compressed_as_the_client_accepts(string accept, string encoding)
    {
        await Published();
        var result = await Scenario(s =>
        {
            s.Get.Url("/regions/411000/catalogue");
            s.WithRequestHeader("Accept-Encoding", accept);
        }, 200);

        Assert.Equal(encoding, Header(result, "Content-Encoding"));
        using var raw = new MemoryStream(Body(result));
        using Stream plain = encoding switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            _ => raw,
        };
        var page = JsonDocument.Parse(plain).RootElement;
        Assert.Equal("食品经营许可", page.GetProperty("items")[0].GetProperty("content").GetProperty("name").GetString());
    }

    [Fact]
    public async Task problems_are_compressed_too()
    {
        var result = await Scenario(s =>
        {
            s.Get.Url("/catalogue/drafts");
            s.WithRequestHeader("Accept-Encoding", "gzip");
        }, 401);
        Assert.Equal("gzip", Header(result, "Content-Encoding"));
    }

    private Task<IScenarioResult> Preflight(string origin) => Scenario(s =>
    {
        s.ConfigureHttpContext(c =>
        {
            c.Request.Method = "OPTIONS";
            c.Request.Path = "/catalogue/entries";
            c.Request.Headers.Origin = origin;
            c.Request.Headers.AccessControlRequestMethod = "POST";
            c.Request.Headers.AccessControlRequestHeaders = "authorization, content-type, idempotency-key";
        });
    }, 204);

    [Fact]
    public async Task a_browser_on_the_configured_origin_may_call_the_api_and_read_its_headers()
    {
        var preflight = await Preflight(AppFixture.PortalOrigin);
        Assert.Equal(AppFixture.PortalOrigin, Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(preflight, "Access-Control-Allow-Methods"));
        Assert.Contains("idempotency-key", Header(preflight, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);

        var entry = await Published();
        var read = await Scenario(s =>
        {
            s.Get.Url($"/catalogue/entries/{entry.Id}/versions/1");
            s.WithRequestHeader("Origin", AppFixture.PortalOrigin);
        }, 200);
        Assert.Equal(AppFixture.PortalOrigin, Header(read, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Header(read, "Access-Control-Expose-Headers"));
        Assert.Contains("X-Correlation-Id", Header(read, "Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task a_browser_on_any_other_origin_gets_no_cors_grant()
    {
        var preflight = await Preflight("https://zwfw.xuchang.gov.cn.attacker.example");
        Assert.Empty(Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Empty(Header(preflight, "Access-Control-Allow-Methods"));

        var read = await Scenario(s =>
        {
            s.Get.Url("/regions/411000/catalogue");
            s.WithRequestHeader("Origin", "http://zwfw.xuchang.gov.cn");
        }, 200);
        Assert.Empty(Header(read, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task head_answers_as_get_does_without_a_body_wherever_get_exists()
    {
        var entry = await Published();
        foreach (var url in new[] { $"/catalogue/entries/{entry.Id}/versions/1", $"/catalogue/entries/{entry.Id}", "/regions/411000/catalogue",
                     "/health/live", "/swagger/v1/swagger.json" })
        {
            var get = await Scenario(s => s.Get.Url(url), 200);
            var head = await Scenario(s => s.Head.Url(url), 200);
            Assert.Empty(Body(head));
            Assert.Equal(Header(get, "Content-Type"), Header(head, "Content-Type"));
            Assert.Equal(Header(get, "ETag"), Header(head, "ETag"));
        }
        // Keyed reads stay keyed, and an unknown version is still unknown.
        await Scenario(s => s.Head.Url($"/catalogue/entries/{entry.Id}/draft"), 401);
        await Scenario(s => s.Head.Url($"/catalogue/entries/{entry.Id}/versions/2"), 404);
        // Where there is no GET, HEAD is not allowed either.
        await Scenario(s =>
        {
            s.Head.Url($"/catalogue/entries/{entry.Id}/publish");
            s.WithRequestHeader("Authorization", "ApiKey " + Admin.Key);
        }, 405);
    }

    [Fact]
    public async Task a_published_version_is_immutable_with_a_strong_etag_and_304_when_unchanged()
    {
        var entry = await Published();
        var url = $"/catalogue/entries/{entry.Id}/versions/1";
        var first = await Get(url);
        var etag = Header(first, "ETag");
        Assert.Matches("^\"[A-Za-z0-9_-]+\"$", etag);
        Assert.Equal("public, max-age=31536000, immutable", Header(first, "Cache-Control"));
        Assert.Equal(etag, Header(await Get(url), "ETag"));

        foreach (var ifNoneMatch in new[] { etag, $"W/{etag}", $"\"stale\", {etag}", "*" })
        {
            var again = await Scenario(s =>
            {
                s.Get.Url(url);
                s.WithRequestHeader("If-None-Match", ifNoneMatch);
            }, 304);
            Assert.Empty(Body(again));
            Assert.Equal(etag, Header(again, "ETag"));
            Assert.Equal("public, max-age=31536000, immutable", Header(again, "Cache-Control"));
        }
        await Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("If-None-Match", "\"an-older-representation\"");
        }, 200);

        // A compressed representation has an ETag of its own, and is revalidated under it.
        var compressed = await Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept-Encoding", "br");
        }, 200);
        var brEtag = Header(compressed, "ETag");
        Assert.NotEqual(etag, brEtag);
        Assert.Contains("Accept-Encoding", Header(compressed, "Vary"));
        await Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept-Encoding", "br");
            s.WithRequestHeader("If-None-Match", brEtag);
        }, 304);

        // A registered list's versions, mapped by the lists' shared lifecycle and not by the catalogue, have the same headers.
        var proof = await PublishedItem(ProofItemsList.Definition, ProofItemExamples.EmploymentTermination with { ServedEntries = [entry.Id] }, "ZM-0001");
        var proofUrl = $"{ProofItemsList.Definition.Route}/{proof.Id}/versions/1";
        var proofVersion = await Get(proofUrl);
        Assert.Equal("public, max-age=31536000, immutable", Header(proofVersion, "Cache-Control"));
        Assert.NotEqual(etag, Header(proofVersion, "ETag"));
        await Scenario(s =>
        {
            s.Get.Url(proofUrl);
            s.WithRequestHeader("If-None-Match", Header(proofVersion, "ETag"));
        }, 304);
        Assert.Empty(Body(await Scenario(s => s.Head.Url(proofUrl), 200)));
    }

    [Fact]
    public async Task drafts_are_never_stored_and_reads_as_of_an_instant_are_not_immutable()
    {
        var entry = await Published();
        var revised = await Revise(entry, FoodLicence("食品经营许可（含网络经营）"));

        var draft = await Get($"/catalogue/entries/{revised.Id}/draft", Market.Key);
        Assert.Equal("private, no-store", Header(draft, "Cache-Control"));
        Assert.Equal("private, no-store", Header(await Get("/catalogue/drafts", Market.Key), "Cache-Control"));

        var asOf = await Get($"/catalogue/entries/{entry.Id}?asOf={Iso(Now)}");
        Assert.DoesNotContain("immutable", Header(asOf, "Cache-Control"));
        Assert.DoesNotContain("public", Header(asOf, "Cache-Control"));
        Assert.Empty(Header(asOf, "ETag"));
        Assert.Equal("食品经营许可", Read<PublishedEntryView>(asOf).Content.Name);
    }
}
