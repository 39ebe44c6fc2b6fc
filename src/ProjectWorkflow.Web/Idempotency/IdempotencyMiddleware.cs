using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Idempotency;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Web.Idempotency;

/// <summary>
/// A retried request with the same <c>Idempotency-Key</c> (same user, same request) gets the
/// first response again and changes nothing. The record is inserted before the request
/// runs, so of two concurrent requests with one key only the one whose insert wins runs;
/// the other gets 409 until the first has finished (as the IETF Idempotency-Key draft says).
/// A reservation that never got its response (the node died mid-request, or the database went away before the key
/// could be released) is abandoned once older than <c>Idempotency:AbandonedAfterSeconds</c>: the next request with
/// that key removes it and runs — unless the request's changes were committed: every save of the request's DbContext
/// marks the reservation in the same transaction (<see cref="ProjectWorkflowDbContext.MarkEffectsFor"/>), and a marked
/// reservation is never removed, so a retry never runs the request twice; it is told the request was carried out.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider time, IConfiguration configuration, ILogger<IdempotencyMiddleware> logger)
{
    public const string AbandonedAfterKey = "Idempotency:AbandonedAfterSeconds";

    /// <summary>Longer than any request runs (requests time out well within it), short enough for a person's retry.</summary>
    public const int DefaultAbandonedAfterSeconds = 120;

    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotency-Replayed";

    private static readonly HashSet<string> StateChangingMethods =
        new(["POST", "PUT", "PATCH", "DELETE"], StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, IServiceScopeFactory scopes)
    {
        if (!Applies(context, out var key))
        {
            await next(context);
            return;
        }

        if (!IsWellFormed(key))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "Invalid Idempotency-Key",
                $"The {HeaderName} header must be 1 to {IdempotencyRecord.MaxKeyLength} visible ASCII characters, e.g. a UUID.");
            return;
        }

        var cancellationToken = context.RequestAborted;
        var record = new IdempotencyRecord
        {
            Key = key,
            UserName = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "" : "",
            Method = context.Request.Method.ToUpperInvariant(),
            Path = Truncate(RequestFingerprint.Target(context.Request), 2048),
            RequestHash = await RequestFingerprint.ComputeAsync(context.Request, cancellationToken),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };

        // The record's own reads and writes go through a context of their own, never the request's: the reservation commits
        // before the request runs, its response after. One scope (one context) serves them all.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();

        // Look first: a plain retry then costs one read, and the insert below only loses
        // (and logs a constraint violation) when two requests race.
        var earlier = await FindAsync(db, record, cancellationToken);
        if (earlier is { EffectsCommitted: false } && IsAbandoned(earlier, record.CreatedAt) && await RemoveAbandonedAsync(db, earlier, cancellationToken))
            earlier = null;
        if (earlier is not null || !await TryReserveAsync(db, record, cancellationToken))
        {
            await AnswerFromEarlierAsync(context, earlier ?? await FindAsync(db, record, cancellationToken), record);
            return;
        }

        context.RequestServices.GetRequiredService<ProjectWorkflowDbContext>().MarkEffectsFor(record.Id);
        await RunAndRecordAsync(context, db, record);
    }

    private static bool Applies(HttpContext context, out string key)
    {
        key = "";
        if (!StateChangingMethods.Contains(context.Request.Method))
            return false;
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotencyMetadata>() is not { Enabled: true })
            return false;
        if (!context.Request.Headers.TryGetValue(HeaderName, out var values))
            return false;
        key = values.ToString();
        return true;
    }

    private static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= IdempotencyRecord.MaxKeyLength && key.All(c => c is >= '!' and <= '~');

    private bool IsAbandoned(IdempotencyRecord earlier, DateTime now) =>
        !earlier.IsCompleted
        && earlier.CreatedAt < now.AddSeconds(-Math.Max(1, configuration.GetValue(AbandonedAfterKey, DefaultAbandonedAfterSeconds)));

    /// <summary>
    /// Removes a reservation nobody will complete, only if it is still the same unanswered row (two retries racing
    /// remove it once; the loser then finds the winner's fresh reservation and gets 409).
    /// </summary>
    private async Task<bool> RemoveAbandonedAsync(ProjectWorkflowDbContext db, IdempotencyRecord earlier, CancellationToken cancellationToken)
    {
        var removed = await db.IdempotencyRecords.Where(r => r.Id == earlier.Id && r.StatusCode == null && !r.EffectsCommitted)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
            logger.LogWarning("Idempotency-Key {Key} of {UserName} was reserved at {CreatedAt:O} for {Method} {Path} and never answered; the reservation was abandoned and the request runs again",
                earlier.Key, earlier.UserName, earlier.CreatedAt, earlier.Method, earlier.Path);
        return removed > 0;
    }

    private static async Task<bool> TryReserveAsync(ProjectWorkflowDbContext db, IdempotencyRecord record, CancellationToken cancellationToken)
    {
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Most likely the unique (user, key) index: someone holds this key. If it was
            // anything else, looking the key up next fails loudly or finds nothing.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    // Compiled once: every state-changing request looks its key up, and EF would otherwise walk and match the query's
    // expression tree on each one.
    private static readonly CompiledPerModel<Func<ProjectWorkflowDbContext, string, string, CancellationToken, Task<IdempotencyRecord?>>> Find =
        new(() => EF.CompileAsyncQuery((ProjectWorkflowDbContext db, string userName, string key, CancellationToken _) =>
            db.IdempotencyRecords.AsNoTracking().SingleOrDefault(r => r.UserName == userName && r.Key == key)));

    private static Task<IdempotencyRecord?> FindAsync(ProjectWorkflowDbContext db, IdempotencyRecord attempt, CancellationToken cancellationToken) =>
        Find.For(db)(db, attempt.UserName, attempt.Key, cancellationToken);

    private async Task AnswerFromEarlierAsync(HttpContext context, IdempotencyRecord? earlier, IdempotencyRecord attempt)
    {
        if (earlier is not null && earlier.RequestHash != attempt.RequestHash)
        {
            await Problem(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused for another request",
                $"This {HeaderName} was first used for {earlier.Method} {earlier.Path} with a different body. "
                + "Send a new key for a new request, or resend exactly the first request.");
            return;
        }

        if (earlier is { IsCompleted: false, EffectsCommitted: true } && IsAbandoned(earlier, attempt.CreatedAt))
        {
            // Its changes were committed and its response was never stored: running it again would do it twice.
            await Problem(context, StatusCodes.Status409Conflict, "Request already carried out",
                $"A request with this {HeaderName} was carried out, but its response was not kept. It is not run again: "
                + "read the resource to see where it stands.");
            return;
        }

        if (earlier is null || !earlier.IsCompleted)
        {
            // Null: the first attempt failed and released the key a moment ago; a retry may run.
            context.Response.Headers.RetryAfter = "1";
            await Problem(context, StatusCodes.Status409Conflict, "Request already in progress",
                $"A request with this {HeaderName} is still being processed. Retry in a moment to get its response.");
            return;
        }

        logger.LogInformation("Replaying the response stored for {Method} {Path} (Idempotency-Key {Key})",
            earlier.Method, earlier.Path, earlier.Key);
        context.Response.StatusCode = earlier.StatusCode!.Value;
        if (earlier.ContentType is not null)
            context.Response.ContentType = earlier.ContentType;
        context.Response.Headers[ReplayedHeaderName] = "true";
        if (earlier.ResponseBody is { Length: > 0 } body)
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private async Task RunAndRecordAsync(HttpContext context, ProjectWorkflowDbContext db, IdempotencyRecord record)
    {
        var client = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            // Nothing was answered, so nothing may be replayed: free the key for a retry.
            await ReleaseAsync(db, record.Id);
            throw;
        }
        finally
        {
            context.Response.Body = client;
        }

        var status = context.Response.StatusCode;
        if (status >= StatusCodes.Status500InternalServerError)
        {
            // A server fault is not the answer to this request; a retry should run again.
            await ReleaseAsync(db, record.Id);
        }
        else
        {
            await CompleteAsync(db, record, status, captured.ToArray(), context.Response.ContentType);
        }

        captured.Position = 0;
        await captured.CopyToAsync(client, context.RequestAborted);
    }

    /// <summary>The response, on the reservation's row (tracked by <paramref name="db"/> since it was inserted): one <c>UPDATE</c> by key.</summary>
    private async Task CompleteAsync(ProjectWorkflowDbContext db, IdempotencyRecord record, int status, byte[] body, string? contentType)
    {
        try
        {
            record.StatusCode = status;
            record.ResponseBody = body;
            record.ContentType = contentType;
            // Not the request's token: once the work is done, its record must be kept even if the client left.
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The row is gone: the request ran past the abandonment time, nothing was committed, and a retry took the key over.
        }
        catch (Exception exception)
        {
            Unkept(exception, "store the response of", record.Id);
        }
    }

    private async Task ReleaseAsync(ProjectWorkflowDbContext db, long id)
    {
        try
        {
            // Only while nothing the request did is committed: once it is, a retry must not run it again.
            await db.IdempotencyRecords.Where(r => r.Id == id && !r.EffectsCommitted).ExecuteDeleteAsync();
        }
        catch (Exception exception)
        {
            Unkept(exception, "release", id);
        }
    }

    /// <summary>
    /// A database that went away is an outage the request's own 503 already reports: a warning without the stack, not
    /// an error (the runbook's "once, as a warning"). Anything else is a bug.
    /// </summary>
    private void Unkept(Exception exception, string action, long id)
    {
        if (Errors.DatabaseUnavailable.Cause(exception) is { } cause)
            logger.LogWarning("Could not {Action} idempotency record {Id}; retries get 409 until it is abandoned ({Cause}: {Reason})",
                action, id, cause.GetType().Name, cause.Message);
        else
            logger.LogError(exception, "Could not {Action} idempotency record {Id}; retries get 409 until it is abandoned", action, id);
    }

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
