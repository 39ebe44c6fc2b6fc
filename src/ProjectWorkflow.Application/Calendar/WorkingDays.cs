using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Calendar;

namespace ProjectWorkflow.Application.Calendar;

/// <summary>
/// The working-day calendar every count of the fund reads (notices, supplement deadlines, reminders), built from the
/// holiday years administrators keep (<c>GET/PUT /api/calendar/{year}</c>). A year without data counts plain weekdays;
/// the administrators' warnings name such a year.
/// </summary>
public sealed class WorkingDays(ProjectWorkflowDbContext db)
{
    public async Task<WorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken)
    {
        var years = await db.Set<CalendarYearRecord>().AsNoTracking().ToListAsync(cancellationToken);
        return new WorkingDayCalendar(years.SelectMany(y => y.DaysOffList), years.SelectMany(y => y.MakeUpWorkdaysList));
    }
}
