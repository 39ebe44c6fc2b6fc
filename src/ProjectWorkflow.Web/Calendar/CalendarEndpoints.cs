using System.Security.Claims;
using ProjectWorkflow.Application.Calendar;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Workflows;

namespace ProjectWorkflow.Web.Calendar;

public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendar(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");

        calendar.MapGet("/{year:int}", async (int year, ReadCalendarYear read, CancellationToken ct) => TypedResults.Ok(await read.HandleAsync(year, ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Staff))
            .WithSummary("A year's public holidays and make-up working days, which every working-day count reads (staff)");

        calendar.MapPut("/{year:int}", async (int year, CalendarYearRequest request, ClaimsPrincipal user, SetCalendarYear set, CancellationToken ct) =>
                TypedResults.Ok(await set.HandleAsync(year, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Enter or correct a year's holiday notice: every day off and make-up working day (yyyy-MM-dd), replacing the year's data (admin)");

        return api;
    }
}
