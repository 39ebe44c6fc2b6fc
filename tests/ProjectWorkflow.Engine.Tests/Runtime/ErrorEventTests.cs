using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Engine.ServiceTasks;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>BPMN 2.0 §10.5.3: error events — thrown by an error end event or a service task's handler, caught by error boundary events.</summary>
public class ErrorEventTests
{
    private const string Errors = """<bpmn:error id="err_rejected" errorCode="BANK_REJECTED" /><bpmn:error id="err_other" errorCode="OTHER" />""";

    private sealed class Rejecting(string code) : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            throw new BpmnErrorException(code, "the bank said no");
    }

    private static Harness WithHandler(string code)
    {
        var h = new Harness();
        h.Handlers.Register("subsidy.calculate", new Rejecting(code));
        return h;
    }

    [Fact]
    public async Task AHandlersBpmnError_IsCaughtByTheMatchingBoundaryOnTheServiceTask()
    {
        var h = WithHandler("BANK_REJECTED");
        var definition = h.Deploy(Process("pay", """
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="transfer" camunda:type="external" camunda:topic="subsidy.calculate" />
            <bpmn:boundaryEvent id="other" attachedToRef="transfer"><bpmn:errorEventDefinition errorRef="err_other" /></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="rejected" attachedToRef="transfer"><bpmn:errorEventDefinition errorRef="err_rejected" /></bpmn:boundaryEvent>
            <bpmn:userTask id="done" />
            <bpmn:userTask id="fixAccount" />
            <bpmn:userTask id="otherwise" />
            """ + Flow("f1", "start", "transfer") + Flow("f2", "transfer", "done") + Flow("f3", "rejected", "fixAccount") + Flow("f4", "other", "otherwise"), Errors));

        var instance = await h.Start(definition);

        Assert.Equal(["fixAccount"], Harness.Active(instance));
        Assert.Empty(instance.Incidents);
        Assert.Equal(["transfer"], h.Events(instance, "errorThrown"));
        Assert.Equal(["rejected"], h.Events(instance, "errorCaught"));
    }

    [Fact]
    public async Task AnErrorEndEventInsideASubProcess_InterruptsIt_AndLeavesByTheCatchAllBoundary()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("check", """
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="checks">
              <bpmn:startEvent id="ss" />
              <bpmn:parallelGateway id="fork" />
              <bpmn:userTask id="visit" />
              <bpmn:exclusiveGateway id="ok" default="fine" />
              <bpmn:endEvent id="fraud"><bpmn:errorEventDefinition errorRef="err_other" /></bpmn:endEvent>
              <bpmn:endEvent id="se" />
              <bpmn:userTask id="audit" />
              <bpmn:sequenceFlow id="s1" sourceRef="ss" targetRef="fork" />
              <bpmn:sequenceFlow id="s2" sourceRef="fork" targetRef="visit" />
              <bpmn:sequenceFlow id="s3" sourceRef="fork" targetRef="audit" />
              <bpmn:sequenceFlow id="s4" sourceRef="visit" targetRef="ok" />
              <bpmn:sequenceFlow id="bad" sourceRef="ok" targetRef="fraud"><bpmn:conditionExpression>${fraud}</bpmn:conditionExpression></bpmn:sequenceFlow>
              <bpmn:sequenceFlow id="fine" sourceRef="ok" targetRef="se" />
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="failed" attachedToRef="checks"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:userTask id="investigate" />
            <bpmn:userTask id="approve" />
            """ + Flow("f1", "start", "checks") + Flow("f2", "checks", "approve") + Flow("f3", "failed", "investigate"), Errors));
        var instance = await h.Start(definition);

        await h.Complete(instance, "visit", Harness.Alice, new { fraud = true });

        Assert.Equal(["investigate"], Harness.Active(instance)); // audit, still open inside, was cancelled
        Assert.Contains(h.Effects, e => e is TaskCancelled { ElementId: "audit" });
    }

    [Fact]
    public async Task AnErrorUncaughtInTheCalledProcess_IsThrownAtTheCallActivity()
    {
        var h = new Harness();
        h.Deploy(Process("payment", """
            <bpmn:startEvent id="cs" />
            <bpmn:userTask id="confirm" />
            <bpmn:exclusiveGateway id="paid" default="yes" />
            <bpmn:endEvent id="ce" />
            <bpmn:endEvent id="bounced"><bpmn:errorEventDefinition errorRef="err_rejected" /></bpmn:endEvent>
            """ + Flow("c1", "cs", "confirm") + Flow("c2", "confirm", "paid") + Flow("no", "paid", "bounced", "${rejected}") + Flow("yes", "paid", "ce"), Errors));
        var parent = h.Deploy(Process("project", """
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="pay" calledElement="payment" />
            <bpmn:boundaryEvent id="payFailed" attachedToRef="pay"><bpmn:errorEventDefinition errorRef="err_rejected" /></bpmn:boundaryEvent>
            <bpmn:userTask id="close" />
            <bpmn:userTask id="retryPayment" />
            """ + Flow("f1", "start", "pay") + Flow("f2", "pay", "close") + Flow("f3", "payFailed", "retryPayment"), Errors));
        var instance = await h.Start(parent);
        var child = Assert.Single(h.Store.Instances, i => i.ParentInstanceId == instance.Id);

        await h.Complete(child, "confirm", Harness.Carol, new { rejected = true });

        Assert.Equal(InstanceStatus.Cancelled, child.Status);
        Assert.Equal(InstanceStatus.Running, instance.Status);
        Assert.Equal(["retryPayment"], Harness.Active(instance));
    }

    [Fact]
    public async Task AnUncaughtHandlerError_StopsTheBranchWithAnIncident_AndAnUncaughtErrorEndEndsItsPath()
    {
        var h = WithHandler("NOBODY_CATCHES");
        var definition = h.Deploy(Process("loose", """
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:serviceTask id="calc" camunda:type="external" camunda:topic="subsidy.calculate" />
            <bpmn:endEvent id="oops"><bpmn:errorEventDefinition errorRef="err_other" /></bpmn:endEvent>
            """ + Flow("f1", "start", "fork") + Flow("f2", "fork", "calc") + Flow("f3", "fork", "oops"), Errors));

        var instance = await h.Start(definition);

        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("calc", incident.ElementId);
        Assert.Contains("NOBODY_CATCHES", incident.Message);
        Assert.Equal(["oops"], h.Events(instance, "errorUncaught"));
    }

    [Fact]
    public void AnErrorEndEventNamingAnUnknownError_IsRefusedAtDeploy()
    {
        var result = new Harness().Engine.Compile(System.Text.Encoding.UTF8.GetBytes(Process("bad", """
            <bpmn:startEvent id="start" />
            <bpmn:endEvent id="oops"><bpmn:errorEventDefinition errorRef="nowhere" /></bpmn:endEvent>
            """ + Flow("f1", "start", "oops"))));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("oops", problem.ElementId);
        Assert.Contains("error 'nowhere'", problem.Message);
    }
}
