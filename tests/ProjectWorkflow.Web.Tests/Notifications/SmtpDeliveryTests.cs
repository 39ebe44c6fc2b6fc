using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Notifications.NotificationApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Notifications;

/// <summary>The app configured with an SMTP server (a sink on 127.0.0.1 that keeps what it receives).</summary>
public sealed class PortalAppWithSmtp : PortalApp
{
    public SmtpSink Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:UseTls"] = "false",
            ["Notifications:Smtp:From"] = "上海市经信委专项资金 <noreply@funding.example.gov>",
            ["Notifications:PortalUrl"] = "https://funding.example.gov/",
        }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}

public sealed class SmtpDeliveryTests(PortalAppWithSmtp app) : IClassFixture<PortalAppWithSmtp>
{
    [Fact]
    public async Task WithSmtpConfigured_TheReviewerGetsTheNewTaskByMail_FromTheConfiguredSender()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var id = await StartAsync(admin, "general-approval", new { applicant = "enterprise1" }, "APP-2026-0042");

        await OkAsync(applicant, $"/api/tasks/{await OnlyTaskAsync(applicant, "mine", id, "prepare")}/complete");

        var (recipients, message) = await EventuallyAsync(
            () => Task.FromResult(app.Smtp.Received.FirstOrDefault(m => m.Message.Subject == "新的待办：District review — APP-2026-0042")),
            m => m.Message is not null,
            "the reviewer's mail at the SMTP server");
        Assert.Equal(["reviewer1@demo.projectworkflow.local"], recipients);
        Assert.Equal("reviewer1@demo.projectworkflow.local", Assert.Single(message.To.Mailboxes).Address);
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("上海市经信委专项资金", "noreply@funding.example.gov"), (from.Name, from.Address));
        Assert.StartsWith("新的待办：District review — APP-2026-0042", message.TextBody);
        Assert.Contains($"https://funding.example.gov/api/tasks?instanceId={id}", message.TextBody);

        var rows = await EventuallyAsync(() => MailForAsync(app, id), r => r.Count == 3 && r.TrueForAll(m => m.Status == QueuedMailStatuses.Sent), "every mail marked sent");
        Assert.All(rows, mail => Assert.Equal(1, mail.Attempts));
    }
}
