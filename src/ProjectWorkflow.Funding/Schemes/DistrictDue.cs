using ProjectWorkflow.Funding.Calendar;

namespace ProjectWorkflow.Funding.Schemes;

/// <summary>When the district must have forwarded a file: its forwarding working days after the window closes, or after <c>now</c> when that is later (a supplemented file, year-round intake).</summary>
public static class DistrictDue
{
    public static DateTimeOffset At(RuleSet rules, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        var from = rules.Window.Closes is { } closes && closes > now ? closes : now;
        return ShanghaiDate.EndOf(calendar.AddWorkingDays(ShanghaiDate.Of(from), rules.DistrictForwardingWorkingDays));
    }
}
