using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Web.Tests.Fixtures;
using ProjectWorkflow.Web.Tests.Funding;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>
/// 代理 (NameDeputy and the tasks that arrive meanwhile) and 离职转办 (HandOverTasks) over HTTP, with fresh people so no
/// other story's inbox changes: the deputy sees and completes what arrives for the absent colleague; a leaving
/// reviewer's tasks move at once; a deputy or successor outside the fund, or one who acts for the applicant, is refused.
/// </summary>
[Collection(FundingAppCollection.Name)]
public sealed class DeputyTests(FundingApp app)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..24];

    private static string Process(string key, string task) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <process id="{key}" isExecutable="true">
            <startEvent id="start" />
            {task}
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <sequenceFlow id="f2" sourceRef="review" targetRef="end" />
          </process>
        </definitions>
        """;

    private static async Task<Guid> StartWithTaskAsync(HttpClient admin, string task)
    {
        var key = $"deputy-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(admin, Process(key, task))).StatusCode);
        return await StartAsync(admin, key);
    }

    private static async Task<JsonElement[]> EventsAsync(HttpClient admin, Guid id, string @event) =>
        (await JournalAsync(admin, id)).Where(j => j.GetProperty("event").GetString() == @event).ToArray();

    [Fact]
    public async Task NameDeputy_TheDeputySeesAndCompletesWhatArrivesForTheAbsentColleague_BothSeeIt()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var away = await PersonAsync(admin, Unique("away"), "district-reviewer");
        var deputy = await PersonAsync(admin, Unique("deputy"), "district-reviewer");
        using var absent = await app.CreateClientForAsync(away);
        using var standIn = await app.CreateClientForAsync(deputy);

        var named = await absent.PostAsJsonAsync("/api/me/deputies", new { deputy, until = app.Clock.GetUtcNow().AddDays(7), reason = "annual leave" });
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        var mine = await standIn.GetFromJsonAsync<JsonElement>("/api/me/deputies");
        Assert.Equal(away, Assert.Single(mine.GetProperty("standingInFor").EnumerateArray()).GetProperty("userName").GetString());

        var id = await StartWithTaskAsync(admin, $"""<userTask id="review" camunda:assignee="{away}" />""");

        Assert.Single(await TasksAsync(absent, "mine", id));
        var task = await OnlyTaskAsync(standIn, "mine", id, "review");
        await OkAsync(standIn, $"/api/tasks/{task}/complete", new { variables = new { outcome = "done by the deputy" } });
        Assert.Equal("completed", (await InstanceAsync(admin, id)).GetProperty("status").GetString());
        Assert.Equal($"{deputy} for {away}", (await EventsAsync(admin, id, "deputyAdded"))[0].GetProperty("detail").GetString()!.Split(" (")[0]);

        // Back early: what arrives now stays with the colleague alone.
        var deputyshipId = (await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await absent.DeleteAsync($"/api/me/deputies/{deputyshipId}")).StatusCode);
        var later = await StartWithTaskAsync(admin, $"""<userTask id="review" camunda:assignee="{away}" />""");
        Assert.Empty(await TasksAsync(standIn, "mine", later));
    }

    [Fact]
    public async Task NameDeputy_IsRefused_ForSomeoneOutsideTheFund_OrToAnExpert()
    {
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        using var expert = await app.CreateClientForAsync("expert1");

        var outsider = await ProblemAssert.IsProblemAsync(
            await reviewer.PostAsJsonAsync("/api/me/deputies", new { deputy = "enterprise1", until = app.Clock.GetUtcNow().AddDays(3) }), HttpStatusCode.BadRequest);
        Assert.Equal("deputy", outsider.GetProperty("errors")[0].GetProperty("field").GetString());
        await ProblemAssert.IsProblemAsync(
            await expert.PostAsJsonAsync("/api/me/deputies", new { deputy = "expert4", until = app.Clock.GetUtcNow().AddDays(3) }), HttpStatusCode.Forbidden);
        var backwards = await ProblemAssert.IsProblemAsync(
            await reviewer.PostAsJsonAsync("/api/me/deputies", new { deputy = "approver1", until = app.Clock.GetUtcNow().AddDays(-1) }), HttpStatusCode.BadRequest);
        Assert.Equal("until", backwards.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task HandOverTasks_MovesEveryOpenTaskOfTheLeavingUser_InOneAct()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var leaver = await PersonAsync(admin, Unique("leaver"), "district-reviewer");
        var successor = await PersonAsync(admin, Unique("successor"), "district-reviewer");
        var assigned = await StartWithTaskAsync(admin, $"""<userTask id="review" camunda:assignee="{leaver}" />""");
        var offered = await StartWithTaskAsync(admin, $"""<userTask id="review" camunda:candidateUsers="{leaver},reviewer1" />""");

        using var stranger = await app.CreateClientForAsync("reviewer1");
        await ProblemAssert.IsProblemAsync(await PostAsync(stranger, $"/api/users/{leaver}/hand-over-tasks", new { toUser = successor, reason = "x" }), HttpStatusCode.Forbidden);
        var response = await PostAsync(admin, $"/api/users/{leaver}/hand-over-tasks", new { toUser = successor, reason = "left the district office" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("moved").GetInt32());
        using var next = await app.CreateClientForAsync(successor);
        Assert.Single(await TasksAsync(next, "mine", assigned));
        Assert.Single(await TasksAsync(next, "candidate", offered));
        Assert.Equal("admin1", Assert.Single(await EventsAsync(admin, assigned, "handedOver")).GetProperty("actor").GetString());
    }

    [Fact]
    public async Task HandOverTasks_IsRefused_WhenTheSuccessorActsForTheApplicant_WithTheRoleConflictRule()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var admin = await app.CreateClientForAsync("admin1");
        var walk = new ReviewWalk(app);
        var (applicationId, instance) = await walk.SubmitAsync(applicant, "green-park", Project(Unique("Handover check")));
        var leaver = await PersonAsync(admin, Unique("leaver"), "district-reviewer");
        var insider = await PersonAsync(admin, Unique("insider"), "district-reviewer");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            var enterpriseId = (await ApplicationAsync(applicant, applicationId)).GetProperty("enterpriseId").GetGuid();
            (await db.Set<Enterprise>().Include(e => e.Members).SingleAsync(e => e.Id == enterpriseId)).AddMember(insider);
            await db.SaveChangesAsync();
        }
        using var leaving = await app.CreateClientForAsync(leaver);
        await OkAsync(leaving, $"/api/tasks/{await OnlyTaskAsync(leaving, "candidate", instance, "districtReview")}/claim");

        var refused = await PostAsync(admin, $"/api/users/{leaver}/hand-over-tasks", new { toUser = insider, reason = "left" });

        Assert.Equal("RoleConflict", (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString());
        Assert.Single(await TasksAsync(leaving, "mine", instance));
        Assert.Empty(await EventsAsync(admin, instance, "handedOver"));
    }

    [Fact]
    public async Task ATaskOnAProjectTheDeputyActsForTheApplicantIn_StaysWithTheColleagueAlone_TheJournalSaysWhy()
    {
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var admin = await app.CreateClientForAsync("admin1");
        var (applicationId, _) = await new ReviewWalk(app).SubmitAsync(applicant, "green-park", Project(Unique("Deputy check")));
        var number = (await ApplicationAsync(applicant, applicationId)).GetProperty("number").GetString()!;
        var away = await PersonAsync(admin, Unique("approver-away"), "dept-approver");
        var insider = await PersonAsync(admin, Unique("approver-in"), "dept-approver");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
            var enterpriseId = (await ApplicationAsync(applicant, applicationId)).GetProperty("enterpriseId").GetGuid();
            (await db.Set<Enterprise>().Include(e => e.Members).SingleAsync(e => e.Id == enterpriseId)).AddMember(insider);
            await db.SaveChangesAsync();
        }
        using var absent = await app.CreateClientForAsync(away);
        Assert.Equal(HttpStatusCode.Created, (await absent.PostAsJsonAsync("/api/me/deputies", new { deputy = insider, until = app.Clock.GetUtcNow().AddDays(2) })).StatusCode);

        var key = $"deputy-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(admin, Process(key, $"""<userTask id="review" camunda:assignee="{away}" camunda:candidateGroups="dept-approver" />"""))).StatusCode);
        var id = await StartAsync(admin, key, businessKey: number);

        using var deputy = await app.CreateClientForAsync(insider);
        Assert.Empty(await TasksAsync(deputy, "mine", id));
        Assert.Single(await TasksAsync(absent, "mine", id));
        Assert.StartsWith($"{insider} for {away}: RoleConflict", Assert.Single(await EventsAsync(admin, id, "deputyNotShared")).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ThePortalPage_NamesADeputyForAFewDays_AndEndsIt_AndRefusesAnApplicantAsDeputy()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var away = await PersonAsync(admin, Unique("page-away"), "dept-approver");
        var deputy = await PersonAsync(admin, Unique("page-deputy"), "dept-approver");
        using var portal = await app.CreateSignedInClientAsync(away);
        var until = app.Clock.GetUtcNow().AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var refused = await PortalApp.PostFormAsync(portal, "/portal/deputies/", "/portal/deputies/", new() { ["deputy"] = "enterprise1", ["until"] = until });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var named = await PortalApp.PostFormAsync(portal, "/portal/deputies/", "/portal/deputies/", new() { ["deputy"] = deputy, ["until"] = until, ["reason"] = "site visits" });
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        var page = WebUtility.HtmlDecode(await portal.GetStringAsync(named.Headers.Location!.OriginalString));
        Assert.Contains(deputy, page);

        using var api = await app.CreateClientForAsync(away);
        var id = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/me/deputies")).GetProperty("named").EnumerateArray()).GetProperty("id").GetGuid();
        var ended = await PortalApp.PostFormAsync(portal, "/portal/deputies/", $"/portal/deputies/{id}/end", []);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/me/deputies")).GetProperty("named").EnumerateArray());
    }
}
