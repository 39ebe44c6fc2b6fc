using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>BPMN 2.0 §10.3.5 and §10.3.6: embedded sub-processes and call activities.</summary>
public class ScopeTests
{
    private static string Review => Process("site", """
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="siteCheck">
          <bpmn:startEvent id="subStart" />
          <bpmn:parallelGateway id="fork" />
          <bpmn:userTask id="visit" />
          <bpmn:userTask id="audit" />
          <bpmn:parallelGateway id="join" />
          <bpmn:endEvent id="subEnd" />
          <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="fork" />
          <bpmn:sequenceFlow id="s2" sourceRef="fork" targetRef="visit" />
          <bpmn:sequenceFlow id="s3" sourceRef="fork" targetRef="audit" />
          <bpmn:sequenceFlow id="s4" sourceRef="visit" targetRef="join" />
          <bpmn:sequenceFlow id="s5" sourceRef="audit" targetRef="join" />
          <bpmn:sequenceFlow id="s6" sourceRef="join" targetRef="subEnd" />
        </bpmn:subProcess>
        <bpmn:boundaryEvent id="overdue" attachedToRef="siteCheck"><bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:userTask id="jointReview" />
        <bpmn:userTask id="escalate" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="end2" />
        """ + Flow("f1", "start", "siteCheck") + Flow("f2", "siteCheck", "jointReview") + Flow("f3", "jointReview", "end")
            + Flow("f4", "overdue", "escalate") + Flow("f5", "escalate", "end2"));

