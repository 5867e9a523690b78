using System.Text.Json;

namespace CatalogHub.Bench;

/// <summary>(d) what a load generator at a fixed rate sees: the basis check, beside GET /health/live at the same rate.</summary>
public sealed record RatePair(int Rate, RateRun Health, RateRun BasisCheck);

public sealed record LoadResults(IReadOnlyList<RatePair> Rates);

public static class LoadTests
{
    public const int Rate = 5_000;
    public const int LowerRate = 1_000;
    public const int Seconds = 15;
    public const string BasisCheckPath = "/basis-check";

    /// <summary>
    /// A case handler's question about the 5,000-version entry's item: may these materials, this condition and this fee be
    /// demanded in 许昌市 on 2026-01-01? Both the entry and its implementation list are in force then; the listed form and the
    /// identity card by its e-licence type are allowed, the articles of association on paper are allowed (listed on paper),
    /// the fee is refused (the item is free): a full judgement of every element, not a refusal at the item.
    /// </summary>
    public static readonly object BasisCheck = new
    {
        regionCode = Xuchang.City,
        itemCode = $"{Xuchang.Items[0].Code}-01",
        asOf = "2026-01-01T00:00:00Z",
        materials = new object[]
        {
            new { name = ImplementationListPlan.FormName(Xuchang.Items[0]), form = "electronic" },
            new { licenceTypeCode = ImplementationListPlan.IdentityCard.Code, form = "electronic" },
            new { name = "公司章程", form = "paper", copies = 1 },
        },
        conditions = new[] { new { text = ImplementationListPlan.CapacityCondition } },
        fees = new[] { new { name = "登记费" } },
    };

    /// <summary>What the answer to <see cref="BasisCheck"/> must say, checked once before the load: every element judged on the list.</summary>
    private static string? Unexpected(string answer)
    {
        var root = JsonDocument.Parse(answer).RootElement;
        bool Allowed(string field, int i) => root.GetProperty(field)[i].GetProperty("allowed").GetBoolean();
        return root.GetProperty("citations").GetArrayLength() == 2 && Allowed("materials", 0) && Allowed("materials", 1) && Allowed("materials", 2)
               && Allowed("conditions", 0) && !Allowed("fees", 0)
            ? null : $"the generated dataset did not give the expected answer: {answer}";
    }

    public static async Task<LoadResults> Run(string repoRoot, Uri app, HttpClient http, string key, TextWriter log)
    {
        var body = JsonSerializer.Serialize(BasisCheck);
        using (var request = new HttpRequestMessage(HttpMethod.Post, BasisCheckPath) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") })
        {
            request.Headers.Add("Authorization", "ApiKey " + key);
            using var response = await http.SendAsync(request);
            if (Unexpected(await response.Content.ReadAsStringAsync()) is { } unexpected) throw new InvalidOperationException(unexpected);
        }

        var rates = new List<RatePair>();
        foreach (var rate in new[] { LowerRate, Rate })
        {
            var health = await Wrk.Run(repoRoot, app, new LoadRequest("GET /health/live", "GET", "/health/live", null, null), rate, Seconds);
            var check = await Wrk.Run(repoRoot, app, new LoadRequest($"POST {BasisCheckPath}", "POST", BasisCheckPath, body, key), rate, Seconds);
            log.WriteLine($"  at {rate}/s: /health/live p99 {health.Latency.P99:F2} ms; basis check achieved {check.Achieved:F0}/s, p50 {check.Latency.P50:F2} ms, p99 {check.Latency.P99:F2} ms");
            rates.Add(new RatePair(rate, health, check));
        }
        return new LoadResults(rates);
    }
}
