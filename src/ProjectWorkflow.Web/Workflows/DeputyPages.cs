using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Workflows.Deputies;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Workflows;

/// <summary>The deputies page (/portal/deputies) and its two buttons, acting through the use cases of /api/me/deputies.</summary>
public static class DeputyPages
{
    /// <summary>The portal's dates are Shanghai's: an absence "until" a day lasts to the end of that day there.</summary>
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static IEndpointRouteBuilder MapDeputyPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/portal/deputies").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/", (string? done) => PortalPageResult.Page<DeputiesPage>(new { Done = done }));
        pages.MapPost("/", async (IFormCollection posted, ClaimsPrincipal user, NameDeputy name, IStringLocalizer<DeputiesText> t, CancellationToken ct) =>
            await PortalButton.PressAsync(async () =>
                {
                    var until = DateOnly.TryParse(posted["until"].ToString(), CultureInfo.InvariantCulture, out var day)
                        ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Shanghai)
                        : (DateTimeOffset?)null;
                    var named = await name.HandleAsync(new NameDeputyRequest(posted["deputy"].ToString(), null, until, posted["reason"].ToString()), ActorOf.User(user), ct);
                    return t["DeputyNamed", named.Deputy].Value;
                },
                "/portal/deputies",
                (refusal, status) => PortalPageResult.Page<DeputiesPage>(new { Refusal = refusal }, status)))
            .RequireAuthorization(policy => policy.RequireRole([.. Roles.ActingStaff]));
        pages.MapPost("/{id:guid}/end", async (Guid id, ClaimsPrincipal user, EndDeputyship end, IStringLocalizer<DeputiesText> t, CancellationToken ct) =>
            await PortalButton.PressAsync(async () =>
                {
                    await end.HandleAsync(id, ActorOf.User(user), ct);
                    return t["DeputyEnded"].Value;
                },
                "/portal/deputies",
                (refusal, status) => PortalPageResult.Page<DeputiesPage>(new { Refusal = refusal }, status)));
        return app;
    }
}
