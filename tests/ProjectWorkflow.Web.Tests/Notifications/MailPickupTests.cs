using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Notifications.NotificationApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Notifications;

/// <summary>Without an SMTP server (the embedded run) each notification e-mail becomes an .eml file in the pickup folder.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class MailPickupTests(PortalApp app)
{
    [Fact]
    public async Task ANewTaskForTheReviewerGroup_IsMailedToItsMember_AsAnEmlFileInThePickupFolder()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var businessKey = $"APP-MAIL-{Guid.NewGuid():N}"[..20];
        var id = await StartAsync(admin, "general-approval", new { applicant = "enterprise1" }, businessKey);
        await OkAsync(applicant, $"/api/tasks/{await OnlyTaskAsync(applicant, "mine", id, "prepare")}/complete");

        var pickup = Assert.IsType<PickupDirectoryMailTransport>(app.Services.GetRequiredService<IMailTransport>()).Directory;
        var subject = $"新的待办：District review — {businessKey}";
        var message = await EventuallyAsync(
            () => Task.FromResult(Directory.Exists(pickup)
                ? Directory.GetFiles(pickup, "*.eml").Select(file => MimeMessage.Load(file)).FirstOrDefault(m => m.Subject == subject)
                : null),
            m => m is not null,
            $"an .eml file with the subject '{subject}' in {pickup}");

        var to = Assert.Single(message!.To.Mailboxes);
        Assert.Equal("reviewer1@demo.projectworkflow.local", to.Address);
        Assert.Equal("Demo District Reviewer", to.Name);
        // The mail is in Chinese, the portal's first language (the reader switches to English in the portal).
        Assert.Contains($"编号：{businessKey}", message.TextBody);
        Assert.DoesNotContain("New task", message.TextBody);
        Assert.NotEmpty(message.From.Mailboxes);

        // Each person once: the applicant's "prepare" task when the file was started, the starter's
        // decision notice when it was prepared, the reviewer group's new task to its one member.
        var all = await EventuallyAsync(() => MailForAsync(app, id), rows => rows.TrueForAll(r => r.Status == QueuedMailStatuses.Sent), "every mail sent");
        Assert.Equal(
            ["admin1@demo.projectworkflow.local", "enterprise1@demo.projectworkflow.local", "reviewer1@demo.projectworkflow.local"],
            all.Select(r => r.ToAddress).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SendQueuedMail_OnThreeNodesAtOnce_SendsEveryMailOnce()
    {
        // Forty mails due at once, and three senders working the queue together (besides the app's own): each batch claims
        // what it wins under its own token, so no mail leaves twice and none is left behind.
        var subject = $"Race {Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            db.AddRange(ids.Select(id => new QueuedMail
            {
                Id = id, ToAddress = "reviewer1@demo.projectworkflow.local", Subject = subject, Body = "队列", CreatedAt = now, NextAttemptAt = now,
            }));
            await db.SaveChangesAsync();
        }

        var sent = new System.Collections.Concurrent.ConcurrentQueue<Guid>();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var sender = new SendQueuedMail(services.GetRequiredService<ProjectWorkflowDbContext>(), new Recording(sent),
                services.GetRequiredService<IOptions<NotificationSettings>>(), TimeProvider.System, NullLogger<SendQueuedMail>.Instance);
            while (await sender.HandleAsync(CancellationToken.None) > 0) { }
        }));

        var pickup = Assert.IsType<PickupDirectoryMailTransport>(app.Services.GetRequiredService<IMailTransport>()).Directory;
        var byTheApp = ids.Where(id => File.Exists(Path.Combine(pickup, $"{id:N}.eml"))).ToList();
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.Empty(byTheApp.Intersect(sent));
        Assert.Equal(ids.Order(), sent.Concat(byTheApp).Order());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Set<QueuedMail>().AsNoTracking()
                .Where(m => m.Subject == subject).ToListAsync();
            Assert.All(rows, m => Assert.True(m is { Status: QueuedMailStatuses.Sent, Attempts: 1, LockedUntil: null, ClaimToken: null }, $"mail {m.Id}: {m.Status}, {m.Attempts} attempts"));
        }
    }

    /// <summary>A transport that takes a moment per message (so the senders overlap) and records which mail it was.</summary>
    private sealed class Recording(System.Collections.Concurrent.ConcurrentQueue<Guid> sent) : IMailTransport
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken);
            sent.Enqueue(Guid.ParseExact(message.MessageId!.Split('@')[0], "N"));
        }
    }
}
