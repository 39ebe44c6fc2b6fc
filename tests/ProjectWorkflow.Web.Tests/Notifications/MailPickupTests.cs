using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ProjectWorkflow.Application.Notifications;
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
}
