using System.Net;
using ProjectWorkflow.Application.Enterprises;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Workflows.Reminders;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>The steps after approval, taken the same way in every story: agreement, payments, acceptance.</summary>
internal sealed class LifecycleWalk(FundingApp app)
{
    private readonly ReviewWalk _review = new(app);
    private readonly UserClients _clients = new(app);

    /// <summary>A signed-in client, made once (see <see cref="UserClients"/>): make the clients before moving time.</summary>
    public Task<HttpClient> ClientAsync(string user) => _clients.ForAsync(user);

    /// <summary>A green-park project (year-round intake) reviewed and approved: ¥900,000 for 2,000 tce saved on a ¥3,000,000 investment.</summary>
    public async Task<(Guid Application, Guid Instance)> ApprovedGreenParkAsync(HttpClient applicant, string name, string leader)
    {
        var project = new
        {
            projectName = name, site = "Lingang", description = "Heat pumps replace the gas boilers.", projectLeaderName = "Sun Qi",
            projectLeaderIdentity = leader, inProjectPool = false, equipmentFen = 300_000_000L, energyBeforeTce = 3_000m, energyAfterTce = 1_000m,
            outputFen = 50_000_000_000L, valueAddedFen = 10_000_000_000L, robots = 4,
        };
        var (id, instance) = await _review.SubmitAsync(applicant, "green-park", project);
        await _review.DistrictAsync(instance, new { districtOutcome = "recommend" });
        await _review.PanelAsync(id, instance, ReviewWalk.GreenScores(70, 72, 74, 72, 72));
        await _review.ApproverAsync(instance, "siteCheck", new { siteOutcome = "pass" });
        await _review.ApproverAsync(instance, "jointReview", new { jointOutcome = "approve" });
        return (id, instance);
    }

    public static async Task SignAsync(HttpClient applicant, Guid application) =>
        await OkAsync(applicant, $"/api/applications/{application}/agreement", new { payeeName = DemoEnterpriseSeed.Name, payeeAccount = "6222 0210 0100 1234 567" });

    /// <summary>
    /// The finance officer approves the payment order the process made for the next installment, and the simulated
    /// bank pays it; returns its amount in fen once the order is paid.
    /// </summary>
    public async Task<long> PayNextInstallmentAsync(Guid application, string number)
    {
        var finance = await ClientAsync("finance1");
        var order = await Eventually.WaitForAsync(async () => (await finance.GetFromJsonAsync<JsonElement[]>($"/api/ledger/payment-orders?applicationId={application}"))!
            .Where(o => o.GetProperty("status").GetString() == "awaiting-approval").Select(o => (object)o).FirstOrDefault(), $"a payment order of {number}");
        var id = ((JsonElement)order).GetProperty("id").GetGuid();
        await OkAsync(finance, $"/api/ledger/payment-orders/{id}/approve");
        var paid = await Eventually.WaitForAsync(async () =>
        {
            var current = await finance.GetFromJsonAsync<JsonElement>($"/api/ledger/payment-orders/{id}");
            return current.GetProperty("status").GetString() == "paid" ? (object)current : null;
        }, $"the bank to pay {number}'s installment");
        // Booking the payment ends the called process, and its caller moves on in the same transaction.
        return ((JsonElement)paid).GetProperty("amountFen").GetInt64();
    }

    public static async Task<Guid> AttachAuditReportAsync(HttpClient applicant, Guid application)
    {
        var response = await AttachAsync(applicant, application, "audit-report", "audit.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Runs the reminder and overdue checks now, as their recurring jobs would.</summary>
    public async Task RunTaskChecksAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SendTaskReminders>().RunAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<FlagOverdueTasks>().RunAsync(CancellationToken.None);
    }

    public Task MoveClockToAsync(DateTimeOffset at) => app.AdvanceAsync(at - app.Clock.GetUtcNow());

    /// <summary>
    /// Moves the clock past the end of the approved project's public notice, as the process computed it (working days,
    /// so a holiday lengthens it), and waits until the notice has ended. Stories sharing one app move its clock
    /// in any order, so a fixed number of days could land in a holiday.
    /// </summary>
    public async Task PassNoticeAsync(HttpClient applicant, Guid application, Guid instance)
    {
        var admin = await ClientAsync("admin1");
        var endsAt = (await InstanceAsync(admin, instance)).GetProperty("variables").GetProperty("noticeEndsAt").GetDateTimeOffset();
        if (endsAt > app.Clock.GetUtcNow()) await MoveClockToAsync(endsAt.AddHours(2));
        await Eventually.WaitUntilAsync(async () => await StatusAsync(applicant, application) != "in-public-notice", "the public notice to end");
    }

    public static async Task<JsonElement> ProjectAsync(HttpClient client, Guid application) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/applications/{application}/project");

    public static async Task<string> StatusAsync(HttpClient client, Guid application) =>
        (await ApplicationAsync(client, application)).GetProperty("status").GetString()!;
}
