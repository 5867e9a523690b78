using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CatalogHub.Catalogue;
using CatalogHub.Departments.Registering;
using CatalogHub.Platform;
using CatalogHub.Publication.Lists;
using Marten;
using Npgsql;

namespace CatalogHub.Bench;

/// <summary>One bulk publication through the API beside the same number of raw single-row INSERTs, each of three rounds.</summary>
/// <param name="Migration">Seconds of each round's <c>POST /catalogue/entries/bulk</c> of 许昌市's new entries (a department's catalogue migrated).</param>
/// <param name="Adoption">Seconds of each round's 禹州市 taking the same entries over (承接: each derives from the city's just published).</param>
/// <param name="RawInserts">Seconds of each round's raw INSERTs, one statement and one implicit transaction each, one after the other.</param>
public sealed record BulkComparison(int Entries, IReadOnlyList<double> Migration, IReadOnlyList<double> Adoption, IReadOnlyList<double> RawInserts)
{
    private static double Median(IReadOnlyList<double> seconds) => seconds.Order().ElementAt(seconds.Count / 2);
    public double MigrationPerSecond => Entries / Median(Migration);
    public double AdoptionPerSecond => Entries / Median(Adoption);
    public double RawPerSecond => Entries / Median(RawInserts);
    public double Slowest => Migration.Concat(Adoption).Max();
}

/// <summary>
/// (h) Issue 14's bulk target: 1,500 entries drafted, submitted and published in one request, under 5 s, as entries/s beside the
/// same number of raw INSERTs. <c>CatalogHub.Bench bulk</c> runs it alone (<see cref="RunAlone"/>); <c>make bench</c> runs it
/// with the others.
/// </summary>
public static class BulkBench
{
    public const int Entries = 1_500;
    public const int Rounds = 3;
    public const double TargetSeconds = 5;
    private const string Reason = "基准测试：批量迁移与承接政务服务事项基本目录";

    /// <summary>
    /// <c>CatalogHub.Bench bulk &lt;repository root&gt;</c>: on the store of <c>CATALOGHUB_DB</c> (its schema created if missing, nothing
    /// dropped: each run's item codes are its own), with the two managers registered if they are not, the Release application
    /// started on its own; prints the section docs/benchmarks.md has for it.
    /// </summary>
    public static async Task<int> RunAlone(string root, string connection)
    {
        await using var raw = NpgsqlDataSource.Create(connection);
        await using var store = DocumentStore.For(opts => Hosting.ConfigureStore(opts, connection));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var port = int.Parse(Environment.GetEnvironmentVariable("CATALOGHUB_BENCH_PORT") ?? "5098", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Path.Combine(root, ".local"));
        await using var app = await AppProcess.Start(root, connection, port, Path.Combine(root, ".local/bench-bulk-app.log"));
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var result = await Run(store, raw, http, Console.Out);
        Console.WriteLine();
        Console.WriteLine(Section(result, alone: true));
        return 0;
    }

    public static async Task<BulkComparison> Run(IDocumentStore store, NpgsqlDataSource raw, HttpClient http, TextWriter log)
    {
        var city = Xuchang.DepartmentsOf(0)[0];
        var county = Xuchang.DepartmentsOf(Array.FindIndex(Xuchang.Regions, r => r.Code == "411081"))[0];
        (city, county) = (await Registered(store, city), await Registered(store, county));
        var (cityKey, countyKey) = (await Scenarios.IssueKey(store, city, Reason), await Scenarios.IssueKey(store, county, Reason));
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 100_000;

        // A first, small request of each kind: the application's first bulk request compiles and warms what every later one reuses.
        var warm = await Publish(http, cityKey, city.RegionCode, Items($"97{run:D5}", 20, null));
        await Publish(http, countyKey, county.RegionCode, Items($"97{run:D5}", 20, warm.Ids));

        var (migration, adoption, rawInserts) = (new List<double>(), new List<double>(), new List<double>());
        await using (var setup = raw.CreateCommand(
            "create schema if not exists bench_raw; create table if not exists bench_raw.publish (id bigserial primary key, entry_id uuid not null, data jsonb not null)"))
            await setup.ExecuteNonQueryAsync();
        var serializer = store.Options.Serializer();
        for (var round = 0; round < Rounds; round++)
        {
            var prefix = $"98{run:D5}{round}";
            var cityRound = await Publish(http, cityKey, city.RegionCode, Items(prefix, Entries, null));
            migration.Add(cityRound.Seconds);
            var countyRound = await Publish(http, countyKey, county.RegionCode, Items(prefix, Entries, cityRound.Ids));
            adoption.Add(countyRound.Seconds);

            // The same number of raw INSERTs of what a publication appends (its event's JSON as the store serializes it).
            var payloads = Items(prefix, Entries, null).Select((item, n) => serializer.ToJson(new ItemPublished<EntryContent>(cityRound.Ids[n], 1,
                city.RegionCode, item.Code, null, item.Content, DateTimeOffset.UtcNow, "首次公布", city.Code, DateTimeOffset.UtcNow, city.Code))).ToArray();
            var clock = Stopwatch.StartNew();
            for (var n = 0; n < payloads.Length; n++)
            {
                await using var insert = raw.CreateCommand("insert into bench_raw.publish (entry_id, data) values ($1, $2::jsonb)");
                insert.Parameters.AddWithValue(cityRound.Ids[n]);
                insert.Parameters.AddWithValue(payloads[n]);
                await insert.ExecuteNonQueryAsync();
            }
            rawInserts.Add(clock.Elapsed.TotalSeconds);
            log.WriteLine($"  round {round + 1}: migration {migration[^1]:F2} s, adoption {adoption[^1]:F2} s, {Entries:N0} raw INSERTs {rawInserts[^1]:F2} s");
        }
        return new BulkComparison(Entries, migration, adoption, rawInserts);
    }

