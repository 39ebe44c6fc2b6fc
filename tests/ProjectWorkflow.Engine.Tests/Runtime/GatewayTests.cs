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
    public async Task Exclusive_WithNoTrueConditionAndNoDefault_RefusesTheCommandNamingTheGateway_AndKeepsNothing()
    {
        var h = new Harness();
        var definition = h.Deploy(Process("strict", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" />
            <bpmn:exclusiveGateway id="decide" name="Approved?" />
            <bpmn:endEvent id="yes" />
            <bpmn:endEvent id="no" />
            """ + Flow("f1", "start", "review") + Flow("f2", "review", "decide")
                + Flow("y", "decide", "yes", "${approved == true}") + Flow("n", "decide", "no", "${approved == false}")));

        var direct = h.Deploy(Process("direct", """
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="decide" />
            <bpmn:endEvent id="yes" />
            """ + Flow("f1", "start", "decide") + Flow("y", "decide", "yes", "${approved == true}")));
        var refusedStart = await Assert.ThrowsAsync<WorkflowException>(() => h.Start(direct, new { approved = "maybe" }));
        Assert.Equal(WorkflowErrorKind.Unprocessable, refusedStart.Kind);
        Assert.Empty(h.Store.Instances);

        // Reached by completing a task: the completion is refused, the instance stays as it was.
        var instance = await h.Start(definition);
        var task = h.Task(instance, "review");
        var session = h.Engine.OpenSession(h.Store, Harness.Alice);
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => session.CompleteAsync(task.Id, Harness.ToJson(new { approved = "maybe" })));

        Assert.Equal(WorkflowErrorKind.Unprocessable, refused.Kind);
        Assert.Contains("exclusiveGateway 'decide' (Approved?)", refused.Message);
        Assert.DoesNotContain(session.Effects, e => e is IncidentRaised);
        Assert.Single(h.Store.Instances); // the refused start stored nothing
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

    [Fact]
    public async Task UnconditionedFlowsOutOfASplit_AreTakenAsTrue_AsCamundaTakesThem()
    {
        var h = new Harness();
        var exclusive = h.Deploy(Process("firstWins", """
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="decide" />
            <bpmn:userTask id="guarded" />
            <bpmn:userTask id="plain" />
            <bpmn:userTask id="later" />
            """ + Flow("f1", "start", "decide") + Flow("g", "decide", "guarded", "${amount > 100}") + Flow("p", "decide", "plain") + Flow("l", "decide", "later")));
        var inclusive = h.Deploy(Process("allPlain", """
            <bpmn:startEvent id="start" />
            <bpmn:inclusiveGateway id="split" />
            <bpmn:userTask id="a" />
            <bpmn:userTask id="b" />
            <bpmn:userTask id="c" />
            """ + Flow("f1", "start", "split") + Flow("fa", "split", "a", "${amount > 100}") + Flow("fb", "split", "b") + Flow("fc", "split", "c")));

        Assert.Equal(["plain"], Harness.Active(await h.Start(exclusive, new { amount = 5 })));
        Assert.Equal(["guarded"], Harness.Active(await h.Start(exclusive, new { amount = 500 })));
        Assert.Equal(["b", "c"], Harness.Active(await h.Start(inclusive, new { amount = 5 })));
    }
}
