using System.Data.Common;
using System.Text.Json.Nodes;
using CatalogHub.Platform;
using Marten;
using Npgsql;
using Spectre.Console;
using static CatalogHub.AuditCli.AuditCommands;

namespace CatalogHub.AuditCli;

/// <summary>
/// <c>rebuild</c>: every read model rebuilt from the events alone, and compared with the live one. The hub's tables keep one
/// schema name (<see cref="Hosting.SchemaName"/>) throughout its SQL, so the rebuild goes into a scratch database on the same
/// server, created for the run and dropped after it: the hub's own store configuration creates its tables there, the events are
/// copied in, and <see cref="ReadModelRebuild.All"/> rebuilds every projection the hub registers, as on the hub's own store. The running hub is never written to.
/// The live side is read in one repeatable-read, read-only transaction, so the events copied and the read models compared
/// are one snapshot even while the hub goes on writing (inline projections commit with their events).
/// </summary>
internal static class Rebuilds
{
    /// <summary>Tables that hold the events themselves or the daemon's bookkeeping, not a read model.</summary>
    private static readonly string[] NotReadModels = ["mt_events", "mt_streams", "mt_event_progression"];

    public static async Task<Verdict> Run(string connection, TextWriter stderr, CancellationToken ct)
    {
        if (connection.Length == 0) throw new UsageException($"a connection string is required: --db, or the environment variable {Stores.DatabaseSetting}.");
        var live = new NpgsqlConnectionStringBuilder(connection);
        var scratchName = $"{live.Database}_rebuild_{Guid.NewGuid():N}"[..Math.Min(63, live.Database!.Length + 41)];
        // Unpooled: nothing of the scratch database outlives the run (its store's connections close when it is disposed).
        var scratch = new NpgsqlConnectionStringBuilder(connection) { Database = scratchName, Pooling = false }.ConnectionString;
        await using var source = new NpgsqlConnection(connection);
        try
        {
            await source.OpenAsync(ct);
            await Execute(source, $"create database \"{scratchName}\"", ct);
        }
        catch (DbException e)
        {
            throw new UsageException($"cannot create a scratch database next to the hub's (it needs CREATEDB): {e.Message}");
        }
        try
        {
            return await RebuildAndCompare(source, scratch, stderr, ct);
        }
        catch (Exception e) when (e is DbException || e.InnerException is DbException)
        {
            throw new UsageException($"cannot rebuild from the hub's database: {(e.InnerException ?? e).Message}");
        }
        finally
        {
            await Execute(source, $"drop database if exists \"{scratchName}\" with (force)", CancellationToken.None);
        }
    }

    private static async Task<Verdict> RebuildAndCompare(NpgsqlConnection source, string scratch, TextWriter stderr, CancellationToken ct)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        using var store = ReadModelRebuild.Store(scratch);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var projections = store.Options.Projections.All.Select(p => p.Name).ToList();
        await using var target = new NpgsqlConnection(scratch);
        await target.OpenAsync(ct);

        await using var snapshot = await source.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await Execute(source, "set transaction read only", ct);
        var events = (long)(await Scalar(source, $"select count(*) from {Hosting.SchemaName}.mt_events", ct))!;

        ReadModelRebuild.Times? times = null;
        await console.Progress().StartAsync(async progress =>
        {
            var copied = progress.AddTask("events copied", maxValue: Math.Max(events, 1));
            foreach (var table in new[] { "mt_streams", "mt_events" }) await Copy(source, target, table, ct);
            await Execute(target, $"select setval('{Hosting.SchemaName}.mt_events_sequence', greatest(1, (select coalesce(max(seq_id), 1) from {Hosting.SchemaName}.mt_events)))", ct);
            copied.Value = Math.Max(events, 1);
            // The hub's own rebuild (the one an operator runs on a store), its steps' times kept for the verdict.
            var rebuilt = progress.AddTask($"rebuilding the {projections.Count} projections", maxValue: 1).IsIndeterminate();
            times = await ReadModelRebuild.All(store, TextWriter.Null, ct);
            rebuilt.Description = "projections rebuilt";
            rebuilt.IsIndeterminate(false).Value = 1;
        });

