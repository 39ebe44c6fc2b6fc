using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;

namespace ProjectWorkflow.Application.Audit;

/// <summary>The query string of <c>GET /api/audit</c>, as sent: every field is checked here, so a bad one answers 400 naming it.</summary>
public sealed record AuditQuery(string? ObjectType, string? ObjectId, string? Actor, string? From, string? To, string? Action, string? After, string? Take);

public sealed record AuditEntryView(
    long Sequence, DateTimeOffset At, string Actor, IReadOnlyList<string> Roles, string Action, string ObjectType, string ObjectId,
    string Outcome, string? Reason, string? Detail, string? TraceId, string KeyId, string Hash);

/// <summary><see cref="Entries"/> in order; <see cref="Next"/> is the <c>after</c> of the next page, null on the last.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, long? Next);

/// <summary>The audit log for auditors and administrators: filtered by object, actor, time and action, keyset-paged by entry number.</summary>
public sealed class ListAuditEntries(ProjectWorkflowDbContext db)
{
    public const int DefaultTake = 100;
    public const int MaximumTake = 500;

    public async Task<AuditPage> HandleAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var objectType = Text(query.ObjectType, "objectType", 64, errors);
        var objectId = Text(query.ObjectId, "objectId", 200, errors);
        var actor = Text(query.Actor, "actor", 256, errors);
        var action = Text(query.Action, "action", 100, errors);
        var from = Moment(query.From, "from", errors);
        var to = Moment(query.To, "to", errors);
        if (from is not null && to is not null && from > to)
            errors.Add(FieldError.Of("to", "'to' is before 'from'.", "结束时间（to）不能早于开始时间（from）。"));
        var after = Number(query.After, "after", 0, long.MaxValue, 0, errors);
        var take = (int)Number(query.Take, "take", 1, MaximumTake, DefaultTake, errors);
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var entries = db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence > after);
        if (objectType is not null) entries = entries.Where(e => e.ObjectType == objectType);
        if (objectId is not null) entries = entries.Where(e => e.ObjectId == objectId);
        if (actor is not null) entries = entries.Where(e => e.Actor == actor);
        if (action is not null) entries = entries.Where(e => e.Action == action);
        if (from is { } start) entries = entries.Where(e => e.At >= start);
        if (to is { } end) entries = entries.Where(e => e.At < end);
        var page = await entries.OrderBy(e => e.Sequence).Take(take + 1).ToListAsync(cancellationToken);
        var shown = page.Take(take).Select(View).ToList();
        return new AuditPage(shown, page.Count > take ? shown[^1].Sequence : null);
    }

    private static AuditEntryView View(AuditEntry e) => new(
        e.Sequence, e.At, e.Actor, e.Roles.Length == 0 ? [] : e.Roles.Split(','), e.Action, e.ObjectType, e.ObjectId, e.Outcome,
        e.Reason, e.Detail, e.TraceId, e.KeyId, e.Hash);

    private static string? Text(string? value, string field, int length, List<FieldError> errors)
    {
        if (value is null) return null;
        if (string.IsNullOrWhiteSpace(value) || value.Length > length || value.Contains('\0'))
        {
            errors.Add(FieldError.Of(field, $"'{field}' is a non-empty text of at most {length} characters.", $"“{field}”须为非空文本，最多 {length} 个字符。"));
            return null;
        }
        return value.Trim();
    }

    private static DateTimeOffset? Moment(string? value, string field, List<FieldError> errors)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            return moment.ToUniversalTime();
        errors.Add(FieldError.Of(field, $"'{field}' is a date and time in ISO 8601, e.g. 2026-03-01T00:00:00+08:00.", $"“{field}”须为 ISO 8601 格式的日期时间，例如 2026-03-01T00:00:00+08:00。"));
        return null;
    }

    private static long Number(string? value, string field, long minimum, long maximum, long fallback, List<FieldError> errors)
    {
        if (value is null) return fallback;
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum)
            return number;
        errors.Add(FieldError.Of(field, $"'{field}' is a whole number from {minimum} to {maximum}.", $"“{field}”须为 {minimum} 至 {maximum} 之间的整数。"));
        return fallback;
    }
}
