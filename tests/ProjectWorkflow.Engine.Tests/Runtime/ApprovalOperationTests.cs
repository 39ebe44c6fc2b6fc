using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>
/// The approval operations Chinese users expect beside the classic ones: vote (票签), remove a signer (减签), take back (拿回),
/// timeout approval (超时自动审批), deputies and handing over (代理 / 离职转办), draft (暂存) and reopen (唤醒).
/// </summary>
public class ApprovalOperationTests
{
    private static string Vote(string properties, bool sequential = false) => Process("vote", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="prepare" camunda:assignee="carol" />
        <bpmn:userTask id="panel" camunda:assignee="${signer}">
          <bpmn:extensionElements><camunda:properties>{{properties}}</camunda:properties></bpmn:extensionElements>
          <bpmn:multiInstanceLoopCharacteristics isSequential="{{(sequential ? "true" : "false")}}" camunda:collection="signers" camunda:elementVariable="signer" />
        </bpmn:userTask>
        <bpmn:userTask id="decide" camunda:assignee="carol" />
        <bpmn:endEvent id="end" />
        """ + Flow("f0", "start", "prepare") + Flow("f1", "prepare", "panel") + Flow("f2", "panel", "decide") + Flow("f3", "decide", "end"));

    private static string Ratio(string ratio, string? weights = null) =>
        $"""<camunda:property name="vote.passRatio" value="{ratio}" />""" + (weights is null ? "" : $"""<camunda:property name="vote.weights" value="{weights}" />""");

    private static readonly object Signers = new { signers = new[] { "alice", "bob", "dave" } };

    private static async Task<(Harness H, ProcessInstance Instance)> AtPanel(string properties, bool sequential = false, object? variables = null)
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Vote(properties, sequential)), variables ?? Signers);
        await h.Complete(instance, "prepare", Harness.Carol);
        return (h, instance);
    }

    private static Guid TaskOf(ProcessInstance instance, string assignee) => instance.Tasks.Single(t => t.Assignee == assignee).Id;

    [Fact]
    public async Task Vote_IsApproved_AsSoonAsThePassRatioIsReached_AndTheLastSignersTaskIsCancelled()
    {
        var (h, instance) = await AtPanel(Ratio("2/3"));

        await h.Act(Harness.Alice, s => s.VoteAsync(TaskOf(instance, "alice"), approve: true, null));
        Assert.Equal(2, instance.Tasks.Count(t => t.ElementId == "panel"));
        await h.Act(Harness.Bob, s => s.VoteAsync(TaskOf(instance, "bob"), approve: true, null));

        Assert.Equal(["decide"], Harness.Active(instance));
        Assert.Equal("approve", instance.Variables["voteOutcome"]!.GetValue<string>());
        Assert.Contains(h.Effects, e => e is TaskCancelled { ElementId: "panel" } c && c.Reason.Contains("vote was decided"));
        Assert.Contains(h.Journal, j => j.Event == "voteDecided" && j.Detail!.StartsWith("approve: 2 for, 0 against, 1 not cast"));
    }

    [Fact]
    public async Task Vote_IsRejected_OnceApprovalCanNoLongerReachTheRatio_CountingWeights()
    {
        var (h, instance) = await AtPanel(Ratio("60%", "alice=3, bob=1, dave=1"));

        await h.Act(Harness.Bob, s => s.VoteAsync(TaskOf(instance, "bob"), approve: true, null));
        await h.Act(Harness.Alice, s => s.VoteAsync(TaskOf(instance, "alice"), approve: false, null));

        Assert.Equal("reject", instance.Variables["voteOutcome"]!.GetValue<string>());
        Assert.Equal(["decide"], Harness.Active(instance));
        Assert.Contains(h.Journal, j => j.Event == "voteCast" && j.Detail == "reject by alice (weight 3): 1 for, 3 against");
    }

    [Fact]
    public async Task Vote_WeightsMayComeFromAVariable_AndASequentialVoteStopsEarly()
    {
        var (h, instance) = await AtPanel(Ratio("0.5", "${weights}"), sequential: true,
            new { signers = new[] { "alice", "bob", "dave" }, weights = new { alice = 4, bob = 1, dave = 1 } });

        await h.Act(Harness.Alice, s => s.VoteAsync(TaskOf(instance, "alice"), approve: true, null));

        Assert.Equal("approve", instance.Variables["voteOutcome"]!.GetValue<string>());
        Assert.Equal(["decide"], Harness.Active(instance));
    }

    [Fact]
    public async Task Vote_MustBeCast_AndOnlyOnAVoteTask()
    {
        var (h, instance) = await AtPanel(Ratio("0.5"));

        var blank = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Alice, s => s.CompleteAsync(TaskOf(instance, "alice"), null)));
        Assert.Equal(WorkflowErrorKind.Invalid, blank.Kind);
        await h.Act(Harness.Alice, s => s.CompleteAsync(TaskOf(instance, "alice"), Harness.ToJson(new { vote = "approve", comment = "fine" })));
        Assert.Contains(h.Journal, j => j.Event == "voteCast" && j.Detail!.StartsWith("approve by alice"));

        var plain = await AtPanel("");
        var notAVote = await Assert.ThrowsAsync<WorkflowException>(() => plain.H.Act(Harness.Alice, s => s.VoteAsync(TaskOf(plain.Instance, "alice"), true, null)));
        Assert.Equal(WorkflowErrorKind.Invalid, notAVote.Kind);
    }

    [Fact]
    public void Vote_OnATaskWithOneSigner_OrWithABadRatio_IsRefusedAtDeploy()
    {
        var h = new Harness();
        var single = h.Engine.Compile(System.Text.Encoding.UTF8.GetBytes(Process("single", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="sign"><bpmn:extensionElements><camunda:properties>
              <camunda:property name="vote.passRatio" value="150%" /><camunda:property name="vote.pasRatio" value="1" />
            </camunda:properties></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "sign") + Flow("f2", "sign", "end"))));

        Assert.False(single.Succeeded);
        var problems = string.Join("\n", single.Problems);
        Assert.Contains("multi-instance", problems);
        Assert.Contains("150%", problems);
        Assert.Contains("vote.pasRatio", problems);
    }

    [Fact]
    public async Task RemoveSigner_StopsTheirTask_AndTheVoteIsDecidedAmongTheRest()
    {
        var (h, instance) = await AtPanel(Ratio("1"));
        await h.Act(Harness.Alice, s => s.VoteAsync(TaskOf(instance, "alice"), true, null));
        await h.Act(Harness.Bob, s => s.VoteAsync(TaskOf(instance, "bob"), true, null));

        await h.Act(Harness.Carol, s => s.RemoveSignerAsync(TaskOf(instance, "dave"), "dave", "on leave for a month"));

        Assert.Equal("approve", instance.Variables["voteOutcome"]!.GetValue<string>());
        Assert.Equal(["decide"], Harness.Active(instance));
        Assert.Contains(h.Journal, j => j.Event == "signerRemoved" && j.Actor == "carol" && j.Detail == "dave: on leave for a month");
    }

    [Fact]
    public async Task RemoveSigner_DropsTurnsOfASequentialLoop_ButNeverEverySigner()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Vote("", sequential: true)), Signers);
        await h.Complete(instance, "prepare", Harness.Carol);

        await h.Act(Harness.Carol, s => s.RemoveSignerAsync(TaskOf(instance, "alice"), "bob", "left the panel"));
        await h.Act(Harness.Carol, s => s.RemoveSignerAsync(TaskOf(instance, "alice"), "alice", "recused"));
        Assert.Equal("dave", Assert.Single(instance.Tasks).Assignee);

        var last = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Carol, s => s.RemoveSignerAsync(TaskOf(instance, "dave"), "dave", "x")));
        Assert.Equal(WorkflowErrorKind.Conflict, last.Kind);
        var stranger = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Carol, s => s.RemoveSignerAsync(TaskOf(instance, "dave"), "erin", "x")));
        Assert.Equal(WorkflowErrorKind.Invalid, stranger.Kind);
        await h.Act(Harness.Dave, s => s.CompleteAsync(TaskOf(instance, "dave"), null));
        Assert.Equal(["decide"], Harness.Active(instance));
    }

    private static string Chain => Process("chain", """
        <bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="fork" />
        <bpmn:userTask id="draft" camunda:candidateGroups="district-reviewer" />
        <bpmn:userTask id="check" camunda:candidateGroups="dept-approver" />
        <bpmn:userTask id="side" camunda:assignee="dave" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="sideEnd" />
        """ + Flow("f0", "start", "fork") + Flow("f1", "fork", "draft") + Flow("f1b", "fork", "side") + Flow("f2", "draft", "check")
          + Flow("f3", "check", "end") + Flow("f4", "side", "sideEnd"));

    [Fact]
    public async Task TakeBack_BeforeTheNextPersonActs_ReopensTheSendersTask_EvenAfterOtherBranchesMoved()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Chain));
        await h.Complete(instance, "draft", Harness.Alice, new { note = "v1" });
        await h.Complete(instance, "side", Harness.Dave); // the withdraw point is gone; taking back still works
        var check = h.Task(instance, "check").Id;

        var stranger = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Bob, s => s.TakeBackAsync(check, "mine")));
        Assert.Equal(WorkflowErrorKind.Forbidden, stranger.Kind);
        await h.Act(Harness.Alice, s => s.TakeBackAsync(check, "wrong attachment"));

        Assert.Equal(["draft"], Harness.Active(instance));
        Assert.Equal("alice", h.Task(instance, "draft").Assignee);
        Assert.Contains(h.Effects, e => e is TaskCancelled { ElementId: "check" });
        Assert.Contains(h.Journal, j => j.Event == "takenBack" && j.Actor == "alice" && j.Detail == "from check: wrong attachment");
        await h.Complete(instance, "draft", Harness.Alice);
        Assert.Equal(["check"], Harness.Active(instance));
    }

    [Fact]
    public async Task TakeBack_IsRefused_OnceTheNextTaskWasClaimed()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Chain));
        await h.Complete(instance, "draft", Harness.Alice);
        var check = h.Task(instance, "check").Id;
        await h.Act(Harness.Carol, s => s.ClaimAsync(check));

        var late = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Alice, s => s.TakeBackAsync(check, "too late")));

        Assert.Equal(WorkflowErrorKind.Conflict, late.Kind);
        Assert.Equal("carol", h.Task(instance, "check").Assignee);
    }

    [Fact]
    public async Task TakeBack_OfAVoteNobodyHasSignedYet_CancelsEverySigner()
    {
        var (h, instance) = await AtPanel(Ratio("0.5"));

        await h.Act(Harness.Carol, s => s.TakeBackAsync(TaskOf(instance, "bob"), "wrong panel"));

        Assert.Equal(["prepare"], Harness.Active(instance));
        Assert.Equal(3, h.Effects.OfType<TaskCancelled>().Count(c => c.ElementId == "panel"));
    }

    private static string Timed(string outcome, string properties = "") => Process("timed", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" camunda:assignee="alice">
          <bpmn:extensionElements><camunda:properties>
            <camunda:property name="timeout.after" value="P3D" />
            <camunda:property name="timeout.outcome" value="{outcome}" />
            <camunda:property name="timeout.outcomeVariable" value="approved" />
            {properties}
          </camunda:properties></bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:userTask id="next" camunda:assignee="carol" />
        <bpmn:endEvent id="end" />
        """ + Flow("f1", "start", "review") + Flow("f2", "review", "next") + Flow("f3", "next", "end"));

