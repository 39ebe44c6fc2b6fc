using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ProjectWorkflow.Web.Errors;

/// <summary>
/// A request that failed because the database could not be reached is not a bug: it answers
/// <c>503 Service Unavailable</c> problem+json with <c>Retry-After</c> (<c>Database:RetryAfterSeconds</c>, 5 by
/// default) and one warning line, without the stack trace. The command's transaction never committed, so the
/// client may send the same request again (with the same <c>Idempotency-Key</c>) once the database is back;
/// meanwhile <c>/health/ready</c> fails its database check and a load balancer sends traffic elsewhere.
/// </summary>
internal sealed class DatabaseUnavailable(
    IProblemDetailsService problemDetails, IConfiguration configuration, ILogger<DatabaseUnavailable> logger) : IExceptionHandler
{
    public const string RetryAfterSetting = "Database:RetryAfterSeconds";
    public const int DefaultRetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (Cause(exception) is not { } cause) return false;

        var retryAfter = Math.Max(1, configuration.GetValue(RetryAfterSetting, DefaultRetryAfterSeconds));
        logger.LogWarning("The database is unavailable; {Method} {Path} answered 503, retry after {RetryAfterSeconds} s: {Cause}: {Reason}",
            http.Request.Method, http.Request.Path, retryAfter, cause.GetType().Name, cause.Message);

        await AnswerAsync(problemDetails, http, exception, "The database is unavailable", retryAfter);
        return true;
    }

    /// <summary>The 503 problem+json of an outage, telling the client when to send the same request again.</summary>
    internal static async ValueTask AnswerAsync(IProblemDetailsService problemDetails, HttpContext http, Exception exception, string title, int retryAfter)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = title,
            Detail = $"Nothing was changed. Send the same request again in {retryAfter} seconds (with the same Idempotency-Key, if you sent one).",
        };
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await problemDetails.WriteAsync(http, problem, exception);
    }

    /// <summary>
    /// The exception (this one or one it wraps) saying the database could not be reached or is not taking work now,
    /// or null when the failure is something else (a bug, a constraint, a lost race).
    /// </summary>
    public static Exception? Cause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (IsUnavailable(current)) return current;
        }
        return null;
    }

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        // EF's retrying strategy gave up: every attempt failed transiently.
        RetryLimitExceededException => true,
        // SQLite: busy or locked beyond the busy timeout, or the file cannot be opened (its volume is gone).
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteCantOpen,
        // PostgreSQL: starting up or shutting down (57P0x), too many connections (53300), connection failures (08xxx).
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300" || postgres.IsTransient,
        // Npgsql: connection refused, reset, or a timeout opening a connection or reading an answer.
        NpgsqlException npgsql => npgsql.IsTransient,
        // Any other provider (SQL Server) says so itself.
        DbException db => db.IsTransient,
        _ => false,
    };

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCantOpen = 14;
}
