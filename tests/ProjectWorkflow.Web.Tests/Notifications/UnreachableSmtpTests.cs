using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using ProjectWorkflow.Application.Notifications;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Notifications.NotificationApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Notifications;

/// <summary>The app configured with an SMTP server that is not there: a port on 127.0.0.1 nobody listens on.</summary>
public sealed class PortalAppWithUnreachableSmtp : PortalApp
{
    public int SmtpPort { get; } = ClosedPort();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:UseTls"] = "false",
            ["Notifications:Smtp:TimeoutSeconds"] = "5",
        }));
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed class UnreachableSmtpTests(PortalAppWithUnreachableSmtp app) : IClassFixture<PortalAppWithUnreachableSmtp>
{
    [Fact]
    public async Task AFailingSmtpServer_DoesNotFailTheCommand_AndTheMailStaysQueuedWithItsError()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var id = await StartAsync(admin, "general-approval", new { applicant = "enterprise1" }, "APP-2026-SMTP");

        await OkAsync(applicant, $"/api/tasks/{await OnlyTaskAsync(applicant, "mine", id, "prepare")}/complete");

        Assert.Single(await AboutAsync(reviewer, id, "taskAssigned"));
        var rows = await EventuallyAsync(() => MailForAsync(app, id), r => r.Count == 3 && r.TrueForAll(m => m.Attempts >= 1), "the three mails (applicant, starter, reviewer) tried once");
        Assert.All(rows, mail =>
        {
            Assert.Equal(QueuedMailStatuses.Queued, mail.Status);
            Assert.Null(mail.SentAt);
            Assert.False(string.IsNullOrWhiteSpace(mail.LastError));
            Assert.True(mail.NextAttemptAt > mail.CreatedAt, "a retry is scheduled for later");
        });
        Assert.Contains(rows, m => m.ToAddress == "reviewer1@demo.projectworkflow.local" && m.Subject == "新的待办：District review — APP-2026-SMTP");
    }
}
