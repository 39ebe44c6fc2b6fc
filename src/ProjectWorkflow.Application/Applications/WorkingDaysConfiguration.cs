using Microsoft.Extensions.Configuration;
using ProjectWorkflow.Funding.Calendar;

namespace ProjectWorkflow.Application.Applications;

/// <summary>
/// The working-day calendar from configuration: <c>Calendar:Holidays</c> and <c>Calendar:MakeUpWorkdays</c>
/// (lists of yyyy-MM-dd from the State Council's yearly notice). Weekends are off unless listed as make-up days.
/// </summary>
public static class WorkingDaysConfiguration
{
    public static WorkingDayCalendar From(IConfiguration configuration)
    {
        static IEnumerable<DateOnly> Dates(IConfiguration section) =>
            section.GetChildren().Select(c => DateOnly.ParseExact(c.Value!, "yyyy-MM-dd"));
        return new WorkingDayCalendar(Dates(configuration.GetSection("Calendar:Holidays")), Dates(configuration.GetSection("Calendar:MakeUpWorkdays")));
    }
}
