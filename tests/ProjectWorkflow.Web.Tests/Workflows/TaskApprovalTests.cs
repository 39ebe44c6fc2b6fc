using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>
/// The approval operations of TaskApprovals and ReopenInstance over HTTP: vote (票签), remove a signer (减签), take back (拿回),
/// draft (暂存), the timeout that approves by itself (超时自动审批) and reopen (唤醒); each with the refusal it must give.
/// </summary>
[Collection(PortalAppCollection.Name)]
public sealed class TaskApprovalTests(PortalApp app) : IAsyncLifetime
{
    private HttpClient _admin = null!;
    private HttpClient _reviewer = null!;
    private HttpClient _approver = null!;
    private HttpClient _colleague = null!;
    private HttpClient _expert = null!;

    public async Task InitializeAsync()
    {
        _admin = await app.CreateClientForAsync("admin1");
        _reviewer = await app.CreateClientForAsync("reviewer1");
        _approver = await app.CreateClientForAsync("approver1");
        _expert = await app.CreateClientForAsync("expert1");
        _colleague = await app.CreateClientForAsync(await PersonAsync(_admin, "reviewer2", "district-reviewer"));
    }

    public Task DisposeAsync()
    {
        foreach (var client in new[] { _admin, _reviewer, _approver, _colleague, _expert }) client.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The administrator prepares; three signers vote with a pass ratio of 2/3; the administrator decides.</summary>
    private static string VoteProcess(string key, string extra = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <process id="{key}" isExecutable="true">
            <startEvent id="start" />
            <userTask id="prepare" camunda:assignee="admin1" />
            <userTask id="panel" camunda:assignee="{"${signer}"}">
              <extensionElements><camunda:properties>
                <camunda:property name="vote.passRatio" value="2/3" />{extra}
              </camunda:properties></extensionElements>
              <multiInstanceLoopCharacteristics isSequential="false" camunda:collection="signers" camunda:elementVariable="signer" />
            </userTask>
            <userTask id="decide" camunda:assignee="admin1" />
            <endEvent id="end" />
            <sequenceFlow id="f0" sourceRef="start" targetRef="prepare" />
            <sequenceFlow id="f1" sourceRef="prepare" targetRef="panel" />
            <sequenceFlow id="f2" sourceRef="panel" targetRef="decide" />
            <sequenceFlow id="f3" sourceRef="decide" targetRef="end" />
          </process>
        </definitions>
        """;

    private async Task<Guid> AtPanelAsync(string extra = "")
    {
        var key = $"vote-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await DeployAsync(_admin, VoteProcess(key, extra))).StatusCode);
        var id = await StartAsync(_admin, key, new { signers = new[] { "reviewer1", "approver1", "reviewer2" } });
        await OkAsync(_admin, $"/api/tasks/{await OnlyTaskAsync(_admin, "mine", id, "prepare")}/complete");
        return id;
    }

    private async Task<JsonElement[]> EventsAsync(Guid id, string @event) =>
        (await JournalAsync(_admin, id)).Where(j => j.GetProperty("event").GetString() == @event).ToArray();

    [Fact]
    public async Task Vote_TwoOfThreeApprove_TheTaskIsDecided_AndTheThirdSignersTaskIsCancelled()
    {
        var id = await AtPanelAsync();

        await OkAsync(_reviewer, $"/api/tasks/{await OnlyTaskAsync(_reviewer, "mine", id, "panel")}/vote", new { decision = "approve", variables = new { comment = "sound plan" } });
        await OkAsync(_approver, $"/api/tasks/{await OnlyTaskAsync(_approver, "mine", id, "panel")}/vote", new { decision = "approve" });

        Assert.Empty(await TasksAsync(_colleague, "mine", id));
        Assert.Equal("decide", Assert.Single(await TasksAsync(_admin, "mine", id)).GetProperty("elementId").GetString());
        Assert.Equal("approve", (await InstanceAsync(_admin, id)).GetProperty("variables").GetProperty("voteOutcome").GetString());
        Assert.Equal(2, (await EventsAsync(id, "voteCast")).Length);
        Assert.Single(await EventsAsync(id, "voteDecided"));
    }

    [Fact]
    public async Task Vote_IsRefused_WithoutADecision_OrBySomeoneElse()
    {
        var id = await AtPanelAsync();
        var mine = await OnlyTaskAsync(_reviewer, "mine", id, "panel");

        var blank = await ProblemAssert.IsProblemAsync(await PostAsync(_reviewer, $"/api/tasks/{mine}/vote", new { decision = "maybe" }), HttpStatusCode.BadRequest);
        Assert.Equal("decision", blank.GetProperty("errors")[0].GetProperty("field").GetString());
        await ProblemAssert.IsProblemAsync(await PostAsync(_expert, $"/api/tasks/{mine}/vote", new { decision = "approve" }), HttpStatusCode.Forbidden);
        Assert.Empty(await EventsAsync(id, "voteCast"));
    }

    [Fact]
    public async Task RemoveSigner_ByAnAdministrator_AndTheVoteIsDecidedAmongTheRest_ButNotByASigner()
    {
        var id = await AtPanelAsync();
        await OkAsync(_reviewer, $"/api/tasks/{await OnlyTaskAsync(_reviewer, "mine", id, "panel")}/vote", new { decision = "approve" });
        var hers = await OnlyTaskAsync(_colleague, "mine", id, "panel");

        await ProblemAssert.IsProblemAsync(await PostAsync(_reviewer, $"/api/tasks/{hers}/remove-signer", new { user = "reviewer2", reason = "x" }), HttpStatusCode.Forbidden);
        var noReason = await ProblemAssert.IsProblemAsync(await PostAsync(_admin, $"/api/tasks/{hers}/remove-signer", new { user = "reviewer2" }), HttpStatusCode.BadRequest);
        Assert.Equal("reason", noReason.GetProperty("errors")[0].GetProperty("field").GetString());
        await OkAsync(_admin, $"/api/tasks/{hers}/remove-signer", new { user = "reviewer2", reason = "on leave until the panel closes" });
        await OkAsync(_approver, $"/api/tasks/{await OnlyTaskAsync(_approver, "mine", id, "panel")}/vote", new { decision = "approve" });

        Assert.Equal("approve", (await InstanceAsync(_admin, id)).GetProperty("variables").GetProperty("voteOutcome").GetString());
        Assert.Equal("admin1", Assert.Single(await EventsAsync(id, "signerRemoved")).GetProperty("actor").GetString());
    }

    [Fact]
    public async Task TakeBack_BySender_BeforeAnySignerActs_ButNotByAnotherPerson_NorAfterAVote()
    {
        var id = await AtPanelAsync();
        var panel = await OnlyTaskAsync(_reviewer, "mine", id, "panel");

        await ProblemAssert.IsProblemAsync(await PostAsync(_reviewer, $"/api/tasks/{panel}/take-back", new { reason = "mine" }), HttpStatusCode.Forbidden);
        await OkAsync(_admin, $"/api/tasks/{panel}/take-back", new { reason = "the wrong panel was chosen" });

        Assert.Equal("prepare", Assert.Single(await TasksAsync(_admin, "mine", id)).GetProperty("elementId").GetString());
        Assert.Empty(await TasksAsync(_reviewer, "mine", id));
        Assert.Equal("admin1", Assert.Single(await EventsAsync(id, "takenBack")).GetProperty("actor").GetString());

        await OkAsync(_admin, $"/api/tasks/{await OnlyTaskAsync(_admin, "mine", id, "prepare")}/complete");
        await OkAsync(_reviewer, $"/api/tasks/{await OnlyTaskAsync(_reviewer, "mine", id, "panel")}/vote", new { decision = "reject" });
        var late = await PostAsync(_admin, $"/api/tasks/{await OnlyTaskAsync(_approver, "mine", id, "panel")}/take-back", new { reason = "too late" });
        await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Draft_IsKeptForTheHolder_ReadByThemAlone_AndTheVoteStartsFromIt()
    {
        var id = await AtPanelAsync();
        var panel = await OnlyTaskAsync(_reviewer, "mine", id, "panel");

        await OkAsync(_reviewer, $"/api/tasks/{panel}/draft", new { variables = new { comment = "budget looks high" } });
        var draft = await _reviewer.GetFromJsonAsync<JsonElement>($"/api/tasks/{panel}/draft");
        Assert.Equal("budget looks high", draft.GetProperty("variables").GetProperty("comment").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await _admin.GetAsync($"/api/tasks/{panel}/draft")).StatusCode);
        await ProblemAssert.IsProblemAsync(await PostAsync(_approver, $"/api/tasks/{panel}/draft", new { variables = new { comment = "x" } }), HttpStatusCode.Forbidden);
        var empty = await ProblemAssert.IsProblemAsync(await PostAsync(_reviewer, $"/api/tasks/{panel}/draft", new { }), HttpStatusCode.BadRequest);
        Assert.Equal("variables", empty.GetProperty("errors")[0].GetProperty("field").GetString());

        await OkAsync(_reviewer, $"/api/tasks/{panel}/vote", new { decision = "approve" });

        Assert.Equal("budget looks high", (await InstanceAsync(_admin, id)).GetProperty("variables").GetProperty("comment").GetString());
        Assert.Equal("reviewer1", Assert.Single(await EventsAsync(id, "draftSaved")).GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Timeout_VotesForTheSilentSigner_AsSystem_WithTheReason()
    {
        var id = await AtPanelAsync("""
            <camunda:property name="timeout.after" value="PT4S" />
            <camunda:property name="timeout.outcome" value="approve" />
            <camunda:property name="timeout.reason" value="No answer within the review period: counted as approval" />
            """);
        await OkAsync(_reviewer, $"/api/tasks/{await OnlyTaskAsync(_reviewer, "mine", id, "panel")}/vote", new { decision = "approve" });
        await OkAsync(_approver, $"/api/tasks/{await OnlyTaskAsync(_approver, "mine", id, "panel")}/vote", new { decision = "reject" });

        var timedOut = Assert.Single(await Eventually.WaitForAsync(async () => await EventsAsync(id, "timedOut") is { Length: > 0 } e ? e : null, "the silent signer's timeout"));

        Assert.Equal("system", timedOut.GetProperty("actor").GetString());
        Assert.Equal("No answer within the review period: counted as approval", timedOut.GetProperty("detail").GetString());
        Assert.Equal("system", Assert.Single(await EventsAsync(id, "voteDecided")).GetProperty("actor").GetString());
        Assert.Equal("approve", (await InstanceAsync(_admin, id)).GetProperty("variables").GetProperty("voteOutcome").GetString());
        Assert.Equal("decide", Assert.Single(await TasksAsync(_admin, "mine", id)).GetProperty("elementId").GetString());
    }

    [Fact]
    public async Task Reopen_AnEndedInstance_AtADoneTask_ByAnAdministrator_NeverWhileItRuns()
    {
        var id = await AtPanelAsync();
        var panel = await OnlyTaskAsync(_reviewer, "mine", id, "panel");
        await ProblemAssert.IsProblemAsync(await PostAsync(_admin, $"/api/instances/{id}/reopen", new { elementId = "prepare", reason = "x" }), HttpStatusCode.Conflict);
        await OkAsync(_reviewer, $"/api/tasks/{panel}/vote", new { decision = "approve" });
        await OkAsync(_approver, $"/api/tasks/{await OnlyTaskAsync(_approver, "mine", id, "panel")}/vote", new { decision = "approve" });
        await OkAsync(_admin, $"/api/tasks/{await OnlyTaskAsync(_admin, "mine", id, "decide")}/complete");
        Assert.Equal("completed", (await InstanceAsync(_admin, id)).GetProperty("status").GetString());

        await ProblemAssert.IsProblemAsync(await PostAsync(_reviewer, $"/api/instances/{id}/reopen", new { elementId = "decide", reason = "x" }), HttpStatusCode.Forbidden);
        var noReason = await ProblemAssert.IsProblemAsync(await PostAsync(_admin, $"/api/instances/{id}/reopen", new { elementId = "decide" }), HttpStatusCode.BadRequest);
        Assert.Equal("reason", noReason.GetProperty("errors")[0].GetProperty("field").GetString());
        await OkAsync(_admin, $"/api/instances/{id}/reopen", new { elementId = "decide", reason = "the decision letter named the wrong amount" });

        Assert.Equal("running", (await InstanceAsync(_admin, id)).GetProperty("status").GetString());
        Assert.Equal("decide", Assert.Single(await TasksAsync(_admin, "mine", id)).GetProperty("elementId").GetString());
        Assert.Equal("admin1", Assert.Single(await EventsAsync(id, "reopened")).GetProperty("actor").GetString());
    }
}
