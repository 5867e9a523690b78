using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CatalogHub.Platform;

namespace CatalogHub.Bench.Chaos;

/// <summary>One API node under test, and the pid file scripts/chaos.sh keeps for its process.</summary>
public sealed record Node(string Name, Uri Url, string PidFile)
{
    /// <summary>Whether the node's process is still there (a zombie counts as gone).</summary>
    public bool Alive
    {
        get
        {
            if (!File.Exists(PidFile) || !int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid)) return false;
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
            }
            catch (IOException)
            {
                return false;
            }
        }
    }
}

/// <summary>The wall clock of the run, cut into named phases, with the disruptions and what the nodes did on their own.</summary>
public sealed class Timeline
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Name, double Start)> _phases = [("setup", 0)];
    private readonly List<(double At, string What)> _events = [];

    public double Now => _clock.Elapsed.TotalSeconds;
    public string Phase { get { lock (_phases) return _phases[^1].Name; } }
    public IReadOnlyList<(string Name, double Start)> Phases { get { lock (_phases) return [.. _phases]; } }
    public IReadOnlyList<(double At, string What)> Events { get { lock (_events) return [.. _events]; } }

    public void Begin(string phase)
    {
        lock (_phases) _phases.Add((phase, Now));
        Console.WriteLine($"  {Now,6:F1} s  phase: {phase}");
    }

    public void Note(string what)
    {
        lock (_events) _events.Add((Now, what));
        Console.WriteLine($"  {Now,6:F1} s  {what}");
    }
}

/// <summary>What one HTTP attempt got: a status (null when no answer came), the problem code, the ETag version.</summary>
public sealed record Answer(int? Status, string Outcome, string Body, long? Version, string? Code)
{
    public bool Ok => Status is >= 200 and < 300;

    /// <summary>Worth retrying with the same request: no answer, a server error, or a claim still held by a running request.</summary>
    public bool Retryable => Status is null or >= 500 or 429 || Code == "idempotency-in-progress";

    /// <summary>The write may have taken effect without the client learning it.</summary>
    public bool Ambiguous => Status is null or >= 500;

    /// <summary>The created or changed resource's id; null when the body has none (an empty replay, for one).</summary>
    public Guid? Id
    {
        get
        {
            try
            {
                return JsonDocument.Parse(Body).RootElement.TryGetProperty("id", out var id) && id.TryGetGuid(out var guid) ? guid : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// Counts of attempts by phase, node and outcome (2xx, "409 idempotency-in-progress", 503, 500, connection error,
/// timeout ...), and for each kind of server error the first answer seen, so the report says what went wrong.
/// </summary>
public sealed partial class Tally
{
    private readonly ConcurrentDictionary<(string Phase, string Node, string Outcome), int> _counts = new();
    private readonly ConcurrentDictionary<string, (int Count, string First)> _failures = new();

    public IReadOnlyDictionary<(string Phase, string Node, string Outcome), int> Counts => _counts;

    /// <summary>By "status METHOD /path/{id}", or by "connection error, node a": how many, and the first body or message (truncated).</summary>
    public IReadOnlyDictionary<string, (int Count, string First)> Failures => _failures;

    public void Add(string phase, string node, string outcome) => _counts.AddOrUpdate((phase, node, outcome), 1, (_, n) => n + 1);

    public void ServerError(int status, HttpMethod method, string path, string body) =>
        Failure($"{status} {method} {Ids().Replace(path.Split('?')[0], "{id}")}", body);

    /// <summary>A request that got no answer, by node and kind: what the client saw first.</summary>
    public void NoAnswer(string outcome, Node node, Exception e) =>
        Failure($"{outcome}, node {node.Name}", e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);

    private void Failure(string kind, string first)
    {
        first = first.Length > 300 ? first[..300] + " …" : first;
        _failures.AddOrUpdate(kind, (1, first), (_, seen) => (seen.Count + 1, seen.First));
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial System.Text.RegularExpressions.Regex Ids();
}

/// <summary>
/// The hub as a client sees it: JSON in the API's own serialization, an API key, If-Match and Idempotency-Key
/// where asked, a 30 s timeout, and every attempt counted under the phase it started in (unless it is a probe).
/// </summary>
public sealed class HubClient(HttpClient http, Timeline timeline, Tally? tally)
{
    /// <summary>A usual client default; a node that compiles its handlers on first use (Wolverine's runtime codegen) needs seconds.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static HttpClient CreateHttp() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 64,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        // A killed node leaves dead connections in the pool; short lifetimes keep the retries on fresh ones.
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<Answer> Send(Node node, HttpMethod method, string path, string? apiKey, object? body = null,
        long? ifMatch = null, string? idempotencyKey = null, CancellationToken ct = default)
    {
        var phase = timeline.Phase;
        using var request = new HttpRequestMessage(method, new Uri(node.Url, path));
        if (apiKey is not null) request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        if (ifMatch is { } v) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        if (idempotencyKey is not null) request.Headers.Add(IdempotencyMiddleware.Header, idempotencyKey);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), ApiJson.Options), Encoding.UTF8, "application/json");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        Answer answer;
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            var code = status >= 400 ? ProblemCode(text) : null;
            long? version = response.Headers.ETag is { } etag && long.TryParse(etag.Tag.Trim('"'), out var n) ? n : null;
            answer = new Answer(status, Classify(status, code), text, version, code);
            if (status >= 500) tally?.ServerError(status, method, path, text);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            answer = new Answer(null, "timeout", "", null, null);
            tally?.NoAnswer(answer.Outcome, node, e);
        }
        catch (HttpRequestException e)
        {
            answer = new Answer(null, "connection error", "", null, null);
            tally?.NoAnswer(answer.Outcome, node, e);
        }
        tally?.Add(phase, node.Name, answer.Outcome);
        return answer;
    }

    private static string Classify(int status, string? code) => status switch
    {
        >= 200 and < 300 => "2xx",
        >= 400 and < 500 => code is null ? $"{status}" : $"{status} {code}",
        _ => $"{status}",
    };

    private static string? ProblemCode(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
