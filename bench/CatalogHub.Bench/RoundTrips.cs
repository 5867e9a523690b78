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
    private readonly List<double> _milliseconds = [];
    private long _started;

    /// <summary>One line per round trip: the statements it carried, abbreviated to their first words.</summary>
    public IReadOnlyList<string> Trips => _trips;

    /// <summary>Each round trip's time, from sending it to its last result read (the same order as <see cref="Trips"/>).</summary>
    public IReadOnlyList<double> Milliseconds => _milliseconds;
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
        _started = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    private void Done() => _milliseconds.Add(System.Diagnostics.Stopwatch.GetElapsedTime(_started).TotalMilliseconds);

    private static string Abbreviate(string sql)
    {
        var words = sql.Replace('\n', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(4)) + (words.Length > 4 ? " …" : "");
    }

    public void LogSuccess(NpgsqlCommand command) => Done();
    public void LogFailure(NpgsqlCommand command, Exception ex) => Done();
    public void LogSuccess(NpgsqlBatch batch) => Done();
    public void LogFailure(NpgsqlBatch batch, Exception ex) => Done();
    public void LogFailure(Exception ex, string message) { }
    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }
}
