using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>BPMN 2.0 §13.3: exclusive, parallel and inclusive gateways.</summary>
public class GatewayTests
{
    private static string Exclusive => Process("route", """
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="amount" default="small" />
        <bpmn:userTask id="city" />
        <bpmn:userTask id="district" />
        <bpmn:userTask id="clerk" />
        <bpmn:endEvent id="end" />
        """ + Flow("f1", "start", "amount")
            + Flow("big", "amount", "city", "${amount > 1000000}")
            + Flow("medium", "amount", "district", "${amount gt 100000}")
            + Flow("small", "amount", "clerk")
            + Flow("f2", "city", "end") + Flow("f3", "district", "end") + Flow("f4", "clerk", "end"));

    [Theory]
    [InlineData(5_000_000, "city")]      // both conditions true: the first in document order wins
    [InlineData(500_000, "district")]
    [InlineData(50_000, "clerk")]        // none true: the default flow
    public async Task Exclusive_TakesFirstTrueCondition_ElseDefault(int amount, string expected)
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(Exclusive), new { amount });
        Assert.Equal([expected], Harness.Active(instance));
    }

    [Fact]
    public async Task Exclusive_WithNoTrueConditionAndNoDefault_RaisesIncident_RetryWithVariablesResumes()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("strict", """
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="decide" />
            <bpmn:endEvent id="yes" />
            <bpmn:endEvent id="no" />
            """ + Flow("f1", "start", "decide") + Flow("y", "decide", "yes", "${approved == true}") + Flow("n", "decide", "no", "${approved == false}")));

        var instance = await h.Start(definition, new { approved = "maybe" });

        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("decide", incident.ElementId);
        Assert.Equal("noPath", incident.Kind);
        Assert.Equal(InstanceStatus.Faulted, instance.Status);

        await h.Act(Actor.System, s => s.RetryIncidentAsync(instance.Id, incident.Id, Harness.ToJson(new { approved = true })));

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Contains("yes", instance.CompletedElementIds);
    }

    [Fact]
    public async Task Exclusive_ConditionOnUnknownVariable_IsAnExpressionIncident()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("unknown", """
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="decide" default="d" />
            <bpmn:endEvent id="a" />
            <bpmn:endEvent id="b" />
            """ + Flow("f1", "start", "decide") + Flow("c", "decide", "a", "${score > 60}") + Flow("d", "decide", "b")));

        var instance = await h.Start(definition);

        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("expression", incident.Kind);
        Assert.Contains("score", incident.Message);
    }

    private static string ForkJoin(string kind) => Process("forkjoin", $"""
        <bpmn:startEvent id="start" />
        <bpmn:{kind} id="fork" />
        <bpmn:userTask id="finance" />
        <bpmn:userTask id="technical" />
        <bpmn:userTask id="legal" />
        <bpmn:{kind} id="join" />
        <bpmn:userTask id="decide" />
        <bpmn:endEvent id="end" />
        """ + Flow("f1", "start", "fork")
            + Flow("toFinance", "fork", "finance", kind == "inclusiveGateway" ? "${needsFinance}" : null)
            + Flow("toTechnical", "fork", "technical", kind == "inclusiveGateway" ? "${needsTechnical}" : null)
            + Flow("toLegal", "fork", "legal", kind == "inclusiveGateway" ? "${needsLegal}" : null)
            + Flow("j1", "finance", "join") + Flow("j2", "technical", "join") + Flow("j3", "legal", "join")
            + Flow("f2", "join", "decide") + Flow("f3", "decide", "end"));

    [Fact]
    public async Task Parallel_ForksAllBranches_AndJoinWaitsForEveryOne()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(ForkJoin("parallelGateway")));
        Assert.Equal(["finance", "legal", "technical"], Harness.Active(instance));

        await h.Complete(instance, "finance", Harness.Alice);
        await h.Complete(instance, "legal", Harness.Alice);
        Assert.Equal(["join", "technical"], Harness.Active(instance));

        await h.Complete(instance, "technical", Harness.Alice);
        Assert.Equal(["decide"], Harness.Active(instance));
        Assert.Single(h.Events(instance, "joined"));
    }

    [Fact]
    public async Task Inclusive_ForksTrueBranches_AndJoinWaitsOnlyForThose()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(ForkJoin("inclusiveGateway")), new { needsFinance = true, needsTechnical = true, needsLegal = false });
        Assert.Equal(["finance", "technical"], Harness.Active(instance));

        await h.Complete(instance, "technical", Harness.Alice);
        Assert.Equal(["finance", "join"], Harness.Active(instance));

        await h.Complete(instance, "finance", Harness.Alice);
        Assert.Equal(["decide"], Harness.Active(instance));
        Assert.DoesNotContain("toLegal", instance.TakenFlowIds);
    }

    [Fact]
    public async Task Inclusive_SingleTrueBranch_PassesJoinAtOnce()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(ForkJoin("inclusiveGateway")), new { needsFinance = false, needsTechnical = false, needsLegal = true });
        await h.Complete(instance, "legal", Harness.Alice);
        Assert.Equal(["decide"], Harness.Active(instance));
    }
}