    /// <summary>The entries of one request: 许昌市's item templates numbered apart; with <paramref name="derivedFrom"/>, 禹州市's taking them over.</summary>
    private static BulkItem<EntryContent>[] Items(string prefix, int count, IReadOnlyList<Guid>? derivedFrom) =>
    [
        .. Enumerable.Range(0, count).Select(n =>
        {
            var template = Xuchang.Items[n % Xuchang.Items.Length];
            var department = derivedFrom is null ? "许昌市市场监督管理局" : "禹州市市场监督管理局";
            return new BulkItem<EntryContent>($"{prefix}{n:D5}",
                new EntryContent($"{template.Name}（{prefix}-{n}）", template.Category, department, department, template.Bases, $"410000-{template.Code}"),
                derivedFrom?[n]);
        }),
    ];

    private static async Task<(double Seconds, Guid[] Ids)> Publish(HttpClient http, string key, string regionCode, BulkItem<EntryContent>[] items)
    {
        var body = JsonSerializer.Serialize(new BulkPublish<EntryContent>(regionCode, items, null, "首次公布", Reason), ApiJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/catalogue/entries/bulk") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Bulk publication: {response.StatusCode} {text[..Math.Min(text.Length, 2000)]}");
        var published = JsonSerializer.Deserialize<BulkPublished>(text, ApiJson.Options)!;
        if (published.Count != items.Length) throw new InvalidOperationException($"Bulk publication published {published.Count} of {items.Length}.");
        return (seconds, [.. published.Items.Select(i => i.Id)]);
    }

    /// <summary>The department as the generator registers it, or the one the store already has under its code (a run before, a test's).</summary>
    private static async Task<BenchDepartment> Registered(IDocumentStore store, BenchDepartment department)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<CatalogHub.Departments.Department>().FirstOrDefaultAsync(d => d.Code == department.Code) is { } existing)
            return existing.Roles.Contains(Role.CatalogueManager) ? department with { Id = existing.Id }
                : throw new InvalidOperationException($"The store's department {department.Code} is no catalogue manager.");
        session.LastModifiedBy = department.Code;
        session.SetHeader("reason", Reason);
        RegisterDepartmentEndpoint.Register(session, new RegisterDepartment(department.Code, department.Name, department.RegionCode, department.Roles, Reason),
            department.Code, DateTimeOffset.UtcNow, department.Id);
        await session.SaveChangesAsync();
        return department;
    }

    private static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The section of docs/benchmarks.md; <paramref name="alone"/> when <c>CatalogHub.Bench bulk</c> measured it by itself.</summary>
    public static string Section(BulkComparison b, bool alone)
    {
        var md = new StringBuilder();
        md.AppendLine("## (h) Bulk publication");
        md.AppendLine();
        md.AppendLine((alone ? "Measured alone (`CatalogHub.Bench bulk`), not in a full `make bench` run. " : "") +
                      $"Each of {Rounds} rounds: 许昌市's catalogue manager drafts, submits and publishes {b.Entries:N0} new base catalogue entries in one " +
                      "`POST /catalogue/entries/bulk` (a department's catalogue migrated), then 禹州市's manager takes the same items over, each deriving from the " +
                      "city's entry just published (承接, a county adopting the city's catalogue), then the driver makes the same number of raw Npgsql " +
                      "single-row INSERTs of the publication event's JSON, one statement and one implicit transaction each, one after the other. " +
                      "Seconds are the whole HTTP request as the client sees it (serialising excluded), after one small warm-up request of each kind; entries/s and ratios are of the median round.");
        md.AppendLine();
        md.AppendLine("| | round 1 s | round 2 s | round 3 s | entries/s (median) | ratio to raw |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        md.AppendLine($"| migration, 411000 | {string.Join(" | ", b.Migration.Select(s => F(s)))} | {F(b.MigrationPerSecond, "F0")} | {F(b.MigrationPerSecond / b.RawPerSecond)}× |");
        md.AppendLine($"| adoption, 411081 (derived) | {string.Join(" | ", b.Adoption.Select(s => F(s)))} | {F(b.AdoptionPerSecond, "F0")} | {F(b.AdoptionPerSecond / b.RawPerSecond)}× |");
        md.AppendLine($"| raw single-row INSERTs | {string.Join(" | ", b.RawInserts.Select(s => F(s)))} | {F(b.RawPerSecond, "F0")} | 1.00× |");
        md.AppendLine();
        md.AppendLine($"Target: under {F(TargetSeconds, "F0")} s for {b.Entries:N0} entries: {(b.Slowest < TargetSeconds ? "**met**" : "**missed**")} (slowest request {F(b.Slowest)} s). " +
                      "The request runs every rule of the single draft, submission and publication on each entry, with one query for the codes already taken, one for " +
                      "the derivation sources and one for the references, then appends the three events of every entry and their documents in one transaction.");
        return md.ToString();
    }
}
