using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Calendar;

/// <summary>
/// The administrator enters (or corrects) a year's holiday notice: the days off and the make-up working days replace
/// what the year held. Deadlines already set keep their dates; counts made from now on read the new data.
/// </summary>
public sealed class SetCalendarYear(ProjectWorkflowDbContext db, TimeProvider time, AuditTrail audit)
{
    public const int FirstYear = 2000, LastYear = 2100;

    public async Task<CalendarYearView> HandleAsync(int year, CalendarYearRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (year is < FirstYear or > LastYear) errors.Add(FieldError.Of("year", $"A year from {FirstYear} to {LastYear}.", $"年度须在 {FirstYear} 至 {LastYear} 之间。"));
        if (request.DaysOff is null) errors.Add(FieldError.Of("daysOff", "List the year's days off (yyyy-MM-dd); an empty list for none.", "请列出当年放假日期（yyyy-MM-dd）；没有则提交空列表。"));
        if (request.MakeUpWorkdays is null) errors.Add(FieldError.Of("makeUpWorkdays", "List the weekend days worked instead (yyyy-MM-dd); an empty list for none.", "请列出调休上班日期（yyyy-MM-dd）；没有则提交空列表。"));
        if (request.Source is { Length: > 500 }) errors.Add(FieldError.Of("source", "At most 500 characters.", "数据来源最多 500 个字符。"));
        var daysOff = request.DaysOff ?? [];
        var makeUp = request.MakeUpWorkdays ?? [];
        if (daysOff.Any(d => d.Year != year)) errors.Add(FieldError.Of("daysOff", $"Every day off must fall in {year}.", $"放假日期须在 {year} 年内。"));
        if (makeUp.Any(d => d.Year != year)) errors.Add(FieldError.Of("makeUpWorkdays", $"Every make-up working day must fall in {year}.", $"调休上班日期须在 {year} 年内。"));
        if (makeUp.Any(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            errors.Add(FieldError.Of("makeUpWorkdays", "A make-up working day is a Saturday or Sunday worked instead of a holiday.", "调休上班日期须为周六或周日。"));
        if (daysOff.Intersect(makeUp).ToList() is [var both, ..])
            errors.Add(FieldError.Of("makeUpWorkdays", $"{both:yyyy-MM-dd} cannot be both a day off and a make-up working day.", $"{both:yyyy-MM-dd} 不能既是放假日期又是调休上班日期。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var record = await db.Set<CalendarYearRecord>().FirstOrDefaultAsync(c => c.Year == year, cancellationToken);
        var before = record is null ? "none" : $"{record.DaysOff.Split(',', StringSplitOptions.RemoveEmptyEntries).Length} days off, {record.MakeUpWorkdays.Split(',', StringSplitOptions.RemoveEmptyEntries).Length} make-up days";
        if (record is null)
        {
            record = new CalendarYearRecord { Year = year };
            db.Add(record);
        }
        record.DaysOff = CalendarYearRecord.Join(daysOff);
        record.MakeUpWorkdays = CalendarYearRecord.Join(makeUp);
        record.Source = request.Source?.Trim();
        record.UpdatedAt = time.GetUtcNow();
        record.UpdatedBy = actor.Id;
        audit.Record("calendar.year-set", "calendar-year", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            detail: $"before: {before}; now: days off {record.DaysOff}; make-up working days {record.MakeUpWorkdays}");
        await db.SaveChangesAsync(cancellationToken);
        return CalendarYearView.Of(record);
    }
}
