using System.Data.Common;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// PostgreSQL parses and plans every statement Npgsql sends unless it is prepared; Npgsql prepares the statements a
/// connection runs often when <c>Max Auto Prepare</c> is set, and it is not by default. Every command of ours is one of
/// a few hundred texts run again and again (EF Core's SQL), so a connection keeps its 64 most used once each has run twice:
/// in round 5 of issue #18 that alone took task completions over HTTP from 43.9 to 52.8 a second (docs/benchmarks.md).
/// An operator's own setting wins: behind a PgBouncer in transaction mode older than 1.21, set
/// <c>Max Auto Prepare=0</c> in the connection string.
/// </summary>
public static class PostgresAutoPrepare
{
    public const int MaxStatements = 64;
    public const int MinUsages = 2;

    /// <summary>The connection string with automatic preparation turned on, unless it says how to prepare already.</summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (keys.Contains("MaxAutoPrepare") || keys.Contains("AutoPrepareMinUsages")) return connectionString;
        given["Max Auto Prepare"] = MaxStatements;
        given["Auto Prepare Min Usages"] = MinUsages;
        return given.ConnectionString;
    }
}
