using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Platform;
using CatalogHub.Tests.Support;
using Npgsql;

namespace CatalogHub.Tests.Migration;

/// <summary>
/// A store written by the code of commit 'Legacy store' (see Legacy/README.md), before the older lists moved onto the
/// list registry, loaded into a database of its own: today's code must start on it and answer what that code answered.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class Legacy_store : IAsyncLifetime
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Migration", "Legacy");
    private readonly string _database = $"cataloghub_legacy_{Guid.NewGuid():N}";
    private ExtraNode _node = null!;
    private Dictionary<string, string> _keys = null!;

    public async Task InitializeAsync()
    {
        _keys = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Path.Combine(Folder, "keys.json")))!;
        await Load(_database);
        _node = await ExtraNode.Start(ConnectionTo(_database), new Dictionary<string, string?>());
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await Admin($"drop database if exists {_database} with (force)");
    }

    [Fact]
    public async Task answers_every_recorded_question_as_the_code_that_wrote_it_did()
    {
        var answers = JsonSerializer.Deserialize<List<LegacyAnswer>>(await File.ReadAllTextAsync(Path.Combine(Folder, "answers.json")), ApiJson.Options)!;
        Assert.True(answers.Count > 40);
        foreach (var expected in answers)
        {
            var result = await _node.Host.Scenario(s =>
            {
                if (expected.Method == "POST") s.Post.Text(expected.Body!.ToJsonString()).ToUrl(expected.Url).ContentType("application/json");
                else s.Get.Url(expected.Url);
                if (expected.Key is not null) s.WithRequestHeader("Authorization", "ApiKey " + _keys[expected.Key]);
                s.IgnoreStatusCode();
            });
            var what = $"{expected.Method} {expected.Url}";
            Assert.True(expected.Status == result.Context.Response.StatusCode, $"{what}: {result.Context.Response.StatusCode}, was {expected.Status}");
            var (was, now) = (Comparable(expected.Answer), Comparable(JsonNode.Parse(result.ReadAsText())));
            Assert.True(was == now, $"{what} answers\n{now}\ninstead of\n{was}");
        }
    }

    /// <summary>
    /// The answer without what differs from run to run by design: the trace id of a problem and how current the basis
    /// check's index is.
    /// </summary>
    private static string Comparable(JsonNode? answer)
    {
        static void Strip(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                o.Remove("traceId");
                o.Remove("index");
                foreach (var (_, child) in o) Strip(child);
            }
            else if (node is JsonArray a)
                foreach (var child in a) Strip(child);
        }
        var copy = answer?.DeepClone();
        Strip(copy);
        return copy?.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = ApiJson.Options.Encoder }) ?? "";
    }

    private static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("CATALOGHUB_DB")) { Database = database }.ConnectionString;

    /// <summary>Creates the database and runs the dump in it (pg_dump's INSERT form, so Npgsql can run it without psql).</summary>
    private static async Task Load(string database)
    {
        await Admin($"create database {database}");
        await using var connection = new NpgsqlConnection(ConnectionTo(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(await File.ReadAllTextAsync(Path.Combine(Folder, "store.sql")), connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionTo("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