    [Fact]
    public async Task SubProcess_RunsItsOwnTokens_AndCompletesWhenTheyEnd()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Review));
        Assert.Equal(["audit", "visit"], Harness.Active(instance));

        await h.Complete(instance, "visit", Harness.Alice);
        await h.Complete(instance, "audit", Harness.Alice);

        Assert.Equal(["jointReview"], Harness.Active(instance));
        Assert.Contains("siteCheck", instance.CompletedElementIds);
        Assert.Empty(instance.Bookmarks);
    }

    [Fact]
    public async Task BoundaryTimerOnSubProcess_CancelsEverythingInside()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Review));
        await h.Complete(instance, "visit", Harness.Alice);

        await h.Advance(TimeSpan.FromDays(30));

        Assert.Equal(["escalate"], Harness.Active(instance));
        Assert.DoesNotContain(instance.Executions, e => e.ElementId is "audit" or "join");
    }

    [Fact]
    public async Task CallActivity_WaitsForTheChild_AndTakesBackItsVariables()
    {
        var h = new Harness();
        h.Deploy(Process("agreement", """
            <bpmn:startEvent id="cStart" />
            <bpmn:userTask id="sign" />
            <bpmn:endEvent id="cEnd" />
            """ + Flow("c1", "cStart", "sign") + Flow("c2", "sign", "cEnd")));
        var parent = h.Deploy(Process("project", """
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="callAgreement" calledElement="agreement" />
            <bpmn:userTask id="pay" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "callAgreement") + Flow("f2", "callAgreement", "pay") + Flow("f3", "pay", "end")));

        var instance = await h.Start(parent, new { amount = 500 }, businessKey: "APP-5");
        var child = Assert.Single(h.Store.Instances, i => i.ParentInstanceId == instance.Id);
        Assert.Equal("APP-5", child.BusinessKey);
        Assert.Equal(500, child.Variables["amount"]!.GetValue<int>());
        Assert.Empty(instance.Tasks);

        await h.Complete(child, "sign", Harness.Carol, new { agreementNo = "AG-1" });

        Assert.Equal(InstanceStatus.Completed, child.Status);
        Assert.Equal(["pay"], Harness.Active(instance));
        Assert.Equal("AG-1", instance.Variables["agreementNo"]!.GetValue<string>());
    }

    [Fact]
    public async Task CancellingTheParent_CancelsTheChild()
    {
        var h = new Harness();
        h.Deploy(Process("child", """<bpmn:startEvent id="cs" /><bpmn:userTask id="t" /><bpmn:endEvent id="ce" />""" + Flow("c1", "cs", "t") + Flow("c2", "t", "ce")));
        var parent = h.Deploy(Process("parent", """<bpmn:startEvent id="s" /><bpmn:callActivity id="call" calledElement="child" /><bpmn:endEvent id="e" />""" + Flow("f1", "s", "call") + Flow("f2", "call", "e")));
        var instance = await h.Start(parent);
        var child = Assert.Single(h.Store.Instances, i => i.ParentInstanceId == instance.Id);

        await h.Act(Harness.Carol, s => s.EndAsync(instance.Id, InstanceStatus.Cancelled, "withdrawn by applicant"));

        Assert.Equal(InstanceStatus.Cancelled, instance.Status);
        Assert.Equal(InstanceStatus.Cancelled, child.Status);
        Assert.Empty(child.Tasks);
    }

    [Fact]
    public async Task TerminateInsideSubProcess_EndsOnlyTheSubProcess()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("inner", """
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="ss" />
              <bpmn:parallelGateway id="fork" />
              <bpmn:userTask id="stuck" />
              <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition /></bpmn:endEvent>
              <bpmn:endEvent id="se" />
              <bpmn:sequenceFlow id="s1" sourceRef="ss" targetRef="fork" />
              <bpmn:sequenceFlow id="s2" sourceRef="fork" targetRef="stuck" />
              <bpmn:sequenceFlow id="s3" sourceRef="fork" targetRef="kill" />
              <bpmn:sequenceFlow id="s4" sourceRef="stuck" targetRef="se" />
            </bpmn:subProcess>
            <bpmn:userTask id="next" />
            <bpmn:endEvent id="end" />
            """ + Flow("f1", "start", "sub") + Flow("f2", "sub", "next") + Flow("f3", "next", "end")));

        var instance = await h.Start(definition);

        Assert.Equal(InstanceStatus.Running, instance.Status);
        Assert.Equal(["next"], Harness.Active(instance));
    }

    [Fact]
    public async Task NestedCallActivities_GiveEveryInstanceItsOwnId_AtAnyDepth()
    {
        var h = new Harness();
        h.Deploy(Process("level3", """<bpmn:startEvent id="s3" /><bpmn:userTask id="deepest" /><bpmn:endEvent id="e3" />""" + Flow("g1", "s3", "deepest") + Flow("g2", "deepest", "e3")));
        h.Deploy(Process("level2", """<bpmn:startEvent id="s2" /><bpmn:callActivity id="call3" calledElement="level3" /><bpmn:endEvent id="e2" />""" + Flow("c1", "s2", "call3") + Flow("c2", "call3", "e2")));
        var level1 = h.Deploy(Process("level1", """<bpmn:startEvent id="s1" /><bpmn:callActivity id="call2" calledElement="level2" /><bpmn:endEvent id="e1" />""" + Flow("f1", "s1", "call2") + Flow("f2", "call2", "e1")));

        var top = await h.Start(level1);

        var middle = Assert.Single(h.Store.Instances, i => i.ParentInstanceId == top.Id);
        var bottom = Assert.Single(h.Store.Instances, i => i.ParentInstanceId == middle.Id);
        Assert.Equal(3, new[] { top.Id, middle.Id, bottom.Id }.Distinct().Count());

        await h.Complete(bottom, "deepest", Harness.Alice);

        Assert.All([top, middle, bottom], i => Assert.Equal(InstanceStatus.Completed, i.Status));
    }

    [Fact]
    public async Task CancellingTheCalledInstance_EndsItsCaller_AsCamundaDoes()
    {
        var h = new Harness();
        h.Deploy(Process("child", """<bpmn:startEvent id="cs" /><bpmn:userTask id="t" /><bpmn:endEvent id="ce" />""" + Flow("c1", "cs", "t") + Flow("c2", "t", "ce")));
        var parent = h.Deploy(Process("parent", """<bpmn:startEvent id="s" /><bpmn:callActivity id="call" calledElement="child" /><bpmn:endEvent id="e" />""" + Flow("f1", "s", "call") + Flow("f2", "call", "e")));
        var instance = await h.Start(parent);
        var child = Assert.Single(h.Store.Instances, i => i.ParentInstanceId == instance.Id);

        await h.Act(Harness.Carol, s => s.EndAsync(child.Id, InstanceStatus.Cancelled, "entered twice"));

        Assert.Equal(InstanceStatus.Cancelled, child.Status);
        Assert.Equal(InstanceStatus.Cancelled, instance.Status);
        Assert.Empty(instance.Incidents);
        Assert.Contains(h.Journal, j => j.InstanceId == instance.Id && j.Event == "cancelled" && j.Detail!.Contains(child.Id.ToString()) && j.Detail.Contains("entered twice"));
    }

    [Fact]
    public async Task Expressions_AreEvaluated_InTaskNames_CalledElements_MessageNames_Assignees_AndDueDates()
    {
        var h = new Harness();
        h.Deploy(Process("site-visit", """<bpmn:startEvent id="cs" /><bpmn:userTask id="visit" /><bpmn:endEvent id="ce" />""" + Flow("c1", "cs", "visit") + Flow("c2", "visit", "ce")));
        var definition = h.Deploy(Process("expressive", """
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="review" name="Review ${number}" camunda:assignee="${reviewer}" camunda:dueDate="${deadline}" />
            <bpmn:callActivity id="check" calledElement="${checkProcess}" />
            <bpmn:intermediateCatchEvent id="invoice"><bpmn:messageEventDefinition messageRef="msg_invoice" /></bpmn:intermediateCatchEvent>
            """ + Flow("f1", "start", "fork") + Flow("f2", "fork", "review") + Flow("f3", "fork", "check") + Flow("f4", "fork", "invoice"),
            """<bpmn:message id="msg_invoice" name="invoice-${number}" />"""));

        var instance = await h.Start(definition, new { number = "A-7", reviewer = "bob", deadline = "P3D", checkProcess = "site-visit" }, businessKey: "APP-7");

        var review = h.Task(instance, "review");
        Assert.Equal("Review A-7", review.Name);
        Assert.Equal("bob", review.Assignee);
        Assert.Equal(h.Time.GetUtcNow().AddDays(3), review.DueAt);
        var child = Assert.Single(h.Store.Instances, i => i.ParentInstanceId == instance.Id);
        Assert.Equal("site-visit", child.DefinitionKey);
        Assert.Equal(0, await h.Send("invoice-${number}", "APP-7"));
        Assert.Equal(1, await h.Send("invoice-A-7", "APP-7"));
        Assert.Contains("invoice", instance.CompletedElementIds);
    }

    [Fact]
    public async Task CamundaInAndOut_PassOnlyWhatTheyName_AndTheBusinessKeyOnlyWhenMapped()
    {
        var h = new Harness();
        h.Deploy(Process("agreement", """
            <bpmn:startEvent id="cStart" />
            <bpmn:userTask id="sign" />
            <bpmn:endEvent id="cEnd" />
            """ + Flow("c1", "cStart", "sign") + Flow("c2", "sign", "cEnd")));
        var parent = h.Deploy(Process("project", """
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="mapped" calledElement="agreement">
              <bpmn:extensionElements>
                <camunda:in source="amount" target="sum" />
                <camunda:in sourceExpression="${amount * 2}" target="double" />
                <camunda:in businessKey="#{execution.processBusinessKey}" />
                <camunda:out source="agreementNo" target="contract" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:callActivity id="bare" calledElement="agreement">
              <bpmn:extensionElements><camunda:in source="amount" target="amount" /></bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:userTask id="pay" />
            """ + Flow("f1", "start", "mapped") + Flow("f2", "mapped", "bare") + Flow("f3", "bare", "pay")));

        var instance = await h.Start(parent, new { amount = 500, secret = "internal" }, businessKey: "APP-5");

        var first = Assert.Single(h.Store.Instances, i => i.ParentInstanceId == instance.Id);
        Assert.Equal("APP-5", first.BusinessKey);
        Assert.Equal(["double", "sum"], first.Variables.Select(v => v.Key).Order());
        Assert.Equal(500, first.Variables["sum"]!.GetValue<int>());
        Assert.Equal(1000m, first.Variables["double"]!.GetValue<decimal>());

        await h.Complete(first, "sign", Harness.Carol, new { agreementNo = "AG-1", scratch = "x" });

        Assert.Equal("AG-1", instance.Variables["contract"]!.GetValue<string>());
        Assert.False(instance.Variables.ContainsKey("agreementNo"));
        Assert.False(instance.Variables.ContainsKey("scratch"));
        var second = Assert.Single(h.Store.Instances, i => i.ParentInstanceId == instance.Id && i.Id != first.Id);
        Assert.Null(second.BusinessKey); // not mapped: Camunda gives the called instance none

        await h.Complete(second, "sign", Harness.Carol, new { agreementNo = "AG-2" });
        Assert.Equal("AG-1", instance.Variables["contract"]!.GetValue<string>()); // no camunda:out: nothing comes back
        Assert.Equal(["pay"], Harness.Active(instance));
    }
}
