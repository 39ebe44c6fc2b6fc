using global::Hangfire.Logging;
using HangfireLevel = global::Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace ProjectWorkflow.Web.Hangfire;

/// <summary>
/// Hangfire's log provider is process-wide. Hangfire.AspNetCore binds it to the logger factory of the
/// host that configured it last, so in a process that hosts the app more than once (the web tests) a
/// later job logs through a factory already disposed and fails. This provider creates each logger lazily
/// and treats a disposed factory as "no logging", never as an error.
/// </summary>
internal sealed class HangfireLogging(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name) => new HostLog(factory, name);

    private sealed class HostLog(ILoggerFactory factory, string name) : ILog
    {
        private ILogger? _logger;

        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                _logger ??= factory.CreateLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
            var level = logLevel switch
            {
                HangfireLevel.Trace => LogLevel.Trace,
                HangfireLevel.Debug => LogLevel.Debug,
                HangfireLevel.Info => LogLevel.Information,
                HangfireLevel.Warn => LogLevel.Warning,
                HangfireLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (messageFunc is null) return _logger.IsEnabled(level);
            if (!_logger.IsEnabled(level)) return false;
            _logger.Log(level, exception, "{Message}", messageFunc());
            return true;
        }
    }
}
