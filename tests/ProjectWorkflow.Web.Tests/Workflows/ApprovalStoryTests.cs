using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>
/// The general approval process (workflows/general-approval.bpmn) as its people live it:
/// an applicant prepares, a district reviewer recommends, a department approver decides.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class ApprovalStoryTests(PortalApp app)
{
    [Fact]
    public async Task AFileGoesFromApplicantToApproval_AndTheJournalNamesEveryone()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        using var approver = await app.CreateClientForAsync("approver1");
        var id = await StartAsync(admin, "general-approval", new { applicant = "enterprise1", amount = 1_200_000 }, "APP-2026-0001");

        var prepare = await OnlyTaskAsync(applicant, "mine", id, "prepare");
        Assert.Empty(await TasksAsync(reviewer, "all", id));
        await OkAsync(applicant, $"/api/tasks/{prepare}/complete", new { variables = new { projectName = "Line 3 retrofit" } });

        Assert.Empty(await TasksAsync(reviewer, "mine", id));
        var review = await OnlyTaskAsync(reviewer, "candidate", id, "districtReview");
        var candidate = Assert.Single(await TasksAsync(reviewer, "candidate", id));
        Assert.Equal(["district-reviewer"], Strings(candidate.GetProperty("candidateGroups")));
        Assert.Equal("general/review", candidate.GetProperty("formKey").GetString());
        Assert.True(candidate.GetProperty("dueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(4));
        await OkAsync(reviewer, $"/api/tasks/{review}/claim");
        Assert.Equal(review, await OnlyTaskAsync(reviewer, "mine", id, "districtReview"));
        await OkAsync(reviewer, $"/api/tasks/{review}/complete", new { variables = new { districtOutcome = "recommend" } });

        var approval = await OnlyTaskAsync(approver, "candidate", id, "departmentApproval");
        await OkAsync(approver, $"/api/tasks/{approval}/complete", new { variables = new { departmentOutcome = "approve" } });

        var instance = await InstanceAsync(admin, id);
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        Assert.Equal("APP-2026-0001", instance.GetProperty("businessKey").GetString());
        Assert.Equal("Line 3 retrofit", instance.GetProperty("variables").GetProperty("projectName").GetString());
        Assert.Contains("approved", Strings(instance.GetProperty("completedElementIds")));
        Assert.Contains("toApproval", Strings(instance.GetProperty("takenFlowIds")));
        Assert.Empty(instance.GetProperty("activeElementIds").EnumerateArray());

        var journal = await JournalAsync(admin, id);
        Assert.Equal(journal.Select(j => j.GetProperty("at").GetDateTimeOffset()).Order(), journal.Select(j => j.GetProperty("at").GetDateTimeOffset()));
        string? ActorOf(string element, string @event) =>
            journal.Single(j => j.GetProperty("elementId").GetString() == element && j.GetProperty("event").GetString() == @event).GetProperty("actor").GetString();
        Assert.Equal("admin1", ActorOf("general-approval", "started"));
        Assert.Equal("enterprise1", ActorOf("prepare", "completed"));
        Assert.Equal("reviewer1", ActorOf("districtReview", "claimed"));
        Assert.Equal("reviewer1", ActorOf("districtReview", "completed"));
        Assert.Equal("approver1", ActorOf("departmentApproval", "completed"));
    }

    [Fact]
    public async Task OnlyPeopleInvolved_SeeAnInstance()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var auditor = await app.CreateClientForAsync("auditor1");
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var provider = await app.CreateClientForAsync("provider1");
        var id = await StartAsync(admin, "general-approval", new { applicant = "enterprise1" });

        // The raw record is the fund's: the applicant it names does not read it (issue 10).
        await ProblemAssert.IsProblemAsync(await applicant.GetAsync($"/api/instances/{id}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/instances/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/instances/{id}/journal")).StatusCode);
        await ProblemAssert.IsProblemAsync(await provider.GetAsync($"/api/instances/{id}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await provider.GetAsync($"/api/instances/{id}/journal"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await admin.GetAsync($"/api/instances/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await applicant.PostAsJsonAsync("/api/instances", new { definitionKey = "general-approval" }), HttpStatusCode.Forbidden);
        Assert.Empty(await TasksAsync(provider, "all", id));
    }

    [Fact]
    public async Task SomeoneElsesTask_IsForbidden_AndADoneTaskIsAConflict()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var applicant = await app.CreateClientForAsync("enterprise1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var id = await StartAsync(admin, "general-approval", new { applicant = "enterprise1" });
        var prepare = await OnlyTaskAsync(applicant, "mine", id, "prepare");

        var notYours = await PostAsync(reviewer, $"/api/tasks/{prepare}/complete", new { variables = new { } });
        await ProblemAssert.IsProblemAsync(notYours, HttpStatusCode.Forbidden);

        await OkAsync(applicant, $"/api/tasks/{prepare}/complete");
        var again = await PostAsync(applicant, $"/api/tasks/{prepare}/complete");
        var problem = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("enterprise1", problem.GetProperty("detail").GetString());

        await ProblemAssert.IsProblemAsync(await PostAsync(applicant, $"/api/tasks/{Guid.NewGuid()}/complete"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadRequests_AreProblemsThatSayWhatToFix()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var reviewer = await app.CreateClientForAsync("reviewer1");

        var noKey = await admin.PostAsJsonAsync("/api/instances", new { variables = new { } });
        Assert.Equal("definitionKey", (await ProblemAssert.IsProblemAsync(noKey, HttpStatusCode.BadRequest)).GetProperty("errors")[0].GetProperty("field").GetString());
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "nothing-like-this" }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await reviewer.GetAsync("/api/tasks?scope=everything"), HttpStatusCode.BadRequest);

        var id = await StartAsync(admin, "general-approval", new { applicant = "enterprise1" });
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var prepare = await OnlyTaskAsync(applicant, "mine", id, "prepare");
        var malformed = await applicant.PostAsync($"/api/tasks/{prepare}/complete", new StringContent("{ variables: ", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest);
        var notAnObject = await applicant.PostAsync($"/api/tasks/{prepare}/complete", new StringContent("""{ "variables": [1,2] }""", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(notAnObject, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TwoReviewersCompletingTheSameTaskAtOnce_ExactlyOneWins()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var key = $"panel-{Guid.NewGuid():N}";
        var deployed = await DeployAsync(admin, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <process id="{key}" isExecutable="true">
                <startEvent id="start" />
                <userTask id="score" camunda:candidateGroups="expert" />
                <userTask id="after" camunda:candidateGroups="dept-approver" />
                <endEvent id="end" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="score" />
                <sequenceFlow id="f2" sourceRef="score" targetRef="after" />
                <sequenceFlow id="f3" sourceRef="after" targetRef="end" />
              </process>
            </definitions>
            """);
        Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);

        for (var round = 0; round < 5; round++)
        {
            var id = await StartAsync(admin, key);
            var experts = await Task.WhenAll(new[] { "expert1", "expert2", "expert3" }.Select(app.CreateClientForAsync));
            var task = await OnlyTaskAsync(experts[0], "candidate", id, "score");
            var gate = new TaskCompletionSource();
            var attempts = experts.Select(async (client, i) =>
            {
                await gate.Task;
                return await PostAsync(client, $"/api/tasks/{task}/complete", new { variables = new { winner = $"expert{i + 1}" } });
            }).ToList();
            gate.SetResult();
            var responses = await Task.WhenAll(attempts);

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            foreach (var lost in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
                await ProblemAssert.IsProblemAsync(lost, HttpStatusCode.Conflict);
            var journal = await JournalAsync(admin, id);
            Assert.Single(journal, j => j.GetProperty("elementId").GetString() == "score" && j.GetProperty("event").GetString() == "completed");
            Assert.Single(await TasksAsync(admin, "all", id));
            foreach (var client in experts) client.Dispose();
        }
    }

    [Fact]
    public async Task RetriedCompletion_WithTheSameIdempotencyKey_CompletesOnce()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var applicant = await app.CreateClientForAsync("enterprise1");
        var id = await StartAsync(admin, "general-approval", new { applicant = "enterprise1" });
        var prepare = await OnlyTaskAsync(applicant, "mine", id, "prepare");
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(applicant, $"/api/tasks/{prepare}/complete", new { variables = new { n = 1 } }, key);
        var retry = await PostAsync(applicant, $"/api/tasks/{prepare}/complete", new { variables = new { n = 1 } }, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True(retry.Headers.Contains("Idempotency-Replayed"));
        var journal = await JournalAsync(admin, id);
        Assert.Single(journal, j => j.GetProperty("elementId").GetString() == "prepare" && j.GetProperty("event").GetString() == "completed");
    }
}
