using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>Approval operations on user tasks, each journaled with its actor.</summary>
public class HumanTaskTests
{
    private static string Approval => Process("approval", """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="apply" camunda:assignee="${applicant}" />
        <bpmn:userTask id="districtReview" camunda:candidateGroups="district-reviewer" />
        <bpmn:userTask id="approve" camunda:candidateGroups="dept-approver" />
        <bpmn:endEvent id="end" />
        """ + Flow("f1", "start", "apply") + Flow("f2", "apply", "districtReview") + Flow("f3", "districtReview", "approve") + Flow("f4", "approve", "end"));

    private static readonly Actor Applicant = Actor.User("acme-clerk", "enterprise");

    private static async Task<(Harness H, ProcessInstance Instance)> AtDistrictReview()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Approval), new { applicant = "acme-clerk" });
        await h.Complete(instance, "apply", Applicant);
        return (h, instance);
    }

    private static Guid TaskId(ProcessInstance instance) => Assert.Single(instance.Tasks).Id;

    [Fact]
    public async Task Claim_ByCandidate_Succeeds_AndASecondClaimantIsRefused()
    {
        var (h, instance) = await AtDistrictReview();
        var task = TaskId(instance);

        await h.Act(Harness.Alice, s => s.ClaimAsync(task));
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Bob, s => s.ClaimAsync(task)));
        var outsider = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Carol, s => s.CompleteAsync(task, null)));

        Assert.Equal(WorkflowErrorKind.Conflict, refused.Kind);
        Assert.Contains("alice", refused.Message);
        Assert.Equal(WorkflowErrorKind.Forbidden, outsider.Kind);
        Assert.Equal("alice", instance.Tasks[0].Assignee);

        await h.Act(Harness.Alice, s => s.UnclaimAsync(task));
        await h.Act(Harness.Bob, s => s.ClaimAsync(task));
        Assert.Equal("bob", instance.Tasks[0].Assignee);
        Assert.Equal(["alice", "alice", "bob"], h.Journal.Where(j => j.Event is "claimed" or "unclaimed").Select(j => j.Actor));
    }

    [Fact]
    public async Task Completion_CarriesTheDecision_InItsEffect()
    {
        var (h, instance) = await AtDistrictReview();
        await h.Act(Harness.Alice, s => s.ClaimAsync(TaskId(instance)));

        await h.Complete(instance, "districtReview", Harness.Alice, new { districtOutcome = "recommend" });

        var completed = Assert.Single(h.Effects.OfType<TaskCompleted>(), e => e.ElementId == "districtReview");
        Assert.Equal("alice", completed.Actor);
        Assert.Equal("recommend", completed.Variables?["districtOutcome"]?.GetValue<string>());
    }

    [Fact]
    public async Task CompletedTask_CannotBeCompletedAgain()
    {
        var (h, instance) = await AtDistrictReview();
        var task = TaskId(instance);
        await h.Act(Harness.Alice, s => s.CompleteAsync(task, null));

        var again = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Alice, s => s.CompleteAsync(task, null)));
        Assert.Equal(WorkflowErrorKind.Conflict, again.Kind);
    }

    [Fact]
    public async Task Delegate_TheDelegateHandsBack_ThenTheOwnerCompletes()
    {
        var (h, instance) = await AtDistrictReview();
        var task = TaskId(instance);
        await h.Act(Harness.Alice, s => s.ClaimAsync(task));

        await h.Act(Harness.Alice, s => s.DelegateAsync(task, "bob", "check the invoices"));
        Assert.Equal("bob", instance.Tasks[0].Assignee);
        Assert.Equal("alice", instance.Tasks[0].Owner);
        var early = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Bob, s => s.CompleteAsync(task, null)));
        Assert.Contains("hand it back", early.Message);

        await h.Act(Harness.Bob, s => s.ResolveAsync(task, Harness.ToJson(new { invoicesChecked = true })));
        Assert.Equal("alice", instance.Tasks[0].Assignee);

        await h.Act(Harness.Alice, s => s.CompleteAsync(task, null));
        Assert.Equal(["approve"], Harness.Active(instance));
        Assert.True(instance.Variables["invoicesChecked"]!.GetValue<bool>());
        Assert.Contains(h.Effects, e => e is TaskNotification { Event: "delegated" } n && n.Users.Contains("bob"));
    }

    [Fact]
    public async Task Transfer_GivesTheTaskToSomeoneElse()
    {
        var (h, instance) = await AtDistrictReview();
        var task = TaskId(instance);
        await h.Act(Harness.Alice, s => s.ClaimAsync(task));

        await h.Act(Harness.Alice, s => s.TransferAsync(task, "bob", "on leave"));
        var notMine = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Alice, s => s.CompleteAsync(task, null)));

        Assert.Equal(WorkflowErrorKind.Forbidden, notMine.Kind);
        await h.Act(Harness.Bob, s => s.CompleteAsync(task, null));
        Assert.Contains(h.Journal, j => j.Event == "transferred" && j.Actor == "alice" && j.Detail!.Contains("on leave"));
    }

    [Fact]
    public async Task AddSignersBefore_EachSigns_ThenTheTaskReturnsToTheAssignee()
    {
        var (h, instance) = await AtDistrictReview();
        var task = TaskId(instance);
        await h.Act(Harness.Alice, s => s.ClaimAsync(task));

        await h.Act(Harness.Alice, s => s.AddSignersAsync(task, ["bob", "dave"], SignerPosition.Before));
        Assert.Equal("bob", instance.Tasks[0].Assignee);
        await h.Act(Harness.Bob, s => s.CompleteAsync(task, null));
        Assert.Equal("dave", instance.Tasks[0].Assignee);
        await h.Act(Harness.Dave, s => s.CompleteAsync(task, null));
        Assert.Equal("alice", instance.Tasks[0].Assignee);
        Assert.Equal(["districtReview"], Harness.Active(instance));

        await h.Act(Harness.Alice, s => s.CompleteAsync(task, null));
        Assert.Equal(["approve"], Harness.Active(instance));
    }

    [Fact]
    public async Task AddSignersAfter_SignAfterTheAssignee_BeforeTheTaskCompletes()
    {
        var (h, instance) = await AtDistrictReview();
        var task = TaskId(instance);
        await h.Act(Harness.Alice, s => s.ClaimAsync(task));

        await h.Act(Harness.Alice, s => s.AddSignersAsync(task, ["carol"], SignerPosition.After));
        await h.Act(Harness.Alice, s => s.CompleteAsync(task, null));
        Assert.Equal("carol", instance.Tasks[0].Assignee);
        Assert.Equal(["districtReview"], Harness.Active(instance));

        await h.Act(Harness.Carol, s => s.CompleteAsync(task, null));
        Assert.Equal(["approve"], Harness.Active(instance));
    }

    [Fact]
    public async Task SendBack_ReturnsTheFileToWhoeverDidTheEarlierStep()
    {
        var (h, instance) = await AtDistrictReview();
        var task = TaskId(instance);
        await h.Act(Harness.Alice, s => s.ClaimAsync(task));

        await h.Act(Harness.Alice, s => s.SendBackAsync(task, "apply", "the audit report is missing"));

        var back = Assert.Single(instance.Tasks);
        Assert.Equal("apply", back.ElementId);
        Assert.Equal("acme-clerk", back.Assignee);
        Assert.Contains(h.Journal, j => j.Event == "sentBack" && j.Detail!.Contains("audit report"));

        var notEarlier = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Applicant, s => s.SendBackAsync(back.Id, "approve", "x")));
        Assert.Equal(WorkflowErrorKind.Invalid, notEarlier.Kind);
    }

    [Fact]
    public async Task Withdraw_WhileTheNextStepIsUntouched_BringsTheTaskBack()
    {
        var (h, instance) = await AtDistrictReview();
        Assert.Equal("districtReview", instance.Tasks[0].ElementId);

        await h.Act(Applicant, s => s.WithdrawAsync(instance.Id, "forgot an attachment"));

        var back = Assert.Single(instance.Tasks);
        Assert.Equal("apply", back.ElementId);
        Assert.Equal("acme-clerk", back.Assignee);
        Assert.Contains(h.Effects, e => e is TaskCancelled { ElementId: "districtReview" });
        Assert.Contains(h.Journal, j => j.Event == "withdrawn" && j.Actor == "acme-clerk");
    }

    [Fact]
    public async Task Withdraw_IsRefused_OnceTheNextStepWasClaimed_OrByAnotherPerson()
    {
        var (h, instance) = await AtDistrictReview();

        var stranger = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Bob, s => s.WithdrawAsync(instance.Id, "mine")));
        Assert.Equal(WorkflowErrorKind.Forbidden, stranger.Kind);

        await h.Act(Harness.Alice, s => s.ClaimAsync(TaskId(instance)));
        var late = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Applicant, s => s.WithdrawAsync(instance.Id, "too late")));
        Assert.Equal(WorkflowErrorKind.Conflict, late.Kind);
    }

    [Fact]
    public async Task RemindAndCopyTo_NotifyPeople_WithoutTouchingTheTask()
    {
        var (h, instance) = await AtDistrictReview();
        var task = TaskId(instance);

        await h.Act(Applicant, s => s.RemindAsync(task, "the window closes Friday"));
        await h.Act(Applicant, s => s.CopyToAsync(task, ["carol"]));

        Assert.Equal(1, instance.Tasks[0].Reminders);
        Assert.Equal(["carol"], instance.Tasks[0].CopiedTo);
        Assert.Contains(h.Effects, e => e is TaskNotification { Event: "reminded" } n && n.Groups.Contains("district-reviewer"));
        await h.Act(Applicant, s => s.WithdrawAsync(instance.Id, "still possible after a reminder"));
        Assert.Equal("apply", instance.Tasks[0].ElementId);
    }

    [Fact]
    public async Task ACompletion_SaysWhoTheTaskWasCopiedTo_AndNobodyForATaskNeverCopied()
    {
        var (h, first) = await AtDistrictReview();
        var second = await h.Start(h.Deploy(Approval), new { applicant = "acme-clerk" });
        await h.Complete(second, "apply", Applicant);
        await h.Act(Applicant, s => s.CopyToAsync(TaskId(first), ["carol"]));

        await h.Act(Harness.Alice, s => s.CompleteAsync(TaskId(first), null));
        await h.Act(Harness.Alice, s => s.CompleteAsync(TaskId(second), null));

        var completions = h.Effects.OfType<TaskCompleted>().Where(c => c.ElementId == "districtReview").ToList();
        Assert.Equal(["carol"], completions.Single(c => c.InstanceId == first.Id).CopiedTo);
        Assert.Empty(completions.Single(c => c.InstanceId == second.Id).CopiedTo!);
    }

    [Fact]
    public async Task Terminate_EndsTheInstanceWithAReason()
    {
        var (h, instance) = await AtDistrictReview();
        var task = TaskId(instance);

        await h.Act(Harness.Carol, s => s.EndAsync(instance.Id, InstanceStatus.Terminated, "duplicate application"));

        Assert.Equal(InstanceStatus.Terminated, instance.Status);
        Assert.Empty(instance.Tasks);
        Assert.Contains(h.Journal, j => j.Event == "terminated" && j.Actor == "carol" && j.Detail == "duplicate application");
        var after = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Alice, s => s.ClaimAsync(task)));
        Assert.Equal(WorkflowErrorKind.Conflict, after.Kind);
    }

    [Fact]
    public async Task ATaskIsNamedByItsIdAlone_TheEngineFindsItsInstance()
    {
        var (h, first) = await AtDistrictReview();
        var second = await h.Start(h.Deploy(Approval), new { applicant = "acme-clerk" });
        await h.Complete(second, "apply", Applicant);

        await h.Act(Harness.Alice, s => s.CompleteAsync(TaskId(second), null));

        Assert.Equal("approve", Assert.Single(second.Tasks).ElementId);
        Assert.Equal("districtReview", Assert.Single(first.Tasks).ElementId);
        var unknown = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Alice, s => s.CompleteAsync(Guid.NewGuid(), null)));
        Assert.Equal(WorkflowErrorKind.NotFound, unknown.Kind);
    }

    [Fact]
    public async Task CamundaInitiator_HoldsWhoStartedTheInstance()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("initiated", """
            <bpmn:startEvent id="start" camunda:initiator="starter" />
            <bpmn:userTask id="review" camunda:assignee="${starter}" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "review") + Flow("f2", "review", "end")));

        var instance = await h.Start(definition, actor: Harness.Dave);

        Assert.Equal("dave", instance.Variables["starter"]!.GetValue<string>());
        Assert.Equal("dave", h.Task(instance, "review").Assignee);
    }

    [Fact]
    public async Task HumanPerformer_IsTheAssignee_AndPotentialOwner_ListsTheCandidates()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("people", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="sign">
              <bpmn:humanPerformer><bpmn:resourceAssignmentExpression><bpmn:formalExpression>${signer}</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
            </bpmn:userTask>
            <bpmn:userTask id="check">
              <bpmn:potentialOwner><bpmn:resourceAssignmentExpression><bpmn:formalExpression>user(carol), group(district-reviewer), dept-approver</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
            </bpmn:userTask>
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "sign") + Flow("f2", "sign", "check") + Flow("f3", "check", "end")));

        var instance = await h.Start(definition, new { signer = "dave" });
        Assert.Equal("dave", h.Task(instance, "sign").Assignee);
        await h.Complete(instance, "sign", Harness.Dave);

        var check = h.Task(instance, "check");
        Assert.Null(check.Assignee);
        Assert.Equal(["carol"], check.CandidateUsers);
        Assert.Equal(["district-reviewer", "dept-approver"], check.CandidateGroups);
    }

    [Fact]
    public void AnAssigneeTogetherWithAHumanPerformer_IsRefusedAtDeploy_AsCamundaRefusesIt()
    {
        var h = new Harness();
        var result = h.Engine.Compile(System.Text.Encoding.UTF8.GetBytes(Process("twice", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="sign" camunda:assignee="bob">
              <bpmn:humanPerformer><bpmn:resourceAssignmentExpression><bpmn:formalExpression>dave</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
            </bpmn:userTask>
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "sign") + Flow("f2", "sign", "end"))));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("sign", problem.ElementId);
        Assert.Contains("assignee twice", problem.Message, StringComparison.Ordinal);
    }
}
