using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>An extension the rules or the department refuse: the build period stays as it was.</summary>
public sealed class ExtensionRefusedTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly LifecycleWalk _walk = new(app);

    [Fact]
    public async Task ExtensionRefused_ByTheDepartment_ThenAskedTooLate_ByTheRules()
    {
        var applicant = await _walk.ClientAsync("enterprise1");
        var approver = await _walk.ClientAsync("approver1");
        var (id, instance) = await _walk.ApprovedGreenParkAsync(applicant, "Boiler economiser", "310101198202020022");
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        var noContract = await PostAsync(applicant, $"/api/applications/{id}/change-requests", new { kind = "extension", extensionMonths = 6, reason = "x" });
        await ProblemAssert.IsProblemAsync(noContract, HttpStatusCode.Conflict);   // not building yet
        await LifecycleWalk.SignAsync(applicant, id);
        await _walk.PayNextInstallmentAsync(id, number);
        var endsOn = (await ApplicationAsync(applicant, id)).GetProperty("project").GetProperty("buildEndsOn").GetString();

        // The department refuses a well-formed request: the reason is recorded and the schedule does not move.
        var asked = await (await PostAsync(applicant, $"/api/applications/{id}/change-requests", new { kind = "extension", extensionMonths = 12, reason = "We want more time." })).Content.ReadFromJsonAsync<JsonElement>();
        await ProblemAssert.IsProblemAsync(await PostAsync(approver, $"/api/applications/{id}/change-requests/{asked.GetProperty("id")}/decision", new { approved = false }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await PostAsync(applicant, $"/api/applications/{id}/change-requests/{asked.GetProperty("id")}/decision", new { approved = true, reason = "self-approval" }), HttpStatusCode.Forbidden);
        await OkAsync(approver, $"/api/applications/{id}/change-requests/{asked.GetProperty("id")}/decision", new { approved = false, reason = "No cause beyond the enterprise's control is shown." });
        var project = await LifecycleWalk.ProjectAsync(applicant, id);
        Assert.Equal("refused", project.GetProperty("changeRequests")[0].GetProperty("status").GetString());
        Assert.Equal("No cause beyond the enterprise's control is shown.", project.GetProperty("changeRequests")[0].GetProperty("decisionReason").GetString());
        Assert.Equal(endsOn, project.GetProperty("state").GetProperty("buildEndsOn").GetString());
        Assert.Equal(0, project.GetProperty("state").GetProperty("extensionsGranted").GetInt32());

        // Less than three months before the end of the build period, an extension can no longer be asked.
        var end = DateOnly.Parse(endsOn!);
        await _walk.MoveClockToAsync(new DateTimeOffset(end.AddMonths(-3).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).AddHours(10));
        var late = await PostAsync(applicant, $"/api/applications/{id}/change-requests", new { kind = "extension", extensionMonths = 6, reason = "Still late." });
        var problem = await ProblemAssert.IsProblemAsync(late, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ExtensionAskedTooLate", problem.GetProperty("rule").GetString());
        Assert.Contains(end.AddMonths(-3).ToString("yyyy-MM-dd"), problem.GetProperty("messageEn").GetString());
        Assert.Contains("延期申请", problem.GetProperty("messageZh").GetString());
        Assert.Equal("building", await LifecycleWalk.StatusAsync(applicant, id));
        Assert.Single(await TasksAsync(applicant, "candidate", instance), t => t.GetProperty("elementId").GetString() == "requestAcceptance");
    }
}

/// <summary>
/// Acceptance that fails — refused by the department, or requested after the window — recovers the funds and
/// bars the enterprise and the project leader. One story with two projects: the sanction ends the enterprise's applying.
/// </summary>
public sealed class AcceptanceFailedTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly LifecycleWalk _walk = new(app);

    [Fact]
    public async Task AcceptanceFailed_OrRequestedTooLate_RecoversTheFunds_AndSanctionsTheEnterpriseAndLeader()
    {
        var applicant = await _walk.ClientAsync("enterprise1");
        var approver = await _walk.ClientAsync("approver1");
        var admin = await _walk.ClientAsync("admin1");
        var (failed, failedInstance) = await _walk.ApprovedGreenParkAsync(applicant, "Waste heat boiler", "310101198303030033");
        var (overrun, overrunInstance) = await _walk.ApprovedGreenParkAsync(applicant, "Rooftop solar", "310101198404040044");
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        foreach (var id in new[] { failed, overrun })
        {
            await LifecycleWalk.SignAsync(applicant, id);
            await _walk.PayNextInstallmentAsync(id, (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!);
        }

        // The first is finished but does not match the agreement: acceptance fails with the department's grounds.
        await app.AdvanceAsync(TimeSpan.FromDays(600));
        var audit = await LifecycleWalk.AttachAuditReportAsync(applicant, failed);
        await OkAsync(applicant, $"/api/applications/{failed}/acceptance", new { equipmentFen = 300_000_000L, summary = "Boiler installed.", auditReportId = audit });
        await ProblemAssert.IsProblemAsync(await PostAsync(approver, $"/api/applications/{failed}/acceptance/review", new { outcome = "maybe", reason = "?" }), HttpStatusCode.BadRequest);
        await OkAsync(approver, $"/api/applications/{failed}/acceptance/review", new { outcome = "fail", reason = "The boiler on site is a second-hand unit, not the one invoiced." });
        var recovered = await ApplicationAsync(applicant, failed);
        Assert.Equal("recovered", recovered.GetProperty("status").GetString());
        Assert.Contains("second-hand", recovered.GetProperty("project").GetProperty("recoveryReason").GetString());
        Assert.Contains(await JournalAsync(admin, failedInstance), j => j.GetProperty("elementId").GetString() == "openRecovery" && j.GetProperty("event").GetString() == "left");

        // The second lets the window pass: a request a day too late is refused by the rule, and the deadline recovers it.
        var due = (await ApplicationAsync(applicant, overrun)).GetProperty("project").GetProperty("acceptanceDueAt").GetDateTimeOffset();
        app.Clock.Advance(due - app.Clock.GetUtcNow() + TimeSpan.FromHours(2));   // the clock passes the deadline before the timer is swept
        var lateAudit = await LifecycleWalk.AttachAuditReportAsync(applicant, overrun);
        var late = await PostAsync(applicant, $"/api/applications/{overrun}/acceptance", new { equipmentFen = 300_000_000L, summary = "Panels installed.", auditReportId = lateAudit });
        var problem = await ProblemAssert.IsProblemAsync(late, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("AcceptanceOutsideWindow", problem.GetProperty("rule").GetString());
        Assert.Contains("验收申请", problem.GetProperty("messageZh").GetString());
        await app.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal("recovered", await LifecycleWalk.StatusAsync(applicant, overrun));
        Assert.Contains(await JournalAsync(admin, overrunInstance), j => j.GetProperty("elementId").GetString() == "toOverrun");

        // Both the enterprise and each leader are barred for three years.
        var sanctions = await SanctionsAsync(failed);
        Assert.Equal(["enterprise", "leader"], sanctions.Select(s => s.SubjectKind).Order());
        Assert.All(sanctions, s => Assert.Equal(s.From.AddYears(3), s.Until));
        var again = await SubmitReadyAsync(applicant, "green-park", Project("A new project after the recovery"));
        var barred = await ProblemAssert.IsProblemAsync(await SubmitAsync(applicant, again.GetProperty("id").GetGuid()), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("EnterpriseUnderSanction", barred.GetProperty("rule").GetString());
    }

    private async Task<List<CreditSanction>> SanctionsAsync(Guid application)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Set<CreditSanction>().AsNoTracking()
            .Where(s => s.ApplicationId == application).ToListAsync();
    }
}

/// <summary>The department orders a recovery: refused before anything is paid; after, the project ends recovered and its enterprise and leader are barred.</summary>
public sealed class RecoveryTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly LifecycleWalk _walk = new(app);

    [Fact]
    public async Task Recovery_AfterPayment_InterruptsTheProject_AndTheSanctionRefusesNewApplications()
    {
        var applicant = await _walk.ClientAsync("enterprise1");
        var approver = await _walk.ClientAsync("approver1");
        var admin = await _walk.ClientAsync("admin1");
        const string leader = "310101198505050066";
        var (id, instance) = await _walk.ApprovedGreenParkAsync(applicant, "Claimed coal savings", leader);
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        await LifecycleWalk.SignAsync(applicant, id);

        var early = await PostAsync(approver, $"/api/applications/{id}/recovery", new { reason = "Invoices look forged." });
        var nothingPaid = await ProblemAssert.IsProblemAsync(early, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("NothingPaidToRecover", nothingPaid.GetProperty("rule").GetString());
        Assert.Contains("尚未拨付", nothingPaid.GetProperty("messageZh").GetString());

        Assert.Equal(45_000_000L, await _walk.PayNextInstallmentAsync(id, number));
        await app.AdvanceAsync(TimeSpan.FromDays(100));   // a progress report is open when the recovery comes
        Assert.Contains(await TasksAsync(applicant, "candidate", instance), t => t.GetProperty("elementId").GetString() == "progressReport");

        await ProblemAssert.IsProblemAsync(await PostAsync(applicant, $"/api/applications/{id}/recovery", new { reason = "x" }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await PostAsync(approver, $"/api/applications/{id}/recovery", new { reason = " " }), HttpStatusCode.BadRequest);
        await OkAsync(approver, $"/api/applications/{id}/recovery", new { reason = "The energy audit was falsified (district inspection 2026-05)." });

        var recovered = await ApplicationAsync(applicant, id);
        Assert.Equal("recovered", recovered.GetProperty("status").GetString());
        Assert.Empty(await TasksAsync(applicant, "all", instance));
        var journal = await JournalAsync(admin, instance);
        Assert.Contains(journal, j => j.GetProperty("elementId").GetString() == "recoveryOrdered" && j.GetProperty("event").GetString() == "messageReceived" && j.GetProperty("actor").GetString() == "approver1");
        Assert.Contains(journal, j => j.GetProperty("elementId").GetString() == "openRecovery" && j.GetProperty("event").GetString() == "left");
        Assert.Equal("completed", (await InstanceAsync(admin, instance)).GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await PostAsync(approver, $"/api/applications/{id}/recovery", new { reason = "again" }), HttpStatusCode.Conflict);

        // The enterprise is barred from applying, and so is the project leader, for the rule set's three years.
        var again = await SubmitReadyAsync(applicant, "smart-factory", Project("Another workshop", leader: "310101199001010077"));
        var barred = await ProblemAssert.IsProblemAsync(await SubmitAsync(applicant, again.GetProperty("id").GetGuid()), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("EnterpriseUnderSanction", barred.GetProperty("rule").GetString());
        Assert.Contains("falsified", barred.GetProperty("messageEn").GetString());
        await using var scope = app.Services.CreateAsyncScope();
        var leaderBar = await scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Set<CreditSanction>().AsNoTracking()
            .SingleAsync(s => s.Subject == leader);
        Assert.Equal("leader", leaderBar.SubjectKind);
        Assert.Equal(leaderBar.From.AddYears(3), leaderBar.Until);
    }
}

/// <summary>A recovery ordered while the final installment waits for finance: the order is withdrawn, never paid.</summary>
public sealed class RecoveryWithAPendingInstallmentTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly LifecycleWalk _walk = new(app);

    [Fact]
    public async Task Recovery_CancelsTheInstallmentWaitingForApproval_AndClaimsBackOnlyWhatWasPaid()
    {
        var applicant = await _walk.ClientAsync("enterprise1");
        var approver = await _walk.ClientAsync("approver1");
        var finance = await _walk.ClientAsync("finance1");
        var (id, _) = await _walk.ApprovedGreenParkAsync(applicant, "Waste heat recovery", "310101198707070088");
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        await LifecycleWalk.SignAsync(applicant, id);
        Assert.Equal(45_000_000L, await _walk.PayNextInstallmentAsync(id, number));

        // Finished and accepted in full: the final ¥450,000 waits for a finance officer's approval.
        await app.AdvanceAsync(TimeSpan.FromDays(60));
        var audit = await LifecycleWalk.AttachAuditReportAsync(applicant, id);
        await OkAsync(applicant, $"/api/applications/{id}/acceptance", new { equipmentFen = 300_000_000L, summary = "In service.", auditReportId = audit });
        await OkAsync(approver, $"/api/applications/{id}/acceptance/review", new { outcome = "pass", reason = "As agreed." });
        var final = await Eventually.WaitForAsync(async () => (await finance.GetFromJsonAsync<JsonElement[]>($"/api/ledger/payment-orders?applicationId={id}"))!
            .Where(o => o.GetProperty("installmentNumber").GetInt32() == 2).Select(o => (object)o).FirstOrDefault(), "the final installment's order");
        var finalId = ((JsonElement)final).GetProperty("id").GetGuid();

        // Before finance approves it, the department learns the savings were claimed twice and orders the recovery.
        await OkAsync(approver, $"/api/applications/{id}/recovery", new { reason = "Savings also claimed under another scheme." });
        var cancelled = await finance.GetFromJsonAsync<JsonElement>($"/api/ledger/payment-orders/{finalId}");
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Contains("claimed under another scheme", cancelled.GetProperty("cancelReason").GetString());
        Assert.DoesNotContain((await finance.GetFromJsonAsync<JsonElement[]>("/api/ledger/views/payments-due"))!, o => o.GetProperty("id").GetGuid() == finalId);
        await ProblemAssert.IsProblemAsync(await PostAsync(finance, $"/api/ledger/payment-orders/{finalId}/approve"), HttpStatusCode.Conflict);
        // The finance desk says the same in words (a page, not an error) when a stale tab presses its button.
        using var desk = await app.CreateSignedInClientAsync("finance1");
        var (tokenName, token) = PortalApp.AntiforgeryTokenOf(await desk.GetStringAsync("/finance"));
        var pressed = await desk.PostAsync($"/finance/payment-orders/{finalId}/approve", new FormUrlEncodedContent(new Dictionary<string, string> { [tokenName] = token }));
        Assert.Equal(HttpStatusCode.Conflict, pressed.StatusCode);
        Assert.Equal("text/html", pressed.Content.Headers.ContentType?.MediaType);
        var page = await pressed.Content.ReadAsStringAsync();
        Assert.True(page.Contains("role=\"alert\">This payment order is cancelled because the project ended (Savings also claimed under another scheme."), page);

        // Only what left the treasury is claimed back; the rest of the reservation is back in the budget.
        var claim = Assert.Single((await finance.GetFromJsonAsync<JsonElement[]>("/api/ledger/recoveries"))!, r => r.GetProperty("applicationNumber").GetString() == number);
        Assert.Equal(45_000_000L, claim.GetProperty("amountFen").GetInt64());
    }
}

/// <summary>An administrator terminates a funded project's process: the project ends terminated and its unpaid reservation returns to the budget.</summary>
public sealed class TerminationTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly LifecycleWalk _walk = new(app);

    [Fact]
    public async Task TerminatingTheProcess_EndsTheProject_AndReleasesWhatWasNotPaid()
    {
        var applicant = await _walk.ClientAsync("enterprise1");
        var admin = await _walk.ClientAsync("admin1");
        var (id, instance) = await _walk.ApprovedGreenParkAsync(applicant, "Rooftop solar", "310101198808080099");
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        await LifecycleWalk.SignAsync(applicant, id);
        Assert.Equal(45_000_000L, await _walk.PayNextInstallmentAsync(id, number));
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/ledger/budgets/green-park/2026");

        await OkAsync(admin, $"/api/instances/{instance}/terminate", new { reason = "The park operator was dissolved." });

        Assert.Equal("terminated", await LifecycleWalk.StatusAsync(applicant, id));
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/ledger/budgets/green-park/2026");
        Assert.Equal(before.GetProperty("reservedFen").GetInt64() - 45_000_000L, after.GetProperty("reservedFen").GetInt64());   // the unpaid second half
        Assert.Equal(before.GetProperty("availableFen").GetInt64() + 45_000_000L, after.GetProperty("availableFen").GetInt64());
        Assert.Equal(before.GetProperty("paidFen").GetInt64(), after.GetProperty("paidFen").GetInt64());   // what was paid stays paid until a recovery
        var reconciled = await (await PostAsync(admin, "/api/ledger/reconciliations")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(reconciled.GetProperty("clean").GetBoolean(), reconciled.ToString());
    }
}