    [Fact]
    public async Task Timeout_CompletesTheTaskAsSystem_WithTheConfiguredOutcome_AndTheReason()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Timed("true", """<camunda:property name="timeout.reason" value="Not reviewed in 3 days: approved by rule" />""")));

        await h.Advance(TimeSpan.FromDays(2));
        Assert.Equal(["review"], Harness.Active(instance));
        await h.Advance(TimeSpan.FromDays(1));

        Assert.Equal(["next"], Harness.Active(instance));
        Assert.True(instance.Variables["approved"]!.GetValue<bool>());
        Assert.Equal("Not reviewed in 3 days: approved by rule", instance.Variables["timeoutReason"]!.GetValue<string>());
        Assert.Contains(h.Effects, e => e is TaskCompleted { ElementId: "review", Actor: "system" });
        Assert.Contains(h.Journal, j => j.Event == "timedOut" && j.Actor == "system" && j.Detail == "Not reviewed in 3 days: approved by rule");
    }

    [Fact]
    public async Task Timeout_StopsWhenThePersonCompletesInTime()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Timed("false")));
        await h.Complete(instance, "review", Harness.Alice, new { approved = true });

        await h.Advance(TimeSpan.FromDays(4));

        Assert.Equal(["next"], Harness.Active(instance));
        Assert.True(instance.Variables["approved"]!.GetValue<bool>());
        Assert.DoesNotContain(h.Journal, j => j.Event == "timedOut");
        Assert.DoesNotContain(instance.Bookmarks, b => b.ElementId == "review");
    }

    [Fact]
    public async Task Timeout_OnAVote_CastsTheSilentSignersVote()
    {
        var (h, instance) = await AtPanel(Ratio("1") + """<camunda:property name="timeout.after" value="PT48H" /><camunda:property name="timeout.outcome" value="approve" />""");
        await h.Act(Harness.Alice, s => s.VoteAsync(TaskOf(instance, "alice"), true, null));

        await h.Advance(TimeSpan.FromHours(48));

        Assert.Equal("approve", instance.Variables["voteOutcome"]!.GetValue<string>());
        Assert.Equal(["decide"], Harness.Active(instance));
        Assert.Equal(2, h.Journal.Count(j => j.Event == "timedOut"));
    }

    [Fact]
    public async Task Draft_IsKeptOnTheTask_AndTheCompletionStartsFromIt()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Chain));
        var draft = h.Task(instance, "draft").Id;

        await h.Act(Harness.Alice, s => s.SaveDraftAsync(draft, Harness.ToJson(new { note = "half done", score = 3 })!));
        var outsider = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Carol, s => s.SaveDraftAsync(draft, Harness.ToJson(new { note = "x" })!)));
        Assert.Equal(WorkflowErrorKind.Forbidden, outsider.Kind);
        Assert.Equal("half done", h.Task(instance, "draft").Draft!["note"]!.GetValue<string>());
        Assert.Null(h.Task(instance, "draft").Assignee);

        await h.Complete(instance, "draft", Harness.Alice, new { score = 4 });

        Assert.Equal("half done", instance.Variables["note"]!.GetValue<string>());
        Assert.Equal(4, instance.Variables["score"]!.GetValue<int>());
        Assert.Contains(h.Journal, j => j.Event == "draftSaved" && j.Actor == "alice" && j.Detail == "note, score");
    }

    [Fact]
    public async Task Deputy_SeesTheTaskBesideItsAssignee_AndMayCompleteIt()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Timed("true")));
        var review = h.Task(instance, "review").Id;

        await h.Act(Actor.System, s => s.ShareWithDeputyAsync(review, "bob", "alice", "until 2026-01-20"));
        var task = h.Task(instance, "review");
        Assert.Equal("alice", task.Assignee);
        Assert.Equal(["bob"], task.Deputies!);
        Assert.Contains(h.Effects, e => e is TaskNotification { Event: "deputy" } n && n.Users.Contains("bob"));

        await h.Act(Harness.Bob, s => s.CompleteAsync(review, Harness.ToJson(new { approved = false })));
        Assert.Contains(h.Effects, e => e is TaskCompleted { ElementId: "review", Actor: "bob" });
        Assert.Contains(h.Journal, j => j.Event == "deputyAdded" && j.Detail == "bob for alice (until 2026-01-20)");
    }

    [Fact]
    public async Task HandOver_MovesEveryTaskOfTheLeavingUser_AndLeavesOthersAlone()
    {
        var (h, instance) = await AtPanel("");

        var moved = 0;
        await h.Act(Actor.User("admin", "admin"), async s => moved = await s.HandOverTasksAsync(instance.Id, "bob", "erin", "bob left the bureau"));

        Assert.Equal(1, moved);
        Assert.Equal(["alice", "dave", "erin"], instance.Tasks.Select(t => t.Assignee).Order());
        Assert.Contains(h.Journal, j => j.Event == "handedOver" && j.Detail == "from bob to erin: bob left the bureau");
        var same = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Actor.User("admin", "admin"), s => s.HandOverTasksAsync(instance.Id, "erin", "erin", "x")));
        Assert.Equal(WorkflowErrorKind.Invalid, same.Kind);
    }

    [Fact]
    public async Task Reopen_AnEndedInstance_AtADoneTask_GivesItToWhoeverDidItLast()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Timed("true")));
        await h.Complete(instance, "review", Harness.Alice, new { approved = true });
        await h.Complete(instance, "next", Harness.Carol);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        var admin = Actor.User("admin", "admin");

        var never = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(admin, s => s.ReopenAsync(instance.Id, "nowhere", "x")));
        Assert.Equal(WorkflowErrorKind.Invalid, never.Kind);
        await h.Act(admin, s => s.ReopenAsync(instance.Id, "review", "the applicant's appeal was upheld"));

        Assert.Equal(InstanceStatus.Running, instance.Status);
        Assert.Null(instance.EndedAt);
        Assert.Equal("alice", h.Task(instance, "review").Assignee);
        Assert.Contains(h.Journal, j => j.Event == "reopened" && j.Actor == "admin" && j.Detail == "was completed; at review: the applicant's appeal was upheld");
        var running = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(admin, s => s.ReopenAsync(instance.Id, "review", "again")));
        Assert.Equal(WorkflowErrorKind.Conflict, running.Kind);
    }
}
