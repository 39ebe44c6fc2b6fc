using System.Net;
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
    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>
    /// A signed-in client, made once: tokens are issued on the story's clock and checked on the machine's, so a
    /// token issued after the story moved years ahead would not be valid yet. Make the clients before moving time.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string user) =>
        _clients.TryGetValue(user, out var client) ? client : _clients[user] = await app.CreateClientForAsync(user);

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
        await _review.PanelAsync(id, instance, ReviewWalk.GreenScores(70, 72, 74));
        await _review.ApproverAsync(instance, "siteCheck", new { siteOutcome = "pass" });
        await _review.ApproverAsync(instance, "jointReview", new { jointOutcome = "approve" });
        return (id, instance);
    }

    public static async Task SignAsync(HttpClient applicant, Guid application) =>
        await OkAsync(applicant, $"/api/applications/{application}/agreement", new { payeeName = "Shanghai Demo Manufacturing Co., Ltd.", payeeAccount = "6222 0210 0100 1234 567" });

    /// <summary>
    /// The finance officer releases the installment the process has ordered; returns its amount in fen. Through
    /// the ledger's payment orders once the ledger is merged, else through the stand-in's releaseInstallment task.
    /// </summary>
    public async Task<long> PayNextInstallmentAsync(Guid application, string number)
    {
        var finance = await ClientAsync("finance1");
        var admin = await ClientAsync("admin1");
        var ledger = await finance.GetAsync("/api/ledger/payment-orders");
        if (ledger.StatusCode == HttpStatusCode.OK)
        {
            var order = await Eventually.WaitForAsync(async () =>
                (await finance.GetFromJsonAsync<JsonElement[]>("/api/ledger/payment-orders"))!
                    .Where(o => o.GetProperty("applicationId").GetGuid() == application && o.GetProperty("status").GetString() is not ("paid" or "confirmed"))
                    .Select(o => (JsonElement?)o).FirstOrDefault() is { } found ? (object)found : null, $"a payment order for {number}");
            var orderElement = (JsonElement)order;
            await OkAsync(finance, $"/api/ledger/payment-orders/{orderElement.GetProperty("id")}/approve");
            var amount = orderElement.GetProperty("amountFen").GetInt64();
            await Eventually.WaitUntilAsync(async () => (await finance.GetFromJsonAsync<JsonElement[]>("/api/ledger/payment-orders"))!
                .Any(o => o.GetProperty("id").GetGuid() == orderElement.GetProperty("id").GetGuid() && o.GetProperty("status").GetString() is "paid" or "confirmed"), $"the payment of {number}");
            return amount;
        }

        var tasks = (await finance.GetFromJsonAsync<JsonElement[]>("/api/tasks?scope=candidate"))!
            .Where(t => t.GetProperty("businessKey").GetString() == number && t.GetProperty("elementId").GetString() == "releaseInstallment").ToList();
        if (tasks.Count != 1)
        {
            var instance = (await ApplicationAsync(admin, application)).GetProperty("instanceId").GetGuid();
            Assert.Fail($"{tasks.Count} installments wait for finance; the process: {await admin.GetStringAsync($"/api/instances/{instance}")}");
        }
        var task = tasks[0];
        var child = task.GetProperty("instanceId").GetGuid();
        var due = (await InstanceAsync(admin, child)).GetProperty("variables").GetProperty("installmentAmountFen").GetInt64();
        await OkAsync(finance, $"/api/tasks/{task.GetProperty("id")}/complete");
        return due;
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

    public static async Task<JsonElement> ProjectAsync(HttpClient client, Guid application) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/applications/{application}/project");

    public static async Task<string> StatusAsync(HttpClient client, Guid application) =>
        (await ApplicationAsync(client, application)).GetProperty("status").GetString()!;
}
