using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CatalogHub.Demo;
using CatalogHub.Platform;
using CatalogHub.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CatalogHub.Tests.Documents;

/// <summary>
/// The refusals an integrator meets first, sent to every operation of the served document against the demo dataset, each built
/// from the operation's own examples with one thing wrong: no key, a key that is not one, a department without the role, an
/// id that names nothing, no If-Match, a stale If-Match, an empty body. Each answer must be the refusal expected, with a status
/// the document lists for the operation, as application/problem+json that validates against the problem schema, and with a
/// <c>code</c> among those the document lists for that operation and status. None of them writes anything.
/// </summary>
public sealed partial class Problems_as_documented(AppFixture fixture) : IntegrationContext(fixture)
{
    private sealed record Operation(string Method, string Template, JsonObject Node)
    {
        public bool Public => Node["security"] is JsonArray { Count: 0 };
        public bool HasBody => Node["requestBody"] is not null;
        public IEnumerable<string> Codes(int status) =>
            Node["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["x-problem-codes"]?.AsArray()
                .Select(c => (string)c!) ?? [];
        public bool Documents(int status) => Node["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not null;
    }

    private sealed record Probe(string What, Operation Op, HttpRequestMessage Request, int[] Expected);

    /// <summary>许昌市审计局 (auditor only) and 许昌市住房和城乡建设局 (service department only): between them, one lacks any role an operation asks for.</summary>
    private static readonly string[] NarrowDepartments = ["114110000053295500", "114110000053302366"];

    private ServedDocument _served = null!;
    private Dictionary<string, string> _keys = [];
    private string _everyRole = null!;
    private int _refusedKeys;
    private const int RefusedKeys = 5;

    [Fact]
    public async Task every_operation_refuses_as_its_document_says()
    {
        _served = await ServedDocument.Of(Host);
        await WipeStore();
        _keys = await ExampleRequests.SeedDemo(Store, Host.Services.GetRequiredService<CatalogHub.Sharing.Holders.HolderVault>(), Now);
        // A department the demo lacks (许昌市卫生健康委员会), holding every role: no probe that needs a key is refused for a role it lacks.
        _everyRole = (await Register((TestDepartments.HealthCommission.Code, TestDepartments.HealthCommission.Name, "411000", Enum.GetValues<Role>()))).Key;
        var operations = (from path in _served.Root["paths"]!.AsObject()
                          from op in path.Value!.AsObject()
                          select new Operation(op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject())).ToList();
        var before = await EventCount();

        var failures = new List<string>();
        var answered = new Dictionary<string, int>();
        using var client = Host.Server.CreateClient();
        foreach (var probe in operations.SelectMany(Probes))
        {
            using var request = probe.Request;
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var at = $"{probe.Op.Method} {probe.Op.Template} [{probe.What}]";
            if (!probe.Expected.Contains(status))
                failures.Add($"{at}: {status}, expected {string.Join(" or ", probe.Expected)}: {(text.Length > 300 ? text[..300] : text)}");
            else if (_served.Disagreement(probe.Op.Method, request.RequestUri!.OriginalString.Split('?')[0], status,
                         response.Content.Headers.ContentType?.ToString(), text) is { } disagreement)
                failures.Add($"{at}: {disagreement}");
            else answered[$"{probe.What} → {status}"] = answered.GetValueOrDefault($"{probe.What} → {status}") + 1;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} refusals not as documented:\n{string.Join("\n", failures.Take(60))}");
        Assert.Equal(before, await EventCount());
        // Each kind of refusal was met where it applies, not answered by an earlier one everywhere.
        foreach (var kind in new[] { "no key → 401", "no role → 403", "unknown id → 404", "no If-Match → 428", "stale If-Match → 412", "empty body → 400" })
            Assert.True(answered.GetValueOrDefault(kind) >= 10, $"{kind}: {answered.GetValueOrDefault(kind)} operations ({string.Join(", ", answered)})");
        Assert.Equal(RefusedKeys, answered.GetValueOrDefault("not a key → 401"));
    }

    /// <summary>
    /// Where a standby is configured, a read marked <see cref="ReadsFromStandbyAttribute"/> says where it was answered and how far
    /// behind that server was (Platform/Standby_reads shows the headers served): the document lists both headers on its success
    /// response, and on no other operation's.
    /// </summary>
    [Fact]
    public async Task reads_that_may_come_from_the_standby_document_its_headers()
    {
        var served = await ServedDocument.Of(Host);
        var standbyReads = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ReadsFromStandbyAttribute>() is not null)
            .Select(e => "/" + Constraint().Replace(e.RoutePattern.RawText!.TrimStart('/'), "{$1}"))
            .ToHashSet();
        var documented = (from path in served.Root["paths"]!.AsObject()
                          from op in path.Value!.AsObject()
                          from response in op.Value!["responses"]!.AsObject()
                          where response.Value?["headers"]?[StandbyReads.SourceHeader] is not null
                                && response.Value["headers"]![StandbyReads.LagHeader] is not null
                          select path.Key).ToHashSet();

        Assert.True(standbyReads.Count > 30, $"{standbyReads.Count} reads marked for the standby");
        Assert.Equal(standbyReads.Order(), documented.Order());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex Constraint();

    private IEnumerable<Probe> Probes(Operation op)
    {
        // A retried key would be answered from the first probe's record (or refused as reused): the probes send none.
        HttpRequestMessage Example(string? key, string? id = null, string? ifMatch = "example", string? body = null)
        {
            var request = ExampleRequests.Build(op.Method, op.Template, op.Node, (where, name, value) => (where, name) switch
            {
                ("header", "Idempotency-Key") => null,
                ("header", "If-Match") => ifMatch == "example" ? value : ifMatch,
                ("path", "id") => id ?? value,
                ("path", _) => value ?? UnknownId,
                _ => value,
            }, body);
            if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
            return request;
        }
        // A licence is changed by its issuer alone, who is told so (403) before its version or existence is looked at: the probes of
        // the demo's licences, whose examples are documents its market regulator signed, send that department's key.
        var admitted = op.Public ? null : op.Template.StartsWith("/sharing/licences", StringComparison.Ordinal) ? _keys[DemoSharing.MarketCode] : _everyRole;

        if (!op.Public)
        {
            yield return new("no key", op, Example(null), [401]);
            // Every refused key counts against the client (AuthenticationThrottle): a few operations are enough to show it.
            if (_refusedKeys++ < RefusedKeys) yield return new("not a key", op, Example("ck_not-a-key-at-all"), [401]);
            // A body that cannot pass, so that a department holding the role is refused without a write.
            foreach (var department in NarrowDepartments)
                yield return new(op.Codes(403).Contains("missing-role") ? "no role" : "another department", op,
                    Example(_keys[department], UnknownId, body: op.HasBody ? "{}" : null), [.. Statuses(op)]);
        }
        // An example whose body breaks a rule is refused before the id is looked up (400). A record diff answers for any id, saying
        // of each side why it has no version (not-in-force).
        if (op.Template.Contains("{id}", StringComparison.Ordinal))
            yield return new("unknown id", op, Example(admitted, UnknownId), op.Template.EndsWith("/record-diff", StringComparison.Ordinal) ? [200] : [404, 400]);
        if (op.Documents(428))
        {
            yield return new("no If-Match", op, Example(admitted, ifMatch: null), [428, 400]);
            yield return new("stale If-Match", op, Example(admitted, ifMatch: "\"999\""), [412, 404, 400]);
        }
        // An empty body that is a valid one (a submit's) reaches the lookup of the unknown id; a search without filters answers.
        if (op.HasBody)
            yield return new("empty body", op, Example(admitted, UnknownId, body: "{}"), op.Method == "POST" && op.Template.EndsWith("/search", StringComparison.Ordinal)
                ? [200] : [400, 404]);
    }

    private const string UnknownId = "0193f3a2-7c1d-7e55-9a3b-5d2f0c8e4a11";

    /// <summary>Every status the operation documents: what a department the operation may or may not admit can meet.</summary>
    private static IEnumerable<int> Statuses(Operation op) =>
        op.Node["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture));
}
