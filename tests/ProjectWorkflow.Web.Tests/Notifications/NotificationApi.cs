using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Notifications;

/// <summary>Small steps of the notification API that the stories repeat.</summary>
internal static class NotificationApi
{
    public static async Task<JsonElement> InboxAsync(HttpClient client, bool unreadOnly = false, int take = 200)
    {
        var response = await client.GetAsync($"/api/notifications?take={take}{(unreadOnly ? "&unread=true" : "")}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/notifications answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static int UnreadCount(JsonElement page) => page.GetProperty("unreadCount").GetInt32();

    /// <summary>My notifications about one instance, newest first.</summary>
    public static async Task<JsonElement[]> AboutAsync(HttpClient client, Guid instanceId, string? kind = null) =>
        (await InboxAsync(client)).GetProperty("items").EnumerateArray()
            // A window announcement (every five minutes on the real clock) is about no instance.
            .Where(n => n.GetProperty("instanceId").ValueKind == JsonValueKind.String && n.GetProperty("instanceId").GetGuid() == instanceId)
            .Where(n => kind is null || n.GetProperty("kind").GetString() == kind)
            .ToArray();

    /// <summary>The mail rows queued for a notification, read straight from the database.</summary>
    public static async Task<List<QueuedMail>> MailForAsync(PortalApp app, Guid instanceId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        return await (
                from mail in db.Set<QueuedMail>()
                join notification in db.Set<Notification>() on mail.NotificationId equals notification.Id
                where notification.InstanceId == instanceId
                select mail)
            .AsNoTracking()
            .ToListAsync();
    }

    /// <summary>Waits (at most 20 s) until the condition holds: the mail sender works in the background.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still not true after 20 s: {what}");
            await Task.Delay(100);
        }
    }
}
