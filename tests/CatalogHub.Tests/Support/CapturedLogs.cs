using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CatalogHub.Tests.Support;

/// <summary>
/// Keeps every log line the host writes at Information and above (what the application logs in production, per
/// appsettings.json), so tests can assert that personal data never reaches the logs; <see cref="Entries"/> keeps each
/// line with the values of the logging scopes it was written in (the correlation id, for one).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider? _scopes;

    public sealed record LogEntry(string Line, IReadOnlyDictionary<string, object?> Scope);

    public IReadOnlyCollection<string> Lines => _lines;
    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes?.Push(state);
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{category}: {formatter(state, exception)} {exception}";
            var scope = new Dictionary<string, object?>();
            logs._scopes?.ForEachScope((s, values) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, value) in pairs) values[key] = value;
                else if (s is IEnumerable<KeyValuePair<string, object>> plain)
                    foreach (var (key, value) in plain) values[key] = value;
            }, scope);
            logs._lines.Enqueue(line);
            logs._entries.Enqueue(new LogEntry(line, scope));
        }
    }
}
