using ProjectWorkflow.Funding.Ledger;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Web.Tests.Messaging;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Ledger;

/// <summary>
/// The ledger cannot be made to lie: concurrent approvals never over-commit a budget, reconciliation finds an
/// entry changed by hand, budgets are never set below what they bind, and recovered money comes back as the rules say.
/// Runs on SQLite, and on PostgreSQL with PW_TEST_DB_PROVIDER=postgresql.
/// </summary>
[Collection(LedgerAppCollection.Name)]
public sealed class LedgerInvariantTests(LedgerApp app)
{
    private const string ReserveProcess = "ledger-test-reserve";

    [Fact]
    public async Task ManyConcurrentApprovals_AgainstOneBudget_NeverOverCommitIt()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        const int year = 2031;
        const long each = 1_000_000_00L;
        await SetBudgetAsync(admin, year, 5 * each);
        await LedgerStory.DeployAsync(admin, LedgerStory.ApproveThen(ReserveProcess, "budget.reserve"));
        var projects = new List<(Guid Instance, Guid Application)>();
        for (var i = 0; i < 12; i++)
        {
            var project = await LedgerStory.ApprovedProjectAsync(app, each, year: year);
            projects.Add((await StartAsync(admin, ReserveProcess, new { applicationId = project.Id.ToString() }, project.Number), project.Id));
        }
        var tasks = new List<Guid>();
        foreach (var (instance, _) in projects) tasks.Add(await OnlyTaskAsync(approver, "candidate", instance, "approveProject"));

        var conflicts = 0;
        await Task.WhenAll(tasks.Select(async task =>
        {
            for (var attempt = 0; ; attempt++)
            {
                var response = await PostAsync(approver, $"/api/tasks/{task}/complete", new { variables = new { } });
                if (response.StatusCode == HttpStatusCode.OK) return;
                Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"complete answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                Interlocked.Increment(ref conflicts);
                Assert.True(attempt < 50, "a lost race is retried, not retried for ever");
            }
        }));

