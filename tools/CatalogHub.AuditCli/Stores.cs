using System.Data.Common;
using System.Text.Json.Nodes;
using CatalogHub.Audit.Log;
using JasperFx;
using Marten;
using Spectre.Console;
using static CatalogHub.AuditCli.AuditCommands;

namespace CatalogHub.AuditCli;

/// <summary>
/// <c>verify store</c>: the whole store against the log, read from the database (the live one, a replica or a restored
/// backup; read access suffices), with the hub's own verifier (<see cref="LogVerifier"/>). What it adds to
/// <c>GET /audit/log/verify</c>, which trusts the roots the hub recorded: every checkpoint is held to the root of its
/// signed note, and only once its signatures verify under the keys given. Whoever can write the database can make the
/// stored leaves, nodes and roots agree with an edited event; they cannot sign its checkpoint.
/// </summary>
internal static class Stores
{
    public const string DatabaseSetting = "CATALOGHUB_DB";

    public static async Task<Verdict> Verify(string connection, IReadOnlyList<NoteKey> keys, TextWriter stderr, CancellationToken ct)
    {
        if (connection.Length == 0) throw new UsageException($"a connection string is required: --db, or the environment variable {DatabaseSetting}.");
        using var store = DocumentStore.For(o =>
        {
            o.Connection(connection);
            // Read only: never create or alter anything in the database under audit.
            o.AutoCreateSchemaObjects = AutoCreate.None;
        });
        await using var session = store.QuerySession();
        var unsigned = new List<long>();
        byte[]? RootOf(StoredCheckpoint c)
        {
            var (verdict, size, root) = CheckpointVerdict(c.Note, keys);
            if (verdict.Verified && size == c.Size) return root;
            unsigned.Add(c.Size);
            return null;
        }

        LogVerification report;
        try
        {
            var size = await LogStore.Size(session, ct);
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
            report = await console.Progress().StartAsync(async progress =>
            {
                var leaves = progress.AddTask("leaves recomputed", maxValue: Math.Max(size, 1));
                return await LogVerifier.Verify(session, DateTimeOffset.UtcNow, ct, RootOf, stopAtFirst: true, new Progress<long>(done => leaves.Value = done));
            });
        }
        catch (Exception e) when (e is DbException || e.InnerException is DbException)
        {
            throw new UsageException($"cannot read the log from the database: {(e.InnerException ?? e).Message}");
        }

        var details = new JsonObject { ["treeSize"] = report.TreeSize, ["leavesChecked"] = report.LeavesChecked, ["checkpointsChecked"] = report.CheckpointsChecked };
        if (report.Intact) return new Verdict(true, null, details);
        if (report.Findings is [var leaf, ..])
        {
            details["leafIndex"] = leaf.LeafIndex;
            details["sequence"] = leaf.Sequence;
            return new Verdict(false, leaf.Problem == LeafProblem.Deleted
                ? $"leaf {leaf.LeafIndex}: its event (sequence {leaf.Sequence}) is gone from the store"
                : $"leaf {leaf.LeafIndex}: its event (sequence {leaf.Sequence}) no longer hashes to it: the event was changed", details);
        }
        var checkpoint = report.BrokenCheckpoints[0];
        details["checkpoint"] = checkpoint;
        return new Verdict(false, checkpoint > report.TreeSize ? $"checkpoint of {checkpoint} leaves: the log has only {report.TreeSize}: leaves were removed"
            : unsigned.Contains(checkpoint) ? $"checkpoint of {checkpoint} leaves: its note is not signed by the given keys"
            : $"checkpoint of {checkpoint} leaves: the events as stored give another root than the one it signed: history was rewritten", details);
    }
}
