using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>
/// The database goes away under a running node (its SQLite file's folder is unmounted, as a lost volume would be):
/// requests answer 503 with Retry-After instead of 500, the node reports itself not ready, nothing is half-done,
/// and once the database is back the same request, with the same Idempotency-Key, succeeds once.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class DatabaseOutageTests(OperatedApp app) : IClassFixture<OperatedApp>
{
    private const string IdempotencyKey = "Idempotency-Key";

    [Fact]
    public async Task WhileTheDatabaseIsDown_RequestsAnswer503WithRetryAfter_AndTheSameWriteSucceedsOnceWhenItIsBack()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var key = Guid.NewGuid().ToString();
        var newUser = new { userName = $"outage-{Guid.NewGuid():N}"[..24], displayName = "Outage Test", password = "Test#2026pw", roles = new[] { "expert" } };
        var errorsBefore = app.Log.Lines.Count(l => l.Level >= LogLevel.Error);

        app.TakeDatabaseAway();
        try
        {
            var read = await admin.GetAsync("/api/users");
            var write = await CreateUser(admin, key, newUser);
            var ready = await app.CreateAnonymousClient().GetAsync("/health/ready");

            foreach (var response in new[] { read, write })
            {
                var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
                Assert.Equal("The database is unavailable", problem.GetProperty("title").GetString());
                Assert.Equal(TimeSpan.FromSeconds(OperatedApp.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

            // The background mail sender meets the outage too (woken now rather than at its next poll): a warning, not an error.
            app.Services.GetRequiredService<MailQueueSignal>().Pulse();
            await Eventually.WaitUntilAsync(() => Task.FromResult(app.Log.Lines.Any(l => l.Level == LogLevel.Warning
                && l.Message.StartsWith("The mail queue could not be processed: the database is unavailable", StringComparison.Ordinal))), "the mail sender's outage warning", 10);
        }
        finally
        {
            app.BringDatabaseBack();
        }

        // Each failed request was logged once, as a warning naming the cause; none as an error (a bug), the mail sender's included.
        var warnings = app.Log.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.StartsWith("The database is unavailable", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("SqliteException", w.Message));
        Assert.Equal(errorsBefore, app.Log.Lines.Count(l => l.Level >= LogLevel.Error && l.Category.StartsWith("ProjectWorkflow.Web", StringComparison.Ordinal)));

        await Eventually.WaitUntilAsync(async () => (await app.CreateAnonymousClient().GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "the node ready again");
        Assert.Equal(0, await CountUsers(admin, newUser.userName));

        var retried = await CreateUser(admin, key, newUser);
        var replayed = await CreateUser(admin, key, newUser);

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(1, await CountUsers(admin, newUser.userName));
    }

    private static Task<HttpResponseMessage> CreateUser(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/users") { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyKey, key);
        return client.SendAsync(request);
    }

    private static async Task<int> CountUsers(HttpClient client, string userName)
    {
        var users = await client.GetFromJsonAsync<JsonElement>("/api/users");
        return users.EnumerateArray().Count(u => u.GetProperty("userName").GetString() == userName);
    }
}