        var budget = await BudgetAsync(admin, year);
        Assert.Equal(0L, budget.GetProperty("availableFen").GetInt64());
        Assert.Equal(5 * each, budget.GetProperty("reservedFen").GetInt64());
        var reserved = await app.QueryAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.Kind == "reserve" && projects.Select(p => (Guid?)p.Application).Contains(e.ApplicationId)));
        Assert.Equal(5, reserved);
        var faulted = 0;
        foreach (var (instance, _) in projects)
        {
            var state = await InstanceAsync(admin, instance);
            if (state.GetProperty("status").GetString() == "completed") continue;
            faulted++;
            Assert.Contains("budget", Assert.Single(state.GetProperty("incidents").EnumerateArray()).GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(7, faulted);
        var report = await ReconcileAsync(admin);
        Assert.DoesNotContain(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("budgetId").ValueKind == JsonValueKind.Number
            && f.GetProperty("budgetId").GetInt64() == budget.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Reconciliation_FindsAnEntryChangedByHand()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        const int year = 2032;
        await SetBudgetAsync(admin, year, 10_000_000_00L);
        await LedgerStory.DeployAsync(admin, LedgerStory.ApproveThen(ReserveProcess, "budget.reserve"));
        var project = await LedgerStory.ApprovedProjectAsync(app, 3_000_000_00L, year: year);
        var instance = await StartAsync(admin, ReserveProcess, new { applicationId = project.Id.ToString() }, project.Number);
        await OkAsync(approver, $"/api/tasks/{await OnlyTaskAsync(approver, "candidate", instance, "approveProject")}/complete", new { variables = new { } });
        var entry = await app.QueryAsync(db => db.Set<LedgerEntry>().Include(e => e.Postings).SingleAsync(e => e.ApplicationId == project.Id));

        // Someone with database access books 100 fen more as reserved for the project.
        var reservedLine = entry.Postings.Single(p => p.Account == "Reserved");
        await app.QueryAsync(db => db.Set<LedgerEntryPosting>().Where(p => p.Id == reservedLine.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AmountFen, p => p.AmountFen + 100)));
        try
        {
            var report = await ReconcileAsync(admin);

            Assert.False(report.GetProperty("clean").GetBoolean());
            var findings = report.GetProperty("findings").EnumerateArray().ToList();
            Assert.Contains(findings, f => f.GetProperty("kind").GetString() == "unbalanced-entry" && f.GetProperty("entryId").GetInt64() == entry.Id);
            Assert.Contains(findings, f => f.GetProperty("kind").GetString() == "altered-entry" && f.GetProperty("entryId").GetInt64() == entry.Id);
            Assert.Contains(findings, f => f.GetProperty("kind").GetString() == "balance-mismatch" && f.GetProperty("budgetId").GetInt64() == entry.BudgetId);

            // A cleverer hand keeps the entry balanced and edits the cached balances to match: the checksum still tells.
            var otherLine = entry.Postings.Single(p => p.Account == "Available");
            await app.QueryAsync(db => db.Set<LedgerEntryPosting>().Where(p => p.Id == otherLine.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AmountFen, p => p.AmountFen - 100)));
            await app.QueryAsync(db => db.Set<Budget>().Where(b => b.Id == entry.BudgetId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ReservedFen, b => b.ReservedFen + 100).SetProperty(b => b.AvailableFen, b => b.AvailableFen - 100)));
            var second = (await ReconcileAsync(admin)).GetProperty("findings").EnumerateArray().ToList();
            Assert.Contains(second, f => f.GetProperty("kind").GetString() == "altered-entry" && f.GetProperty("entryId").GetInt64() == entry.Id);
            Assert.DoesNotContain(second, f => f.GetProperty("kind").GetString() == "unbalanced-entry" && f.GetProperty("entryId").GetInt64() == entry.Id);
        }
        finally
        {
            await app.QueryAsync(async db =>
            {
                await db.Set<LedgerEntryPosting>().Where(p => p.Id == reservedLine.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.AmountFen, reservedLine.AmountFen));
                await db.Set<LedgerEntryPosting>().Where(p => p.EntryId == entry.Id && p.Account == "Available").ExecuteUpdateAsync(s => s.SetProperty(p => p.AmountFen, -reservedLine.AmountFen));
                return await db.Set<Budget>().Where(b => b.Id == entry.BudgetId)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.ReservedFen, reservedLine.AmountFen).SetProperty(b => b.AvailableFen, 10_000_000_00L - reservedLine.AmountFen));
            });
        }
    }

    [Fact]
    public async Task ABudget_IsRaisedWithAReason_AndNeverSetBelowWhatItBinds()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        const int year = 2033;
        await SetBudgetAsync(admin, year, 4_000_000_00L);
        await LedgerStory.DeployAsync(admin, LedgerStory.ApproveThen(ReserveProcess, "budget.reserve"));
        var project = await LedgerStory.ApprovedProjectAsync(app, 3_000_000_00L, year: year);
        var instance = await StartAsync(admin, ReserveProcess, new { applicationId = project.Id.ToString() }, project.Number);
        await OkAsync(approver, $"/api/tasks/{await OnlyTaskAsync(approver, "candidate", instance, "approveProject")}/complete", new { variables = new { } });

        var lower = await admin.PutAsJsonAsync($"/api/ledger/budgets/tech-upgrade/{year}", new { amountFen = 2_000_000_00L, reason = "cut" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lower.StatusCode);
        Assert.Equal("BudgetBelowCommitted", (await lower.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        var noReason = await PostAsync(admin, $"/api/ledger/budgets/tech-upgrade/{year}/raise", new { byFen = 100L });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(finance, $"/api/ledger/budgets/tech-upgrade/{year}/raise", new { byFen = 100L, reason = "x" })).StatusCode);

        var raised = await PostAsync(admin, $"/api/ledger/budgets/tech-upgrade/{year}/raise", new { byFen = 1_000_000_00L, reason = "沪财预〔2033〕12号 supplementary appropriation" });
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        var budget = await raised.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5_000_000_00L, budget.GetProperty("allocatedFen").GetInt64());
        Assert.Equal(2_000_000_00L, budget.GetProperty("availableFen").GetInt64());
        var lowered = await admin.PutAsJsonAsync($"/api/ledger/budgets/tech-upgrade/{year}", new { amountFen = 3_000_000_00L, reason = "mid-year adjustment" });
        Assert.Equal(HttpStatusCode.OK, lowered.StatusCode);
        Assert.Equal(0L, (await lowered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("availableFen").GetInt64());

        var workbook = await finance.GetAsync("/api/ledger/exports/budgets.xlsx");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => Equals(r["Scheme 专项"], "tech-upgrade") && Convert.ToInt32(r["Year 年度"]) == year
            && Convert.ToInt64(r["Reserved (fen) 已预留"]) == 3_000_000_00L);
    }

    [Fact]
    public async Task ATerminatedProject_OwesWhatWasPaid_AndTheMoneyReturnsToTheBudgetWhenReceived()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, 2_000_000_00L);
        var parent = await LedgerStory.StartAsync(admin, approver, project);
        var orderId = (await LedgerStory.OnlyOrderAsync(finance, project.Id)).GetProperty("id").GetGuid();
        var key = (await (await LedgerStory.ApproveAsync(finance, orderId)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentKey").GetString()!;
        await app.AnswerAsync(new PaymentConfirmed(key, project.Number, 1_000_000_00L, "BANK-REF-T", DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => (await InstanceAsync(admin, parent)).GetProperty("status").GetString() == "completed", "the first installment to be paid");
        var before = await BudgetAsync(admin, 2026);

        await app.QueryAsync(db => db.Set<FundingApplication>().Where(a => a.Id == project.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Terminated)));
        await LedgerStory.DeployAsync(admin, LedgerStory.ApproveThen("ledger-test-recovery", "recovery.open"));
        var recoveryProcess = await StartAsync(admin, "ledger-test-recovery", new { applicationId = project.Id.ToString() }, project.Number);
        await OkAsync(approver, $"/api/tasks/{await OnlyTaskAsync(approver, "candidate", recoveryProcess, "approveProject")}/complete", new { variables = new { } });

        var recoveries = await finance.GetFromJsonAsync<JsonElement[]>("/api/ledger/recoveries");
        var recovery = Assert.Single(recoveries!, r => r.GetProperty("applicationId").GetGuid() == project.Id);
        Assert.Equal(1_000_000_00L, recovery.GetProperty("amountFen").GetInt64());
        var opened = await BudgetAsync(admin, 2026);
        Assert.Equal(before.GetProperty("availableFen").GetInt64() + 1_000_000_00L, opened.GetProperty("availableFen").GetInt64()); // the unpaid half released
        Assert.Equal(before.GetProperty("recoveryDueFen").GetInt64() + 1_000_000_00L, opened.GetProperty("recoveryDueFen").GetInt64());

        var received = await PostAsync(finance, $"/api/ledger/recoveries/{recovery.GetProperty("id").GetGuid()}/received");
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        Assert.Equal("budget", (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("returnedTo").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(finance, $"/api/ledger/recoveries/{recovery.GetProperty("id").GetGuid()}/received")).StatusCode);
        var after = await BudgetAsync(admin, 2026);
        Assert.Equal(opened.GetProperty("availableFen").GetInt64() + 1_000_000_00L, after.GetProperty("availableFen").GetInt64());
        Assert.Equal(before.GetProperty("recoveryDueFen").GetInt64(), after.GetProperty("recoveryDueFen").GetInt64());
    }

    [Fact]
    public async Task AWrongBooking_IsCorrectedByAReversingEntry_NeverByEditingIt()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        using var auditor = await app.CreateClientForAsync("auditor1");
        const int year = 2034;
        await SetBudgetAsync(admin, year, 9_000_000_00L);
        await LedgerStory.DeployAsync(admin, LedgerStory.ApproveThen(ReserveProcess, "budget.reserve"));
        var project = await LedgerStory.ApprovedProjectAsync(app, 4_000_000_00L, year: year);
        var instance = await StartAsync(admin, ReserveProcess, new { applicationId = project.Id.ToString() }, project.Number);
        await OkAsync(approver, $"/api/tasks/{await OnlyTaskAsync(approver, "candidate", instance, "approveProject")}/complete", new { variables = new { } });
        var entry = Assert.Single((await auditor.GetFromJsonAsync<JsonElement[]>($"/api/ledger/entries?applicationId={project.Id}"))!);
        var entryId = entry.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(auditor, $"/api/ledger/entries/{entryId}/reverse", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(finance, $"/api/ledger/entries/{entryId}/reverse", new { })).StatusCode);
        var reversed = await PostAsync(finance, $"/api/ledger/entries/{entryId}/reverse", new { reason = "booked against the wrong year" });
        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(finance, $"/api/ledger/entries/{entryId}/reverse", new { reason = "again" })).StatusCode);

        var entries = (await auditor.GetFromJsonAsync<JsonElement[]>($"/api/ledger/entries?applicationId={project.Id}"))!;
        Assert.Equal(2, entries.Length);
        Assert.Equal(entryId, entries[0].GetProperty("reversesEntryId").GetInt64());
        Assert.Equal(entry.GetProperty("postings").GetRawText(), entries[1].GetProperty("postings").GetRawText()); // the original is untouched
        var budget = await BudgetAsync(admin, year);
        Assert.Equal(0L, budget.GetProperty("reservedFen").GetInt64());
        Assert.Equal(9_000_000_00L, budget.GetProperty("availableFen").GetInt64());
    }

    private static async Task SetBudgetAsync(HttpClient admin, int year, long amountFen)
    {
        var response = await admin.PutAsJsonAsync($"/api/ledger/budgets/tech-upgrade/{year}", new { amountFen, reason = "test appropriation" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> BudgetAsync(HttpClient client, int year) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/ledger/budgets/tech-upgrade/{year}");

    private static async Task<JsonElement> ReconcileAsync(HttpClient admin)
    {
        var response = await PostAsync(admin, "/api/ledger/reconciliations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
