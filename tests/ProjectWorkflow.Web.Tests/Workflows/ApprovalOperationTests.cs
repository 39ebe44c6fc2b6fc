using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>Each approval operation over HTTP, on the general approval process, each journaled with its actor.</summary>
[Collection(PortalAppCollection.Name)]
public sealed class ApprovalOperationTests(PortalApp app) : IAsyncLifetime
{
    private HttpClient _admin = null!;
    private HttpClient _applicant = null!;
    private HttpClient _reviewer = null!;
    private HttpClient _approver = null!;
    private HttpClient _expert = null!;
    private HttpClient _colleague = null!;

    public async Task InitializeAsync()
    {
        _admin = await app.CreateClientForAsync("admin1");
        _applicant = await app.CreateClientForAsync("enterprise1");
        _reviewer = await app.CreateClientForAsync("reviewer1");
        _approver = await app.CreateClientForAsync("approver1");
        _expert = await app.CreateClientForAsync("expert1");
        // A second district reviewer: a district review is handed only to someone who could hold it.
        _colleague = await app.CreateClientForAsync(await PersonAsync(_admin, "reviewer2", "district-reviewer"));
    }

    public Task DisposeAsync()
    {
        foreach (var client in new[] { _admin, _applicant, _reviewer, _approver, _expert, _colleague }) client.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>An instance whose file the applicant has prepared and the reviewer has claimed.</summary>
    private async Task<(Guid Instance, Guid Review)> ClaimedByReviewer()
    {
        var id = await StartAsync(_admin, "general-approval", new { applicant = "enterprise1" });
        await OkAsync(_applicant, $"/api/tasks/{await OnlyTaskAsync(_applicant, "mine", id, "prepare")}/complete");
        var review = await OnlyTaskAsync(_reviewer, "candidate", id, "districtReview");
        await OkAsync(_reviewer, $"/api/tasks/{review}/claim");
        return (id, review);
    }

    private async Task<string?> LastActor(Guid id, string @event) =>
        (await JournalAsync(_admin, id)).Last(j => j.GetProperty("event").GetString() == @event).GetProperty("actor").GetString();

    [Fact]
    public async Task ClaimAndUnclaim_PutTheTaskInAndOutOfMyInbox()
    {
        var (id, review) = await ClaimedByReviewer();
        Assert.Single(await TasksAsync(_reviewer, "mine", id));

        await OkAsync(_reviewer, $"/api/tasks/{review}/unclaim");

        Assert.Empty(await TasksAsync(_reviewer, "mine", id));
        Assert.Single(await TasksAsync(_reviewer, "candidate", id));
        Assert.Equal("reviewer1", await LastActor(id, "unclaimed"));
    }

    [Fact]
    public async Task Delegate_ThenResolve_ThenTheOwnerCompletes()
    {
        var (id, review) = await ClaimedByReviewer();

        await OkAsync(_reviewer, $"/api/tasks/{review}/delegate", new { user = "reviewer2", reason = "check the equipment list" });
        var delegated = Assert.Single(await TasksAsync(_colleague, "mine", id));
        Assert.Equal("reviewer1", delegated.GetProperty("owner").GetString());
        await ProblemAssert.IsProblemAsync(await PostAsync(_colleague, $"/api/tasks/{review}/complete"), HttpStatusCode.Conflict);

        await OkAsync(_colleague, $"/api/tasks/{review}/resolve", new { variables = new { equipmentChecked = true } });
        await OkAsync(_reviewer, $"/api/tasks/{review}/complete", new { variables = new { districtOutcome = "recommend" } });

        Assert.Single(await TasksAsync(_approver, "candidate", id));
        Assert.Equal("reviewer1", await LastActor(id, "delegated"));
        Assert.Equal("reviewer2", await LastActor(id, "resolved"));
    }

    [Fact]
    public async Task Transfer_MovesTheTaskToAnotherPerson()
    {
        var (id, review) = await ClaimedByReviewer();

        await OkAsync(_reviewer, $"/api/tasks/{review}/transfer", new { user = "reviewer2", reason = "conflict of interest" });

        Assert.Empty(await TasksAsync(_reviewer, "mine", id));
        Assert.Single(await TasksAsync(_colleague, "mine", id));
        await ProblemAssert.IsProblemAsync(await PostAsync(_reviewer, $"/api/tasks/{review}/complete"), HttpStatusCode.Forbidden);
        var empty = await PostAsync(_colleague, $"/api/tasks/{review}/transfer", new { reason = "nobody named" });
        Assert.Equal("user", (await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task AddSigners_BeforeAndAfter()
    {
        var (id, review) = await ClaimedByReviewer();

        await OkAsync(_reviewer, $"/api/tasks/{review}/add-signers", new { users = new[] { "reviewer2" }, position = "before" });
        Assert.Single(await TasksAsync(_colleague, "mine", id));
        await OkAsync(_colleague, $"/api/tasks/{review}/complete");
        Assert.Single(await TasksAsync(_reviewer, "mine", id));

        await OkAsync(_reviewer, $"/api/tasks/{review}/add-signers", new { users = new[] { "reviewer2" }, position = "after" });
        await OkAsync(_reviewer, $"/api/tasks/{review}/complete", new { variables = new { districtOutcome = "recommend" } });
        await OnlyTaskAsync(_colleague, "mine", id, "districtReview");
        await OkAsync(_colleague, $"/api/tasks/{review}/complete");

        var approval = await OnlyTaskAsync(_approver, "candidate", id, "departmentApproval");
        // A candidate who has not claimed the task holds nothing to add signers to; once it is theirs, a bad position is named.
        await ProblemAssert.IsProblemAsync(
            await PostAsync(_approver, $"/api/tasks/{approval}/add-signers", new { users = new[] { "reviewer2" }, position = "before" }), HttpStatusCode.Forbidden);
        await OkAsync(_approver, $"/api/tasks/{approval}/claim");
        var bad = await PostAsync(_approver, $"/api/tasks/{approval}/add-signers", new { users = new[] { "x" }, position = "sideways" });
        Assert.Equal("position", (await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task SendBack_ReturnsTheFileToTheApplicant_WithTheReason()
    {
        var (id, review) = await ClaimedByReviewer();

        await OkAsync(_reviewer, $"/api/tasks/{review}/send-back", new { targetElementId = "prepare", reason = "the audit report is missing" });

        await OnlyTaskAsync(_applicant, "mine", id, "prepare");
        var journal = await JournalAsync(_admin, id);
        Assert.Contains(journal, j => j.GetProperty("event").GetString() == "sentBack" && j.GetProperty("detail").GetString()!.Contains("audit report"));
        var later = await PostAsync(_applicant, $"/api/tasks/{await OnlyTaskAsync(_applicant, "mine", id, "prepare")}/send-back", new { targetElementId = "departmentApproval", reason = "x" });
        await ProblemAssert.IsProblemAsync(later, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Withdraw_BeforeTheReviewerTouchesIt_AndNotAfter()
    {
        var id = await StartAsync(_admin, "general-approval", new { applicant = "enterprise1" });
        await OkAsync(_applicant, $"/api/tasks/{await OnlyTaskAsync(_applicant, "mine", id, "prepare")}/complete");

        await OkAsync(_applicant, $"/api/instances/{id}/withdraw", new { reason = "wrong attachment" });
        Assert.Empty(await TasksAsync(_reviewer, "candidate", id));
        var prepare = await OnlyTaskAsync(_applicant, "mine", id, "prepare");

        await OkAsync(_applicant, $"/api/tasks/{prepare}/complete");
        await OkAsync(_reviewer, $"/api/tasks/{await OnlyTaskAsync(_reviewer, "candidate", id, "districtReview")}/claim");
        var late = await PostAsync(_applicant, $"/api/instances/{id}/withdraw", new { reason = "again" });
        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Conflict);
        var noReason = await PostAsync(_applicant, $"/api/instances/{id}/withdraw", new { });
        await ProblemAssert.IsProblemAsync(noReason, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RemindAndCopyTo_AreJournaled()
    {
        var (id, review) = await ClaimedByReviewer();

        await OkAsync(_colleague, $"/api/tasks/{review}/remind", new { message = "the window closes on Friday" });
        await OkAsync(_reviewer, $"/api/tasks/{review}/copy-to", new { users = new[] { "approver1" } });

        Assert.Equal("reviewer2", await LastActor(id, "reminded"));
        Assert.Equal("reviewer1", await LastActor(id, "copied"));
    }

    [Fact]
    public async Task TerminateAndCancel_EndTheInstanceWithAReason()
    {
        var (terminated, _) = await ClaimedByReviewer();
        var (cancelled, _) = await ClaimedByReviewer();

        await ProblemAssert.IsProblemAsync(await PostAsync(_reviewer, $"/api/instances/{terminated}/terminate", new { reason = "x" }), HttpStatusCode.Forbidden);
        await OkAsync(_approver, $"/api/instances/{terminated}/terminate", new { reason = "duplicate application" });
        await OkAsync(_admin, $"/api/instances/{cancelled}/cancel", new { reason = "withdrawn by the enterprise" });

        Assert.Equal("terminated", (await InstanceAsync(_admin, terminated)).GetProperty("status").GetString());
        Assert.Equal("cancelled", (await InstanceAsync(_admin, cancelled)).GetProperty("status").GetString());
        Assert.Empty(await TasksAsync(_admin, "all", terminated));
        await ProblemAssert.IsProblemAsync(await PostAsync(_admin, $"/api/instances/{cancelled}/cancel", new { reason = "twice" }), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await PostAsync(_admin, $"/api/instances/{Guid.NewGuid()}/cancel", new { reason = "nothing" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Messages_ReachTheInstanceWaitingUnderTheBusinessKey()
    {
        var key = $"paid-{Guid.NewGuid():N}";
        var deployed = await DeployAsync(_admin, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <message id="m" name="{PortalApp.TestMessage}" />
              <process id="{key}" isExecutable="true">
                <startEvent id="start" />
                <intermediateCatchEvent id="wait"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
                <endEvent id="end" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
                <sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
              </process>
            </definitions>
            """);
        Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);
        var one = await StartAsync(_admin, key, businessKey: $"PAY-1-{key}");
        var two = await StartAsync(_admin, key, businessKey: $"PAY-2-{key}");
        Assert.Equal(["wait"], Strings((await InstanceAsync(_admin, one)).GetProperty("activeElementIds")));

        var nobody = await _admin.PostAsJsonAsync("/api/messages", new { name = PortalApp.TestMessage, correlationKey = $"PAY-9-{key}", variables = new { } });
        var someone = await _admin.PostAsJsonAsync("/api/messages", new { name = PortalApp.TestMessage, correlationKey = $"PAY-2-{key}", variables = new { bankReference = "B-1" } });

        Assert.Equal(HttpStatusCode.Accepted, nobody.StatusCode);
        Assert.Equal(0, (await nobody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("delivered").GetInt32());
        Assert.Equal(1, (await someone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("delivered").GetInt32());
        Assert.Equal("running", (await InstanceAsync(_admin, one)).GetProperty("status").GetString());
        var paid = await InstanceAsync(_admin, two);
        Assert.Equal("completed", paid.GetProperty("status").GetString());
        Assert.Equal("B-1", paid.GetProperty("variables").GetProperty("bankReference").GetString());
        await ProblemAssert.IsProblemAsync(await _reviewer.PostAsJsonAsync("/api/messages", new { name = "x" }), HttpStatusCode.Forbidden);
        // Declared for admin and finance only, and a name nobody declared is nobody's to send.
        await ProblemAssert.IsProblemAsync(await _applicant.PostAsJsonAsync("/api/messages", new { name = PortalApp.TestMessage, correlationKey = $"PAY-1-{key}" }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await _admin.PostAsJsonAsync("/api/messages", new { name = $"{key}.undeclared", correlationKey = $"PAY-1-{key}" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Migrate_MovesARunningInstance_OrRefusesToStrandIt()
    {
        var key = $"migrating-{Guid.NewGuid():N}";
        string Version(string task) => $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <process id="{key}" isExecutable="true">
                <startEvent id="start" /><userTask id="{task}" /><endEvent id="end" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="{task}" /><sequenceFlow id="f2" sourceRef="{task}" targetRef="end" />
              </process>
            </definitions>
            """;
        await DeployAsync(_admin, Version("review"));
        var id = await StartAsync(_admin, key);
        await DeployAsync(_admin, Version("check"));

        var stranded = await PostAsync(_admin, $"/api/instances/{id}/migrate", new { toVersion = 2 });
        var strandedProblem = await ProblemAssert.IsProblemAsync(stranded, HttpStatusCode.BadRequest);
        Assert.Contains("review", strandedProblem.GetProperty("detail").GetString());
        Assert.Contains("的任务无法迁移：版本 2 中没有环节“review”。", strandedProblem.GetProperty("detailZh").GetString());

        await OkAsync(_admin, $"/api/instances/{id}/migrate", new { toVersion = 2, mapping = new Dictionary<string, string> { ["review"] = "check" } });
        var instance = await InstanceAsync(_admin, id);
        Assert.Equal(2, instance.GetProperty("version").GetInt32());
        await OnlyTaskAsync(_admin, "all", id, "check");
    }

    [Fact]
    public async Task AMessageNobodyWaitsFor_StartsTheProcessWithThatMessageStartEvent_UnderTheCorrelationKey()
    {
        var key = $"letter-{Guid.NewGuid():N}";
        var deployed = await DeployAsync(_admin, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <message id="m" name="{PortalApp.StartingMessage}" />
              <process id="{key}" isExecutable="true">
                <startEvent id="onLetter"><messageEventDefinition messageRef="m" /></startEvent>
                <userTask id="answer" />
                <sequenceFlow id="f1" sourceRef="onLetter" targetRef="answer" />
              </process>
            </definitions>
            """);
        Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);
        var correlationKey = $"LETTER-{key}";

        var response = await _admin.PostAsJsonAsync("/api/messages", new { name = PortalApp.StartingMessage, correlationKey, variables = new { sender = "district office" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("delivered").GetInt32());
        var started = Assert.Single(body.GetProperty("started").EnumerateArray()).GetGuid();
        var instance = await InstanceAsync(_admin, started);
        Assert.Equal(correlationKey, instance.GetProperty("businessKey").GetString());
        Assert.Equal(key, instance.GetProperty("definitionKey").GetString());
        await OnlyTaskAsync(_admin, "all", started, "answer");
    }
}
