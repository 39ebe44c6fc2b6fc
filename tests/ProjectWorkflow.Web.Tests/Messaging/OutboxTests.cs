using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Workflows.Events;
using ProjectWorkflow.Application.Workflows.Storage;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Messaging;

/// <summary>Messages leave exactly when the change that caused them commits: once after a commit, never after a rollback.</summary>
[Collection(MessagingAppCollection.Name)]
public sealed class OutboxTests(MessagingApp app)
{
    [Fact]
    public async Task AFailedCommand_PublishesNothing_AndASuccessfulOne_PublishesOnceAfterItCommitted()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        await TestProcesses.DeployAsync(admin, TestProcesses.Instant);
        var refused = $"{RefusingObserver.Prefix}{Guid.NewGuid():N}";
        var accepted = $"ok-{Guid.NewGuid():N}";

        var failed = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = TestProcesses.Instant, businessKey = refused });
        var id = await StartCompletedAsync(admin, TestProcesses.Instant, accepted);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var (messageId, completed) = await app.Bus.PublishedAsync<ProcessCompleted>(m => m.BusinessKey == accepted, "ProcessCompleted of the accepted command");
        Assert.Equal(id, completed.InstanceId);
        Assert.Equal(TestProcesses.Instant, completed.DefinitionKey);
        var row = await DispatchedRowAsync(messageId!.Value);
        Assert.Contains(accepted, row.Body);
        await Eventually.TrueAsync(() => Task.FromResult(app.StatusWhenCompletionArrived.ContainsKey(id)), "the test consumer to receive ProcessCompleted");
        Assert.Equal("completed", app.StatusWhenCompletionArrived[id]);

        Assert.Single(app.Bus.Published<ProcessCompleted>(m => m.BusinessKey == accepted));
        Assert.Empty(app.Bus.Published<ProcessCompleted>(m => m.BusinessKey == refused));
        Assert.False(await app.QueryAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Body.Contains(refused))));
        Assert.False(await app.QueryAsync(db => db.Set<InstanceRecord>().AnyAsync(i => i.BusinessKey == refused)));
    }

    [Fact]
    public async Task CompletingATask_PublishesTaskDecided_WithTheActorAndTheOutcome()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        await TestProcesses.DeployAsync(admin, TestProcesses.OneDecision);
        var businessKey = $"decision-{Guid.NewGuid():N}";
        var id = await StartAsync(admin, TestProcesses.OneDecision, businessKey: businessKey);
        var task = await OnlyTaskAsync(admin, "mine", id, "decide");

        await OkAsync(admin, $"/api/tasks/{task}/complete", new { variables = new { decision = "approve", approvedFen = 50_000_000L } });

        var (_, decided) = await app.Bus.PublishedAsync<TaskDecided>(m => m.BusinessKey == businessKey, "TaskDecided");
        Assert.Equal(id, decided.InstanceId);
        Assert.Equal(task, decided.TaskId);
        Assert.Equal("decide", decided.ElementId);
        Assert.Equal("admin1", decided.Actor);
        Assert.Equal("approve", decided.Outcome?["decision"]?.GetValue<string>());
        Assert.Equal(50_000_000L, decided.Outcome?["approvedFen"]?.GetValue<long>());
        await app.Bus.PublishedAsync<ProcessCompleted>(m => m.BusinessKey == businessKey, "ProcessCompleted after the decision");
    }

    [Fact]
    public async Task ARowLeftBehindByACrashedNode_IsPublishedOnceItsClaimExpires()
    {
        // The state a node leaves when it dies after the commit and before (or while) publishing: the row is
        // there, claimed by the dead node; no dispatcher was woken for it.
        var businessKey = $"orphan-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        var row = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Type = MessageJson.TypeName(typeof(ProcessCompleted)),
            Body = MessageJson.Serialize(new ProcessCompleted(Guid.NewGuid(), "orphaned", businessKey, now)),
            Destination = OutboxMessage.Publish,
            CreatedAt = now,
            NextAttemptAt = now,
            LockOwner = "crashed-node:1/0",
            LockedUntil = now.AddSeconds(-1),
        };
        await app.QueryAsync(db =>
        {
            db.Add(row);
            return db.SaveChangesAsync();
        });

        var (messageId, _) = await app.Bus.PublishedAsync<ProcessCompleted>(m => m.BusinessKey == businessKey, "the orphaned row to be published");

        Assert.Equal(row.Id, messageId);
        var dispatched = await DispatchedRowAsync(row.Id);
        Assert.Null(dispatched.LockOwner);
        Assert.Equal(0, dispatched.Attempts);
    }

    [Fact]
    public async Task AClaim_SkipsRowsAnotherNodeHolds_UntilTheirLeaseEnds_AndTwoClaimsNeverShareARow()
    {
        // Far enough in the future that the app's own dispatcher never sees these rows as due.
        var t = DateTimeOffset.UtcNow.AddDays(30);
        var lease = TimeSpan.FromMinutes(5);
        var free = NewRow(t, lockedBy: null, until: null);
        var held = NewRow(t, lockedBy: "node-b/1", until: t.AddMinutes(10));
        var others = Enumerable.Range(0, 6).Select(_ => NewRow(t, null, null)).ToList();
        await app.QueryAsync(db =>
        {
            db.AddRange([free, held, .. others]);
            return db.SaveChangesAsync();
        });
        var ours = others.Select(r => r.Id).Append(free.Id).Append(held.Id).ToHashSet();

        var first = Mine(await ClaimAsync("node-a", t.AddMinutes(1), lease), ours);
        var meanwhile = Mine(await ClaimAsync("node-c", t.AddMinutes(2), lease), ours);
        var afterLeases = Mine(await ClaimAsync("node-c", t.AddMinutes(11), lease), ours);

        Assert.DoesNotContain(held.Id, first);
        Assert.Contains(free.Id, first);
        Assert.Empty(meanwhile);
        Assert.Equal(ours, afterLeases.ToHashSet());

        // Two nodes racing for the same rows at the same moment: each row goes to one of them.
        var racing = t.AddHours(1);
        var claims = await Task.WhenAll(ClaimAsync("node-x", racing, lease), ClaimAsync("node-y", racing, lease));
        var x = Mine(claims[0], ours);
        var y = Mine(claims[1], ours);
        Assert.Empty(x.Intersect(y));
        Assert.Equal(ours, x.Concat(y).ToHashSet());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1000, 60)]
    public void Backoff_DoublesFromOneSecond_UpToTheCap(int failedAttempts, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), OutboxBackoff.After(failedAttempts, TimeSpan.FromSeconds(60)));

    private async Task<Guid> StartCompletedAsync(HttpClient admin, string key, string businessKey)
    {
        var response = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = key, businessKey });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("completed", body.GetProperty("status").GetString());
        return body.GetProperty("id").GetGuid();
    }

    private async Task<OutboxMessage> DispatchedRowAsync(Guid id)
    {
        OutboxMessage? row = null;
        await Eventually.TrueAsync(async () =>
        {
            row = await app.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id));
            return row?.DispatchedAt is not null;
        }, $"outbox row {id} to be marked dispatched");
        return row!;
    }

    /// <summary>Claims as a pretend node; gives back at once any row of the app's own that was due, so its dispatcher is not held up.</summary>
    private Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string owner, DateTimeOffset now, TimeSpan lease) =>
        app.QueryAsync(async db =>
        {
            var claims = new OutboxClaims(db);
            var claimed = await claims.ClaimAsync(owner, now, batchSize: 100, lease, CancellationToken.None);
            await claims.ReleaseAsync(claimed.Where(r => r.CreatedAt < now.AddDays(-1)).Select(r => r.Id).ToList(), CancellationToken.None);
            return claimed;
        });

    private static List<Guid> Mine(IReadOnlyList<OutboxMessage> claimed, HashSet<Guid> ours) =>
        claimed.Select(r => r.Id).Where(ours.Contains).ToList();

    private static OutboxMessage NewRow(DateTimeOffset at, string? lockedBy, DateTimeOffset? until) => new()
    {
        Id = Guid.NewGuid(),
        Type = MessageJson.TypeName(typeof(ProcessCompleted)),
        Body = MessageJson.Serialize(new ProcessCompleted(Guid.NewGuid(), "claim-test", "claim-test", at)),
        Destination = OutboxMessage.Publish,
        CreatedAt = at,
        NextAttemptAt = at,
        LockOwner = lockedBy,
        LockedUntil = until,
    };
}
