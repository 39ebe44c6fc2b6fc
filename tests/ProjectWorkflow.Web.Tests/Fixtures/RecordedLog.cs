using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProjectWorkflow.Web.Tests.Fixtures;

/// <summary>
/// A logger provider that keeps every line the app writes (level, category, message and the values of the scopes
/// it was written in), registered beside the app's own, so a test can read what an operator would see.
/// </summary>
public sealed class RecordedLog : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record LogLine(LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, object?> Scope);

    private sealed class Logger(RecordedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => log._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var scope = new Dictionary<string, object?>();
            log._scopes.ForEachScope((value, values) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, item) in pairs) values[key] = item;
                }
            }, scope);
            log.Lines.Enqueue(new LogLine(logLevel, category, formatter(state, exception), scope));
        }
    }
}
