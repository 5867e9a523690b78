using Marten;
using Marten.Services;
using Npgsql;

namespace CatalogHub.Bench;

/// <summary>
/// Counts what a session sends to PostgreSQL: each command or batch is one round trip, and a batch carries
/// several statements. Set as a session's logger for one publish, it shows where the publish path's time goes.
/// </summary>
public sealed class RoundTrips : IMartenSessionLogger
{
    private readonly List<string> _trips = [];

    /// <summary>One line per round trip: the statements it carried, abbreviated to their first words.</summary>
    public IReadOnlyList<string> Trips => _trips;
    public int Statements { get; private set; }

    /// <summary>Every command sent alone, with its parameters' values: a read's statements, to replay them through raw Npgsql.</summary>
    public List<(string Sql, object[] Values)> Commands { get; } = [];

    public void OnBeforeExecute(NpgsqlCommand command)
    {
        Commands.Add((command.CommandText, [.. command.Parameters.Select(p => p.Value!)]));
        Add([command.CommandText]);
    }
    public void OnBeforeExecute(NpgsqlBatch batch) => Add([.. batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)]);

    private void Add(string[] statements)
    {
        Statements += statements.Length;
        _trips.Add(string.Join("; ", statements.Select(Abbreviate)));
    }

    private static string Abbreviate(string sql)
    {
        var words = sql.Replace('\n', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(4)) + (words.Length > 4 ? " …" : "");
    }

    public void LogSuccess(NpgsqlCommand command) { }
    public void LogFailure(NpgsqlCommand command, Exception ex) { }
    public void LogSuccess(NpgsqlBatch batch) { }
    public void LogFailure(NpgsqlBatch batch, Exception ex) { }
    public void LogFailure(Exception ex, string message) { }
    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }
}
