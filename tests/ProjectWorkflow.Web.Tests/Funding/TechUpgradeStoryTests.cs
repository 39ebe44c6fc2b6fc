using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>
/// A tech-upgrade application from the enterprise's draft to the closed project, with the demo users, on a
/// clock that starts inside the 2026 window: review, approval, agreement, two installments, quarterly reports,
/// an extension, acceptance with a shortfall, evaluation. Amounts are checked to the fen.
/// </summary>
public sealed class TechUpgradeStoryTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly LifecycleWalk _lifecycle = new(app);

    [Fact]
    public async Task FromDraftToClosure()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var admin = await app.CreateClientForAsync("admin1");

        // The clerk starts a draft; autosave keeps what was typed, and a stale tab cannot overwrite it.
        var created = await applicant.PostAsJsonAsync("/api/applications", new { schemeKey = "tech-upgrade" });
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetGuid();
        Assert.Matches("^TU-2026-\\d{4}$", draft.GetProperty("number").GetString());
        var partial = await (await applicant.PutAsJsonAsync($"/api/applications/{id}", new { projectName = "Line 3 retrofit", revision = 0 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, partial.GetProperty("revision").GetInt64());
        await ProblemAssert.IsProblemAsync(await applicant.PutAsJsonAsync($"/api/applications/{id}", new { site = "stale tab", revision = 0 }), HttpStatusCode.Conflict);
        var full = await (await applicant.PutAsJsonAsync($"/api/applications/{id}", Project("Line 3 retrofit"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(10_123_456_789L, full.GetProperty("investment").GetProperty("totalFen").GetInt64());
        Assert.Equal(36, full.GetProperty("indicators").GetProperty("robots").GetInt32());
        await EnterPoolAsync(app, full);

        // Submitting without the feasibility report is refused with what is missing; with it, the process starts.
        var incomplete = await SubmitAsync(applicant, id);
        Assert.Contains((await ProblemAssert.IsProblemAsync(incomplete, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("field").GetString() == "attachments");
        Assert.Equal(HttpStatusCode.Created, (await AttachAsync(applicant, id, "feasibility-report", "feasibility.pdf", Pdf)).StatusCode);
        var submitted = await (await SubmitAsync(applicant, id)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("under-review", submitted.GetProperty("status").GetString());
        Assert.Equal("District review 区级初审", submitted.GetProperty("stage").GetString());
        var instance = submitted.GetProperty("instanceId").GetGuid();
        var number = submitted.GetProperty("number").GetString()!;

        // District review recommends it.
        var review = await OnlyTaskAsync(reviewer, "candidate", instance, "districtReview");
        await OkAsync(reviewer, $"/api/tasks/{review}/claim");
        await OkAsync(reviewer, $"/api/tasks/{review}/complete", new { variables = new { districtOutcome = "recommend" } });

        // Seven experts (4 technical + 3 financial): each declares before the file opens to them, then scores the rubric.
        var totals = new Dictionary<string, int> { ["expert1"] = 80, ["expert2"] = 90, ["expert3"] = 70, ["expert4"] = 85, ["expert5"] = 60, ["expert6"] = 75, ["expert7"] = 65 };
        foreach (var (expert, total) in totals)
        {
            using var client = await app.CreateClientForAsync(expert);
            await OnlyTaskAsync(client, "mine", instance, "expertReview");
            await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/applications/{id}"), HttpStatusCode.Forbidden);
            await OkAsync(client, $"/api/applications/{id}/panel/declaration", new
            {
                workedForOrAdvisedApplicant = false, legalDisputeWithApplicant = false, draftedTheCall = false, controlOrInvestmentTies = false, closeRelativeInvolved = false,
            });
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/applications/{id}")).StatusCode);
            var over = await PostAsync(client, $"/api/applications/{id}/panel/scores", new { points = new { technology = 41, economics = 30, management = 30 } });
            await ProblemAssert.IsProblemAsync(over, HttpStatusCode.BadRequest);
            await OkAsync(client, $"/api/applications/{id}/panel/scores", new { points = new { technology = total * 0.4m, economics = total * 0.3m, management = total * 0.3m } });
        }
        var panel = await InstanceAsync(admin, instance);
        Assert.Equal(75m, panel.GetProperty("variables").GetProperty("panelScore").GetDecimal());   // (65 + 70 + 75 + 80 + 85) / 5, highest and lowest dropped

        // Site check passes; the amount is min(10% × eligible investment, 1亿 cap, budget left), to the fen.
        var site = await OnlyTaskAsync(approver, "candidate", instance, "siteCheck");
        await OkAsync(approver, $"/api/tasks/{site}/complete", new { variables = new { siteOutcome = "pass" } });
        var calculated = await ApplicationAsync(applicant, id);
        Assert.Equal(1_012_345_678L, calculated.GetProperty("approvedAmountFen").GetInt64());
        var joint = await OnlyTaskAsync(approver, "candidate", instance, "jointReview");
        await OkAsync(approver, $"/api/tasks/{joint}/complete", new { variables = new { jointOutcome = "approve" } });

        // Public notice: 5 working days from Monday 26 January ends with Monday 2 February.
        var inNotice = await ApplicationAsync(applicant, id);
        Assert.Equal("in-public-notice", inNotice.GetProperty("status").GetString());
        var noticeEndsAt = (await InstanceAsync(admin, instance)).GetProperty("variables").GetProperty("noticeEndsAt").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.FromHours(8)), noticeEndsAt);
        var anonymous = await PostAsync(reviewer, $"/api/applications/{id}/objections", new { content = "anonymous tip", signed = false });
        Assert.Equal("ObjectionNotSigned", (await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());

        await app.AdvanceAsync(TimeSpan.FromDays(4));
        Assert.Equal("in-public-notice", (await ApplicationAsync(applicant, id)).GetProperty("status").GetString());
        await app.AdvanceAsync(TimeSpan.FromDays(4));

        var approved = await ApplicationAsync(applicant, id);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(1_012_345_678L, approved.GetProperty("approvedAmountFen").GetInt64());
        var journal = await JournalAsync(admin, instance);
        Assert.Contains(journal, j => j.GetProperty("elementId").GetString() == "noticePeriod" && j.GetProperty("event").GetString() == "timerFired");
        Assert.Contains(journal, j => j.GetProperty("elementId").GetString() == "reserveBudget" && j.GetProperty("event").GetString() == "left");

        // The applicant signs the agreement and names the account; an account that is not one is refused.
        var agreement = await OnlyTaskAsync(applicant, "candidate", instance, "signAgreement");
        await ProblemAssert.IsProblemAsync(await PostAsync(applicant, $"/api/applications/{id}/agreement", new { payeeName = "Demo Co.", payeeAccount = "12-34" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await PostAsync(reviewer, $"/api/applications/{id}/agreement", new { payeeName = "Demo Co.", payeeAccount = "6222021001001234567" }), HttpStatusCode.Forbidden);
        await LifecycleWalk.SignAsync(applicant, id);
        Assert.NotEqual(Guid.Empty, agreement);
        Assert.Equal(DemoEnterpriseSeed.Name, (await ApplicationAsync(applicant, id)).GetProperty("project").GetProperty("payeeName").GetString());
        Assert.Equal("6222021001001234567", await PayeeAccountAsync(id));

        // Nothing is paid yet, so there is nothing to recover.
        var early = await PostAsync(approver, $"/api/applications/{id}/recovery", new { reason = "too early" });
        Assert.Equal("NothingPaidToRecover", (await ProblemAssert.IsProblemAsync(early, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());

        // Finance pays the first installment, 50% of the approved amount; building starts for 24 months.
        Assert.Equal(506_172_839L, await _lifecycle.PayNextInstallmentAsync(id, number));
        var building = (await ApplicationAsync(applicant, id)).GetProperty("project");
        Assert.Equal("building", await LifecycleWalk.StatusAsync(applicant, id));
        Assert.Equal("2026-02-03", building.GetProperty("buildStartedOn").GetString());
        var paidLine = (await applicant.GetFromJsonAsync<JsonElement>($"/api/applications/{id}/timeline")).GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("event").GetString() == "installment-paid");
        Assert.Equal("Installment 1 of ¥5,061,728.39 paid on 2026-02-03.", paidLine.GetProperty("textEn").GetString());
        Assert.Equal("第 1 笔资金 ¥5,061,728.39 已于 2026-02-03 拨付。", paidLine.GetProperty("textZh").GetString());
        Assert.Equal("2028-02-03", building.GetProperty("buildEndsOn").GetString());
        Assert.Equal(new DateTimeOffset(2028, 4, 4, 0, 0, 0, TimeSpan.FromHours(8)), building.GetProperty("acceptanceDueAt").GetDateTimeOffset());

        // A progress report is due every quarter, within 15 days; none is due before.
        await ProblemAssert.IsProblemAsync(await PostAsync(applicant, $"/api/applications/{id}/progress-reports", Report(5)), HttpStatusCode.Conflict);
        await app.AdvanceAsync(TimeSpan.FromDays(92));
        await OnlyProgressReportAsync(applicant, instance);
        await ProblemAssert.IsProblemAsync(await PostAsync(applicant, $"/api/applications/{id}/progress-reports", new { percentComplete = 120 }), HttpStatusCode.BadRequest);
        await OkAsync(applicant, $"/api/applications/{id}/progress-reports", Report(15));

        // The next one is forgotten: the reminder goes out, the task is flagged overdue, the late report is marked late.
        await app.AdvanceAsync(TimeSpan.FromDays(92));
        await app.AdvanceAsync(TimeSpan.FromDays(16));
        await _lifecycle.RunTaskChecksAsync();
        var overdue = await OnlyProgressReportAsync(applicant, instance);
        Assert.NotEqual(JsonValueKind.Null, overdue.GetProperty("overdueSince").ValueKind);
        var inbox = await applicant.GetFromJsonAsync<JsonElement>("/api/notifications");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "reminded" && n.GetProperty("businessKey").GetString() == number);
        await OkAsync(applicant, $"/api/applications/{id}/progress-reports", Report(30));
        var reports = (await LifecycleWalk.ProjectAsync(applicant, id)).GetProperty("progressReports").EnumerateArray().ToList();
        Assert.Equal([false, true], reports.Select(r => r.GetProperty("late").GetBoolean()));

        // An extension: 13 months is refused by the rules, 6 months is approved and moves the build end and the acceptance window.
        var tooLong = await PostAsync(applicant, $"/api/applications/{id}/change-requests", new { kind = "extension", extensionMonths = 13, reason = "Equipment delivery slipped." });
        var tooLongProblem = await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ExtensionTooLong", tooLongProblem.GetProperty("rule").GetString());
        Assert.Contains("12", tooLongProblem.GetProperty("messageZh").GetString());
        var asked = await (await PostAsync(applicant, $"/api/applications/{id}/change-requests", new { kind = "extension", extensionMonths = 6, reason = "Equipment delivery slipped." })).Content.ReadFromJsonAsync<JsonElement>();
        var change = asked.GetProperty("id").GetGuid();
        await OnlyTaskAsync(approver, "candidate", instance, "reviewChange");
        await OkAsync(approver, $"/api/applications/{id}/change-requests/{change}/decision", new { approved = true, reason = "The supplier's delay is documented." });
        var extended = (await ApplicationAsync(applicant, id)).GetProperty("project");
        Assert.Equal("2028-08-03", extended.GetProperty("buildEndsOn").GetString());
        Assert.Equal(1, extended.GetProperty("extensionsGranted").GetInt32());
        var again = await PostAsync(applicant, $"/api/applications/{id}/change-requests", new { kind = "extension", extensionMonths = 1, reason = "More delay." });
        Assert.Equal("ExtensionAlreadyUsed", (await ProblemAssert.IsProblemAsync(again, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());

        // The original acceptance deadline passes: the project keeps building, because it was extended.
        await _lifecycle.MoveClockToAsync(new DateTimeOffset(2028, 8, 10, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal("building", await LifecycleWalk.StatusAsync(applicant, id));
        Assert.Contains(await JournalAsync(admin, instance), j => j.GetProperty("elementId").GetString() == "extended");

        // Acceptance: the audit report is required; the actual investment, ¥90,000,000 of the approved ¥101,234,567.89, cuts the subsidy pro rata.
        var acceptance = new { equipmentFen = 5_000_000_000L, softwareFen = 1_500_000_000L, constructionFen = 2_000_000_000L, otherFen = 500_000_000L, summary = "Line 3 runs with servo presses and the MES." };
        await ProblemAssert.IsProblemAsync(await PostAsync(applicant, $"/api/applications/{id}/acceptance", acceptance), HttpStatusCode.BadRequest);
        var negative = await ProblemAssert.IsProblemAsync(await PostAsync(applicant, $"/api/applications/{id}/acceptance", acceptance with { otherFen = -1L }), HttpStatusCode.BadRequest);
        Assert.Contains(negative.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "actualInvestment"
            && e.GetProperty("message").GetString() == "The other investment cannot be negative." && e.GetProperty("messageZh").GetString() == "“其他”类投资不能为负数。");
        var audit = await LifecycleWalk.AttachAuditReportAsync(applicant, id);
        await OkAsync(applicant, $"/api/applications/{id}/acceptance", new { acceptance.equipmentFen, acceptance.softwareFen, acceptance.constructionFen, acceptance.otherFen, acceptance.summary, auditReportId = audit });
        Assert.Equal("acceptance-requested", await LifecycleWalk.StatusAsync(applicant, id));
        Assert.DoesNotContain(await TasksAsync(applicant, "candidate", instance), t => t.GetProperty("elementId").GetString() == "progressReport");
        await OkAsync(approver, $"/api/applications/{id}/acceptance/review", new { outcome = "pass", reason = "Site, content and equipment match the agreement; investment short by ¥11,234,567.89." });

        // 1,012,345,678 × 9,000,000,000 / 10,123,456,789 = 899,999,999 fen; the final installment is what is left after the first.
        var accepted = await ApplicationAsync(applicant, id);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(899_999_999L, accepted.GetProperty("project").GetProperty("acceptedAmountFen").GetInt64());
        Assert.Equal(393_827_160L, await _lifecycle.PayNextInstallmentAsync(id, number));

        // The performance evaluation against the plan indicators closes the project.
        await OnlyTaskAsync(approver, "candidate", instance, "evaluation");
        var evaluated = await (await PostAsync(approver, $"/api/applications/{id}/evaluation",
            new { energySavedTce = 2_500m, outputFen = 80_000_000_000L, valueAddedFen = 16_000_000_000L, robots = 36, comment = "Value added below plan." })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(95m, evaluated.GetProperty("score").GetDecimal());   // (100 + 100 + 80 + 100) / 4
        Assert.Equal("excellent", evaluated.GetProperty("grade").GetString());
        var closed = await ApplicationAsync(applicant, id);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("completed", (await InstanceAsync(admin, instance)).GetProperty("status").GetString());

        // The project's figures roll up to the plan: what the scheme-year funded, promised and delivered.
        var results = await admin.GetFromJsonAsync<JsonElement>("/api/schemes/tech-upgrade/results/2026");
        Assert.Equal(1, results.GetProperty("closed").GetInt32());
        Assert.Equal(1, results.GetProperty("evaluated").GetInt32());
        Assert.Equal(2_500m, results.GetProperty("plannedByEvaluated").GetProperty("energySavedTce").GetDecimal());   // 12,000 − 9,500 tce
        Assert.Equal(20_000_000_000L, results.GetProperty("plannedByEvaluated").GetProperty("valueAddedFen").GetInt64());
        Assert.Equal(16_000_000_000L, results.GetProperty("delivered").GetProperty("valueAddedFen").GetInt64());
        Assert.Equal(10_123_456_789L, results.GetProperty("plannedByEvaluated").GetProperty("investmentFen").GetInt64());
        Assert.Equal(9_000_000_000L, results.GetProperty("delivered").GetProperty("investmentFen").GetInt64());   // as the acceptance found it
        Assert.Equal(2_500m, results.GetProperty("delivered").GetProperty("energySavedTce").GetDecimal());
        Assert.Equal(36, results.GetProperty("delivered").GetProperty("robots").GetInt32());
        await ProblemAssert.IsProblemAsync(await applicant.GetAsync("/api/schemes/tech-upgrade/results/2026"), HttpStatusCode.Forbidden);

        // The journal shows every decision with its actor.
        var decisions = (await JournalAsync(admin, instance)).Where(j => j.GetProperty("event").GetString() == "completed").ToList();
        Assert.Contains(decisions, j => j.GetProperty("elementId").GetString() == "signAgreement" && j.GetProperty("actor").GetString() == "enterprise1");
        Assert.Contains(decisions, j => j.GetProperty("elementId").GetString() == "reviewChange" && j.GetProperty("actor").GetString() == "approver1");
        Assert.Contains(decisions, j => j.GetProperty("elementId").GetString() == "acceptanceReview" && j.GetProperty("actor").GetString() == "approver1");
        Assert.Contains(decisions, j => j.GetProperty("elementId").GetString() == "evaluation" && j.GetProperty("actor").GetString() == "approver1");
        Assert.Contains(await JournalAsync(admin, instance), j => j.GetProperty("elementId").GetString() == "releaseBudget" && j.GetProperty("event").GetString() == "left");
    }

    private static object Report(int percent) => new { investedSoFarFen = percent * 100_000_000L, percentComplete = percent, summary = $"{percent}% of the works done." };

    private static async Task<JsonElement> OnlyProgressReportAsync(HttpClient applicant, Guid instance) =>
        Assert.Single(await TasksAsync(applicant, "candidate", instance), t => t.GetProperty("elementId").GetString() == "progressReport");

    private async Task<string?> PayeeAccountAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        return (await db.Set<FundingApplication>().FindAsync(id))!.PayeeAccount;
    }
}
