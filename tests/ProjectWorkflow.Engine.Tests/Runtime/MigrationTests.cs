using ProjectWorkflow.Engine.Runtime;
using static ProjectWorkflow.Engine.Tests.Runtime.Bpmn;

namespace ProjectWorkflow.Engine.Tests.Runtime;

/// <summary>Versions: instances stay on their version until migrated, and a migration never strands a token.</summary>
public class MigrationTests
{
    private static string V1 => Process("scheme", """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" />
        <bpmn:endEvent id="end" />
        """ + Flow("f1", "start", "review") + Flow("f2", "review", "end"));

    private static string V2 => Process("scheme", """
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="districtReview" />
        <bpmn:userTask id="expertReview" />
        <bpmn:endEvent id="end" />
        """ + Flow("f1", "start", "districtReview") + Flow("f2", "districtReview", "expertReview") + Flow("f3", "expertReview", "end"));

    [Fact]
    public async Task Deploy_SameBytesKeepTheVersion_NewBytesMakeANewOne_InstancesStayPinned()
    {
        var h = new Harness();
        var v1 = h.Deploy(V1);
        Assert.Same(v1, h.Deploy(V1));
        var instance = await h.Start(v1);
        var v2 = h.Deploy(V2);

        Assert.Equal(1, v1.Version);
        Assert.Equal(2, v2.Version);
        Assert.Equal(1, instance.Version);
        await h.Complete(instance, "review", Harness.Alice);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task Migrate_WithMapping_MovesTheTask()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(V1));
        var v2 = h.Deploy(V2);

        await h.Act(Harness.Carol, s => s.MigrateAsync(instance.Id, v2, new Dictionary<string, string> { ["review"] = "districtReview" }));
        await h.Complete(instance, "districtReview", Harness.Alice);

        Assert.Equal(2, instance.Version);
        Assert.Equal(["expertReview"], Harness.Active(instance));
        Assert.Contains(h.Journal, j => j.Event == "migrated");
    }

    [Fact]
    public async Task Migrate_ThatWouldStrandAToken_IsRefusedAndChangesNothing()
    {
        var h = new Harness();
        var instance = await h.Start(h.Deploy(V1));
        var v2 = h.Deploy(V2);

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => h.Act(Harness.Carol, s => s.MigrateAsync(instance.Id, v2, null)));

        Assert.Equal(WorkflowErrorKind.Invalid, refused.Kind);
        Assert.Contains("'review'", refused.Message);
        Assert.Equal(1, instance.Version);
        Assert.Equal("review", instance.Tasks[0].ElementId);
    }
}