        var details = new JsonObject
        {
            ["events"] = events,
            ["projections"] = new JsonArray([.. projections.Select(p => JsonValue.Create(p))]),
            // Each step's own seconds (they overlap: projections rebuild side by side), then the whole rebuild's.
            ["seconds"] = new JsonObject([.. times!.Steps.Select(s => KeyValuePair.Create(s.Step, (JsonNode?)Math.Round(s.Seconds, 1))),
                KeyValuePair.Create("all", (JsonNode?)Math.Round(times.Seconds, 1))]),
        };
        var compared = new JsonArray();
        var notRebuilt = new JsonArray();
        details["tablesCompared"] = compared;
        foreach (var table in await Tables(target, ct))
        {
            var rows = (long)(await Scalar(target, $"select count(*) from {Hosting.SchemaName}.{table}", ct))!;
            if (rows == 0)
            {
                // Written by the hub, not from events (keys, idempotency records, the log's leaves...), or by no event yet.
                if ((long)(await Scalar(source, $"select count(*) from {Hosting.SchemaName}.{table}", ct))! > 0) notRebuilt.Add(table);
                continue;
            }
            compared.Add(new JsonObject { ["table"] = table, ["rows"] = rows });
            if (await FirstDifference(source, target, table, ct) is { } difference)
            {
                details["firstDifference"] = difference;
                details["notRebuiltFromEvents"] = notRebuilt;
                var id = (difference["live"] ?? difference["rebuilt"])?["id"]?.ToString();
                return new Verdict(false, $"{table}: the rebuilt read model differs from the live one{(id is null ? "" : $" at id {id}")} "
                    + $"({(difference["live"] is null ? "a row only the rebuild has" : difference["rebuilt"] is null ? "a row only the live one has" : "the row differs")}; see firstDifference)",
                    details);
            }
        }
        details["notRebuiltFromEvents"] = notRebuilt;
        return new Verdict(true, null, details);
    }

    /// <summary>Copies a table's rows in PostgreSQL's binary form, by the columns both sides have (the hub's store made both).</summary>
    private static async Task Copy(NpgsqlConnection from, NpgsqlConnection to, string table, CancellationToken ct)
    {
        var columns = string.Join(", ", (await Columns(to, table, ct)).Select(c => $"\"{c.Name}\""));
        await using var reader = await from.BeginRawBinaryCopyAsync($"copy {Hosting.SchemaName}.{table} ({columns}) to stdout (format binary)", ct);
        await using var writer = await to.BeginRawBinaryCopyAsync($"copy {Hosting.SchemaName}.{table} ({columns}) from stdin (format binary)", ct);
        await reader.CopyToAsync(writer, ct);
    }

    /// <summary>
    /// Both sides' rows as JSON text without what differs between two stores by design (Marten's <c>mt_</c> metadata: last
    /// modified, document version; a transaction id), in one order, walked together: the first row either side lacks.
    /// </summary>
    private static async Task<JsonObject?> FirstDifference(NpgsqlConnection live, NpgsqlConnection rebuilt, string table, CancellationToken ct)
    {
        var excluded = (await Columns(rebuilt, table, ct)).Where(c => c.Name.StartsWith("mt_", StringComparison.Ordinal) || c.Type == "xid8")
            .Select(c => c.Name).ToArray();
        var sql = $"select r from (select (to_jsonb(t) - @excluded::text[])::text r from {Hosting.SchemaName}.{table} t) x order by r collate \"C\"";
        await using var left = Command(live, sql, excluded);
        await using var right = Command(rebuilt, sql, excluded);
        await using var a = await left.ExecuteReaderAsync(ct);
        await using var b = await right.ExecuteReaderAsync(ct);
        while (true)
        {
            var (hasA, hasB) = (await a.ReadAsync(ct), await b.ReadAsync(ct));
            if (!hasA && !hasB) return null;
            var (rowA, rowB) = (hasA ? a.GetString(0) : null, hasB ? b.GetString(0) : null);
            if (rowA == rowB) continue;
            return new JsonObject { ["table"] = table, ["live"] = rowA is null ? null : JsonNode.Parse(rowA), ["rebuilt"] = rowB is null ? null : JsonNode.Parse(rowB) };
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string[] excluded)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("excluded", excluded);
        return command;
    }

    private static async Task<IReadOnlyList<string>> Tables(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @schema and table_type = 'BASE TABLE' order by table_name", connection);
        command.Parameters.AddWithValue("schema", Hosting.SchemaName);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        return [.. tables.Except(NotReadModels)];
    }

    private static async Task<IReadOnlyList<(string Name, string Type)>> Columns(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select column_name, udt_name from information_schema.columns where table_schema = @schema and table_name = @table order by ordinal_position", connection);
        command.Parameters.AddWithValue("schema", Hosting.SchemaName);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}
