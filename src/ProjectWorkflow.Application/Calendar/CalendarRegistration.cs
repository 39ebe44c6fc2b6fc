using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Calendar;

public static class CalendarRegistration
{
    /// <summary>The working-day calendar: the holiday years, their seed, and what staff read and administrators set.</summary>
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<WorkingDays>();
        services.AddScoped<HolidaySeed>();
        services.AddScoped<ReadCalendarYear>();
        services.AddScoped<SetCalendarYear>();
        return services;
    }
}
