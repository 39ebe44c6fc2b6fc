using System.Security.Claims;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Portal;

namespace ProjectWorkflow.Web.Notifications;

/// <summary>The portal's notifications page and its "mark all read" button.</summary>
public static class NotificationPages
{
    public static IEndpointRouteBuilder MapNotificationPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/portal/notifications").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/", () => PortalPageResult.Page<NotificationsPage>());
        pages.MapPost("/read-all", async (ClaimsPrincipal user, MarkAllNotificationsRead markAll, CancellationToken ct) =>
        {
            await markAll.HandleAsync(ActorOf.User(user), ct);
            return Results.LocalRedirect("/portal/notifications");
        });
        return app;
    }
}
