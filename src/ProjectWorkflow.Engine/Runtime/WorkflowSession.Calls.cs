using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>Call activities: a parent waits for a child instance, and hears when it ends.</summary>
public sealed partial class WorkflowSession
{
    private abstract record FollowUp;
    private sealed record ResumeParent(Guid ParentId, Guid ExecutionId, JsonObject? Variables, EndedFromOutside? Stopped) : FollowUp;
    internal sealed record EndedFromOutside(InstanceStatus Status, string Reason);
    private sealed record CancelChild(Guid ChildId, string Reason) : FollowUp;
    private sealed record ErrorAtParent(Guid ParentId, Guid ExecutionId, string Code) : FollowUp;

    internal async ValueTask StartChildAsync(ProcessInstance parent, Execution execution, string calledKey, Guid childId,
        string? businessKey, JsonObject variables, CancellationToken cancellationToken)
    {
        var depth = 1;
        for (var p = parent; p.ParentInstanceId is { } up && depth <= Engine.Options.MaxCallDepth; depth++)
            p = await GetInstanceAsync(up, cancellationToken);
        if (depth > Engine.Options.MaxCallDepth)
            throw new InvalidOperationException($"Call activities are nested deeper than {Engine.Options.MaxCallDepth}: is a process calling itself?");

        var definition = await _store.FindLatestDefinitionAsync(calledKey, cancellationToken)
            ?? throw new InvalidOperationException($"The called process '{calledKey}' is not deployed.");
        var child = NewInstance(definition, childId, businessKey, variables);
        child.ParentInstanceId = parent.Id;
        child.ParentExecutionId = execution.Id;
        var run = new InstanceRun(this, child, definition, Actor.Id, cancellationToken);
        run.Journal(definition.Process, "started", $"called by {parent.Id}");
        var start = definition.Process.NoneStart
            ?? throw new InvalidOperationException($"The called process '{calledKey}' has no start event.");
        run.Enter(run.NewExecution(null, start.Id), start);
        await run.RunAsync();
    }

    internal void ResumeParentLater(Guid parentId, Guid executionId, JsonObject? variables, EndedFromOutside? stopped) =>
        _followUps.Enqueue(new ResumeParent(parentId, executionId, variables, stopped));

    internal void ThrowErrorAtParentLater(Guid parentId, Guid executionId, string code) =>
        _followUps.Enqueue(new ErrorAtParent(parentId, executionId, code));

    internal void CancelChildLater(Guid childId, string reason) => _followUps.Enqueue(new CancelChild(childId, reason));

    private async Task RunFollowUpsAsync(CancellationToken cancellationToken)
    {
        while (_followUps.TryDequeue(out var followUp))
        {
            switch (followUp)
            {
                case ResumeParent resume:
                {
                    var parent = await GetInstanceAsync(resume.ParentId, cancellationToken);
                    if (parent.IsEnded) break;
                    var execution = parent.FindExecution(resume.ExecutionId);
                    if (execution?.ChildInstanceId is null) break; // the parent stopped waiting (interrupted) meanwhile
                    var (_, run) = await OpenRunAsync(parent.Id, cancellationToken);
                    // As in Camunda 7, a called instance cancelled or terminated from outside takes its caller
                    // with it (and so on up the hierarchy); the caller's journal names the called instance.
                    if (resume.Stopped is { } stopped) run.EndInstance(stopped.Status, stopped.Reason, resumeParent: false);
                    else run.ResumeFromChild(execution, resume.Variables ?? []);
                    await run.RunAsync();
                    break;
                }
                case ErrorAtParent error:
                {
                    var parent = await GetInstanceAsync(error.ParentId, cancellationToken);
                    if (parent.IsEnded) break;
                    var execution = parent.FindExecution(error.ExecutionId);
                    if (execution?.ChildInstanceId is null) break;
                    var (_, run) = await OpenRunAsync(parent.Id, cancellationToken);
                    run.CatchErrorFromChild(execution, error.Code);
                    await run.RunAsync();
                    break;
                }
                case CancelChild cancel:
                {
                    var child = await GetInstanceAsync(cancel.ChildId, cancellationToken);
                    if (child.IsEnded) break;
                    var (_, run) = await OpenRunAsync(child.Id, cancellationToken);
                    run.EndInstance(InstanceStatus.Cancelled, cancel.Reason, resumeParent: false);
                    await run.RunAsync();
                    break;
                }
            }
        }
    }
}
