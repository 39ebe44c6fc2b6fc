using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Web.Tests.Notifications;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>
/// enterprise1 applies and invites a colleague, who accepts: the colleague then acts for the enterprise on every step
/// its process asks of it — answers the return for supplement, signs the agreement, files the quarterly report — and
/// each step records the colleague as the one who acted; enterprise1 still acts too (it requests acceptance). A user of
/// another enterprise sees none of these steps and is refused every one with 403.
/// </summary>
public sealed partial class ColleagueStoryTests(FundingApp app) : IClassFixture<FundingApp>
{
    private readonly LifecycleWalk _walk = new(app);
    private readonly ReviewWalk _review = new(app);

    [Fact]
    public async Task AnInvitedColleague_AnswersTheSupplement_SignsTheAgreement_AndFilesTheReport_WhileAnotherEnterpriseIsRefused()
    {
        var admin = await _walk.ClientAsync("admin1");
        var applicant = await _walk.ClientAsync("enterprise1");
        var colleagueName = await PersonAsync(admin, "colleague1", "enterprise");
        var rivalName = await PersonAsync(admin, "rival1", "enterprise");
        var colleague = await _walk.ClientAsync(colleagueName);
        var rival = await _walk.ClientAsync(rivalName);
        var registered = await rival.PostAsJsonAsync("/api/enterprises", new { uscc = NewUscc(), name = "Rival Tooling Co.", address = "Jiading" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        await InviteAndAcceptAsync("enterprise1", colleagueName);

        // enterprise1 applies; the district returns the file for supplement.
        var (id, instance) = await _review.SubmitAsync(applicant, "green-park", GreenProject("Kiln waste heat recovery"));
        await _review.DistrictAsync(instance, new { districtOutcome = "return", supplementDays = 5, returnReason = "Attach the energy audit report." });

        // The supplement is offered to everyone acting for the enterprise, not to the other enterprise.
        var supplement = await OnlyTaskAsync(colleague, "candidate", instance, "supplement");
        Assert.Equal(supplement, await OnlyTaskAsync(applicant, "candidate", instance, "supplement"));
        Assert.Empty(await TasksAsync(rival, "all", instance));
        // Each member hears of it: among the colleague's notifications, and by e-mail to the members with an address.
        Assert.Contains(await NotificationApi.AboutAsync(colleague, instance, "taskAssigned"), n => n.GetProperty("group").GetString() == $"enterprise:{DemoEnterpriseId()}");
        Assert.Contains(await NotificationApi.MailForAsync(app, instance), m => m.ToAddress == "enterprise1@demo.projectworkflow.local"
            && m.Subject.StartsWith("新的待办", StringComparison.Ordinal) && m.Subject.Contains("Supplement the file", StringComparison.Ordinal));
        Assert.Empty(await NotificationApi.AboutAsync(rival, instance));
        await ProblemAssert.IsProblemAsync(await PostAsync(rival, $"/api/tasks/{supplement}/complete", new { variables = new { supplementNote = "not ours" } }), HttpStatusCode.Forbidden);
        await OkAsync(colleague, $"/api/tasks/{supplement}/complete", new { variables = new { supplementNote = "Energy audit report attached." } });
        Assert.Equal("under-review", (await ApplicationAsync(applicant, id)).GetProperty("status").GetString());
        await AssertActedAsync(admin, instance, "supplement", colleagueName, "workflow.task.complete");

        // Reviewed and approved; the colleague signs the agreement, the other enterprise may not.
        await _review.DistrictAsync(instance, new { districtOutcome = "recommend" });
        await _review.PanelAsync(id, instance, ReviewWalk.GreenScores(70, 72, 74, 72, 72));
        await _review.ApproverAsync(instance, "siteCheck", new { siteOutcome = "pass" });
        await _review.ApproverAsync(instance, "jointReview", new { jointOutcome = "approve" });
        await app.AdvanceAsync(TimeSpan.FromDays(8));
        var agreement = await OnlyTaskAsync(colleague, "candidate", instance, "signAgreement");
        var payee = new { payeeName = DemoEnterpriseSeed.Name, payeeAccount = "6222 0210 0100 1234 567" };
        await ProblemAssert.IsProblemAsync(await PostAsync(rival, $"/api/applications/{id}/agreement", payee), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await PostAsync(rival, $"/api/tasks/{agreement}/complete", new { variables = new { payeeName = "Rival Tooling Co." } }), HttpStatusCode.Forbidden);
        await OkAsync(colleague, $"/api/applications/{id}/agreement", payee);
        await AssertActedAsync(admin, instance, "signAgreement", colleagueName, "workflow.sign-agreement");
        var number = (await ApplicationAsync(applicant, id)).GetProperty("number").GetString()!;
        await _walk.PayNextInstallmentAsync(id, number);

        // A quarter into building the progress report falls due: the colleague files it, the other enterprise cannot.
        await app.AdvanceAsync(TimeSpan.FromDays(100));
        var report = (await TasksAsync(colleague, "candidate", instance)).First(t => t.GetProperty("elementId").GetString() == "progressReport").GetProperty("id").GetGuid();
        var quarter = new { investedSoFarFen = 120_000_000L, percentComplete = 40, summary = "Heat exchangers installed." };
        await ProblemAssert.IsProblemAsync(await PostAsync(rival, $"/api/applications/{id}/progress-reports", quarter), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await PostAsync(rival, $"/api/tasks/{report}/complete"), HttpStatusCode.Forbidden);
        await OkAsync(colleague, $"/api/applications/{id}/progress-reports", quarter);
        var filed = (await LifecycleWalk.ProjectAsync(applicant, id)).GetProperty("progressReports").EnumerateArray().First();
        Assert.Equal(colleagueName, filed.GetProperty("submittedBy").GetString());
        await AssertActedAsync(admin, instance, "progressReport", colleagueName, "workflow.submit-progress-report");

        // The applicant who submitted still acts for the enterprise: it requests acceptance.
        var audit = await LifecycleWalk.AttachAuditReportAsync(applicant, id);
        await OkAsync(applicant, $"/api/applications/{id}/acceptance", new { equipmentFen = 300_000_000L, summary = "Built as agreed.", auditReportId = audit });
        Assert.Equal("acceptance-requested", await LifecycleWalk.StatusAsync(applicant, id));
        Assert.Contains(await JournalAsync(admin, instance), j => j.GetProperty("elementId").GetString() == "requestAcceptance"
            && j.GetProperty("event").GetString() == "completed" && j.GetProperty("actor").GetString() == "enterprise1");
    }

    /// <summary>The step's completion names the person who acted, in the journal and in the audit entry of the command.</summary>
    private static async Task AssertActedAsync(HttpClient admin, Guid instance, string step, string who, string action)
    {
        Assert.Contains(await JournalAsync(admin, instance), j => j.GetProperty("elementId").GetString() == step
            && j.GetProperty("event").GetString() == "completed" && j.GetProperty("actor").GetString() == who);
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?objectId={instance}&action={action}&take=50");
        Assert.Contains(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("actor").GetString() == who);
    }

    /// <summary>The inviter invites on "My enterprise" and the colleague accepts on theirs, as the portal's buttons post.</summary>
    private async Task InviteAndAcceptAsync(string inviter, string invitee)
    {
        using var portal = await app.CreateSignedInClientAsync(inviter);
        var invited = await PortalApp.PostFormAsync(portal, "/portal/enterprise", "/portal/enterprise/invitations", new() { ["userName"] = invitee });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        using var theirs = await app.CreateSignedInClientAsync(invitee);
        var page = WebUtility.HtmlDecode(await theirs.GetStringAsync("/portal/enterprise"));
        var accept = AcceptAction().Match(page);
        Assert.True(accept.Success, "the colleague's page offers the invitation");
        var accepted = await PortalApp.PostFormAsync(theirs, "/portal/enterprise", accept.Value, []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    private Guid DemoEnterpriseId()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>().Set<Enterprise>().AsNoTracking().Single(e => e.Uscc == DemoEnterpriseSeed.Uscc).Id;
    }

    private static object GreenProject(string name) => new
    {
        projectName = name, site = "Lingang", description = "Recovers waste heat from the kilns.", projectLeaderName = "Zhou Min",
        projectLeaderIdentity = "310101198606060088", inProjectPool = false, equipmentFen = 300_000_000L, energyBeforeTce = 3_000m, energyAfterTce = 1_000m,
        outputFen = 50_000_000_000L, valueAddedFen = 10_000_000_000L, robots = 4,
    };

    private static string NewUscc()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var first = "9131" + new string(Enumerable.Range(0, 13).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
        return first + ProjectWorkflow.Funding.Enterprises.Uscc.CheckCharacter(first);
    }

    [GeneratedRegex("/portal/enterprise/invitations/[0-9a-f-]{36}/accept")]
    private static partial Regex AcceptAction();
}
