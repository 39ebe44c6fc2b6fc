using System.Globalization;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// Asynchronous continuations (camunda:asyncBefore / asyncAfter): the command that reaches the boundary stops there
/// and leaves a job; the job continues the token in a transaction of its own. A job that fails keeps nothing of its
/// run and is tried again (camunda:failedJobRetryTimeCycle); when its tries run out it becomes an incident.
/// </summary>
internal sealed partial class InstanceRun
{
    public const string FailedJobIncident = "failedJob";

    /// <summary>The job this run executes; a failure in it throws instead of raising an incident.</summary>
    private Bookmark? _job;

    private void CreateJob(Execution execution, FlowNode node, JobPhase phase)
    {
        Revocable = false;
        execution.State = ExecutionState.Waiting;
        var job = new Bookmark
        {
            Id = _instance.NextId(),
            Kind = BookmarkKind.Job,
            ExecutionId = execution.Id,
            ElementId = node.Id,
            DueAt = Now,
            JobPhase = phase,
        };
        _instance.Bookmarks.Add(job);
        Journal(node, "jobCreated", phase == JobPhase.Before ? "asyncBefore" : "asyncAfter");
        _session.AddEffect(new JobScheduled(_instance.Id, job.Id, job.DueAt.Value));
    }

    /// <summary>The job's turn: the token goes on from the boundary, past it this time.</summary>
    public void RunJob(Bookmark job)
    {
        var node = _process.Node(job.ElementId);
        var execution = _instance.FindExecution(job.ExecutionId)
            ?? throw WorkflowException.Conflict($"The execution the job at '{job.ElementId}' continues no longer exists.", $"环节“{job.ElementId}”处作业要继续的执行流已不存在。");
        _job = job;
        _instance.Bookmarks.Remove(job);
        execution.State = ExecutionState.Active;
        Journal(node, "jobExecuted", job.JobPhase == JobPhase.After ? "asyncAfter" : "asyncBefore");
        var phase = job.JobPhase ?? JobPhase.Before;
        // After an end event there is no way out to take: the job reaches the end (ReachEnd) in its place.
        _agenda.Enqueue(new Step(execution, node, Leaving: phase == JobPhase.After && node is not EndEvent, Past: phase));
    }

    /// <summary>A try failed (its run already thrown away): try again later, or stop with an incident when no try is left.</summary>
    public void RecordJobFailure(Bookmark job, string reason)
    {
        var node = _process.Node(job.ElementId);
        var retries = node.Retries;
        job.Fired++;
        job.LastError = reason.Length > 2000 ? reason[..2000] : reason;
        if (job.Fired < retries.Attempts)
        {
            job.DueAt = retries.Wait is { } wait ? wait.AddTo(Now) : Now;
            Journal(node, "jobFailed", $"try {job.Fired} of {retries.Attempts}, next at {job.DueAt.Value.ToString("O", CultureInfo.InvariantCulture)}: {job.LastError}");
            _session.AddEffect(new JobScheduled(_instance.Id, job.Id, job.DueAt.Value));
            return;
        }

        _instance.Bookmarks.Remove(job);
        Journal(node, "jobFailed", $"try {job.Fired} of {retries.Attempts}, no try left: {job.LastError}");
        var execution = _instance.FindExecution(job.ExecutionId)
            ?? throw WorkflowException.Conflict($"The execution the job at '{job.ElementId}' continues no longer exists.", $"环节“{job.ElementId}”处作业要继续的执行流已不存在。");
        Fault(execution, node, FailedJobIncident,
            $"The job {(job.JobPhase == JobPhase.After ? "after" : "before")} {node.Kind} '{node.Id}' failed {job.Fired} times; last: {job.LastError}",
            job.JobPhase == JobPhase.After ? IncidentPhase.Leave : IncidentPhase.Enter);
    }
}
