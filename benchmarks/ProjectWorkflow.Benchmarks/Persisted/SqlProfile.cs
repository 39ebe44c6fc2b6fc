using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProjectWorkflow.Benchmarks.Persisted;

/// <summary>
/// Counts what EF Core sends to the database, by statement kind, with the time the database took: the profile of a
/// command without a profiler (EF's own diagnostic events, nothing registered in the application).
/// </summary>
internal sealed class SqlProfile : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, (long Count, long Ticks)> _kinds = new();
    private readonly ConcurrentQueue<Statement> _statements = new();

    /// <summary>One statement EF sent while recording: its text, a copy of its parameters (name, type, value) and the database's time.</summary>
    public sealed record Statement(string Sql, (string Name, System.Data.DbType Type, object? Value)[] Parameters, TimeSpan Duration);

    /// <summary>Every statement recorded since <see cref="Start"/>, in the order they finished.</summary>
    public IReadOnlyList<Statement> Statements => _statements.ToArray();
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private volatile bool _recording;

    public SqlProfile() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Counts from now on (the earlier counts are forgotten).</summary>
    public void Start()
    {
        _kinds.Clear();
        _statements.Clear();
        _recording = true;
    }

    public IReadOnlyDictionary<string, (long Count, long Ticks)> Stop()
    {
        _recording = false;
        return new Dictionary<string, (long, long)>(_kinds);
    }

    /// <summary>"12.0 statements (4.0 SELECT, 6.0 INSERT, …), 1 commit; database 0.81 ms" per operation.</summary>
    public static string Describe(IReadOnlyDictionary<string, (long Count, long Ticks)> kinds, int operations)
    {
        var statements = kinds.Where(k => k.Key != "COMMIT").ToList();
        var total = statements.Sum(k => k.Value.Count);
        var ticks = kinds.Sum(k => k.Value.Ticks);
        var parts = statements.OrderByDescending(k => k.Value.Count)
            .Select(k => $"{k.Value.Count / (double)operations:0.0} {k.Key}");
        var commits = kinds.TryGetValue("COMMIT", out var c) ? c.Count / (double)operations : 0;
        return $"{total / (double)operations:0.0} statements ({string.Join(", ", parts)}), {commits:0.0} commits; " +
               $"database {TimeSpan.FromTicks(ticks).TotalMilliseconds / operations:0.000} ms";
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (!_recording) return;
        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                Add(KindOf(executed.Command.CommandText), executed.Duration.Ticks);
                _statements.Enqueue(new Statement(executed.Command.CommandText,
                    executed.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.DbType, p.Value)).ToArray(), executed.Duration));
                break;
            case TransactionEndEventData { } ended when value.Key == RelationalEventId.TransactionCommitted.Name:
                Add("COMMIT", ended.Duration.Ticks);
                break;
        }
    }

    private void Add(string kind, long ticks) => _kinds.AddOrUpdate(kind, (1, ticks), (_, v) => (v.Count + 1, v.Ticks + ticks));

    /// <summary>The statement's verb; a batch of several is "BATCH(n)".</summary>
    private static string KindOf(string sql)
    {
        var statements = sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0 && !s.StartsWith("--", StringComparison.Ordinal)).ToList();
        static string Verb(string s) => s.TrimStart().Split([' ', '\n', '\r'], 2)[0].ToUpperInvariant();
        return statements.Count switch
        {
            0 => "OTHER",
            1 => Verb(statements[0]),
            _ => $"BATCH[{string.Join('+', statements.GroupBy(Verb).Select(g => g.Count() == 1 ? g.Key : $"{g.Count()}×{g.Key}"))}]",
        };
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }
}
