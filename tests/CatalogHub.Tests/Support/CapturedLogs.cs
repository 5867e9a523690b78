using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CatalogHub.Tests.Support;

/// <summary>
/// Keeps every log line the host writes at Information and above (what the application logs in production, per
/// appsettings.json), so tests can assert that personal data never reaches the logs.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
