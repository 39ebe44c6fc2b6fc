using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Idempotency;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Web.Idempotency;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests;

/// <summary>
/// Creating a user is not idempotent by itself (a second create answers 409 "User name
/// taken"), which makes it a good witness: a replayed 201 proves the handler did not run again.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class IdempotencyTests(PortalApp app, ITestOutputHelper output)
{
    private const string Header = "Idempotency-Key";

    [Fact]
    public async Task Retry_WithSameKeyAndBody_GetsTheFirstResponse_AndChangesNothing()
    {
        using var client = await app.CreateClientForAsync("admin1");
        var key = Guid.NewGuid().ToString();
        var body = NewUser("retry");

        var first = await Send(client, key, body);
        var second = await Send(client, key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.False(first.Headers.Contains("Idempotency-Replayed"));
        Assert.True(second.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(1, await CountUsers(client, body.userName));

        var withoutKey = await client.PostAsJsonAsync("/api/users", body);
        var problem = await ProblemAssert.IsProblemAsync(withoutKey, HttpStatusCode.Conflict);
        Assert.Equal("User name taken", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task SameKey_WithAnotherBody_Gets422Problem_AndChangesNothing()
    {
        using var client = await app.CreateClientForAsync("admin1");
        var key = Guid.NewGuid().ToString();
        var first = NewUser("first");
        var other = NewUser("other");

        Assert.Equal(HttpStatusCode.Created, (await Send(client, key, first)).StatusCode);
        var reused = await Send(client, key, other);

        await ProblemAssert.IsProblemAsync(reused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await CountUsers(client, other.userName));
    }

    [Fact]
    public async Task ConcurrentRequests_WithSameKey_RunTheHandlerOnce()
    {
        using var client = await app.CreateClientForAsync("admin1");
        var key = Guid.NewGuid().ToString();
        var body = NewUser("race");
        var start = new TaskCompletionSource();

        var requests = Enumerable.Range(0, 6).Select(async _ =>
        {
            await start.Task;
            return await Send(client, key, body);
        }).ToList();
        start.SetResult();
        var responses = await Task.WhenAll(requests);
        output.WriteLine(string.Join(", ", responses.Select(r =>
            $"{(int)r.StatusCode}{(r.Headers.Contains("Idempotency-Replayed") ? " replayed" : "")}")));

        var executed = responses.Where(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotency-Replayed")).ToList();
        Assert.Single(executed);
        foreach (var response in responses.Except(executed))
        {
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Assert.Equal(await executed[0].Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
                continue;
            }
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Equal("Request already in progress", problem.GetProperty("title").GetString());
            Assert.True(response.Headers.Contains("Retry-After"));
        }
        Assert.Equal(1, await CountUsers(client, body.userName));
    }

    [Fact]
    public async Task TokenRequests_AreNeverReplayed_EvenWithAKey()
    {
        using var client = app.CreateAnonymousClient();
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> RequestToken()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
            {
                Content = JsonContent.Create(new { username = "admin1", password = Application.Seeding.DemoUsers.Password }),
            };
            request.Headers.Add(Header, key);
            return await client.SendAsync(request);
        }

        var first = await RequestToken();
        var second = await RequestToken();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotency-Replayed"));
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A request reserved its key and its node died before answering (or the database went away before the key was
    /// freed): the reservation is left without a response. While it is young a retry is told to wait (409); once it is
    /// older than <c>Idempotency:AbandonedAfterSeconds</c> the retry removes it and runs, once.
    /// </summary>
    [Fact]
    public async Task AReservationLeftByACrashedRequest_ExpiresAfterTheConfiguredTime_AndTheRetryRunsOnce()
    {
        using var client = await app.CreateClientForAsync("admin1");
        var body = NewUser("crashed");
        var youngKey = Guid.NewGuid().ToString();
        var oldKey = Guid.NewGuid().ToString();
        var now = DateTime.UtcNow;
        await LeaveReservationAsync(youngKey, body, now.AddSeconds(-10));
        await LeaveReservationAsync(oldKey, body, now.AddSeconds(-IdempotencyMiddleware.DefaultAbandonedAfterSeconds - 60));

        var tooSoon = await Send(client, youngKey, body);
        var problem = await ProblemAssert.IsProblemAsync(tooSoon, HttpStatusCode.Conflict);
        Assert.Equal("Request already in progress", problem.GetProperty("title").GetString());
        Assert.Equal(0, await CountUsers(client, body.userName));

        var retried = await Send(client, oldKey, body);
        var replayed = await Send(client, oldKey, body);

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(1, await CountUsers(client, body.userName));
    }

    /// <summary>
    /// A request's changes were committed, then its node died before the response was stored: the reservation has no
    /// response, but the request's own transaction marked it. Long after, a retry is told the request was carried out,
    /// and it does not run again.
    /// </summary>
    [Fact]
    public async Task ARequestWhoseChangesWereCommitted_ButWhoseResponseWasLost_IsNeverRunAgain()
    {
        using var client = await app.CreateClientForAsync("admin1");
        var key = Guid.NewGuid().ToString();
        var body = NewUser("lost-answer");
        Assert.Equal(HttpStatusCode.Created, (await Send(client, key, body)).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            var row = await db.IdempotencyRecords.SingleAsync(r => r.UserName == "admin1" && r.Key == key);
            Assert.True(row.EffectsCommitted);
            // As the node left it: the user created and committed, no response stored, and that was long ago.
            row.StatusCode = null;
            row.ResponseBody = null;
            row.ContentType = null;
            row.CreatedAt = DateTime.UtcNow.AddSeconds(-IdempotencyMiddleware.DefaultAbandonedAfterSeconds - 60);
            await db.SaveChangesAsync();
        }

        var retried = await Send(client, key, body);

        var problem = await ProblemAssert.IsProblemAsync(retried, HttpStatusCode.Conflict);
        Assert.Equal("Request already carried out", problem.GetProperty("title").GetString());
        Assert.Equal(1, await CountUsers(client, body.userName));
    }

    /// <summary>The row a request leaves when it reserved its key and never answered: no status, no body.</summary>
    private async Task LeaveReservationAsync(string key, NewUserBody body, DateTime createdAt)
    {
        var bytes = await JsonContent.Create(body).ReadAsByteArrayAsync();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes("POST\n/api/users\n"), .. bytes]));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Key = key, UserName = "admin1", Method = "POST", Path = "/api/users", RequestHash = hash, CreatedAt = createdAt,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task OverlongKey_Gets400Problem()
    {
        using var client = await app.CreateClientForAsync("admin1");

        var response = await Send(client, new string('k', 129), NewUser("overlong"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private sealed record NewUserBody(string userName, string displayName, string password, string[] roles);

    private static NewUserBody NewUser(string prefix) =>
        new($"{prefix}-{Guid.NewGuid():N}"[..24], "Idempotency Test", "Test#2026pw", ["expert"]);

    private static Task<HttpResponseMessage> Send(HttpClient client, string key, NewUserBody body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/users") { Content = JsonContent.Create(body) };
        request.Headers.Add(Header, key);
        return client.SendAsync(request);
    }

    private static async Task<int> CountUsers(HttpClient client, string userName)
    {
        var users = await client.GetFromJsonAsync<JsonElement>("/api/users");
        return users.EnumerateArray().Count(u => u.GetProperty("userName").GetString() == userName);
    }
}
