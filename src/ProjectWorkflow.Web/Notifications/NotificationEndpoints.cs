using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Errors;
using ProjectWorkflow.Web.Workflows;

namespace ProjectWorkflow.Web.Notifications;

public sealed record NotificationRead(Guid Id, bool Read, int UnreadCount);

public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");

        notifications.MapGet("/", List)
            .WithSummary("My notifications, newest first (unread=true for unread only), with my unread count");
        notifications.MapPost("/{id:guid}/read", Read)
            .WithSummary("Mark one of my notifications read");
        notifications.MapPost("/read-all", async (ClaimsPrincipal user, MarkAllNotificationsRead markAll, CancellationToken ct) =>
                TypedResults.Ok(await markAll.HandleAsync(ActorOf.User(user), ct)))
            .WithSummary("Mark everything in my inbox read");
        return api;
    }

    private static async Task<Results<Ok<NotificationPage>, ProblemHttpResult>> List(
        bool? unread, int? skip, int? take, ClaimsPrincipal user, ListNotifications list, CancellationToken ct) =>
        await list.HandleAsync(new ListNotificationsRequest(unread, skip, take), ActorOf.User(user), ct) switch
        {
            ListNotifications.Listed listed => TypedResults.Ok(listed.Page),
            ListNotifications.Invalid invalid => ValidationErrors.Problem(invalid.Errors),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
        };

    private static async Task<Results<Ok<NotificationRead>, ProblemHttpResult>> Read(
        Guid id, ClaimsPrincipal user, MarkNotificationRead mark, CancellationToken ct) =>
        await mark.HandleAsync(id, ActorOf.User(user), ct) switch
        {
            MarkNotificationRead.Read read => TypedResults.Ok(new NotificationRead(read.Id, true, read.UnreadCount)),
            // Someone else's notification is answered like a missing one: ids cannot be probed.
            MarkNotificationRead.NotFound => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found",
                detail: $"There is no notification {id} in your inbox. List yours with GET /api/notifications."),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
        };
}
