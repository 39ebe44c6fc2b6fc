using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;

namespace ProjectWorkflow.Application.Calendar;

/// <summary>Staff read a year's days off and make-up working days.</summary>
public sealed class ReadCalendarYear(ProjectWorkflowDbContext db)
{
    public async Task<CalendarYearView> HandleAsync(int year, CancellationToken cancellationToken)
    {
        var record = await db.Set<CalendarYearRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Year == year, cancellationToken)
            ?? throw new NotFoundException($"There is no holiday data for {year}; until an administrator enters it, {year} counts plain weekdays.", $"尚无 {year} 年节假日安排；管理员录入前，{year} 年按普通工作日（周一至周五）计算。");
        return CalendarYearView.Of(record);
    }
}
