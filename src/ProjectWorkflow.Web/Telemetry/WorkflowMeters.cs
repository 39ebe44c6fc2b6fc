using System.Diagnostics.Metrics;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Web.Telemetry;

/// <summary>
/// Counts what the engine did, once its command has committed (a command rolled back counts nothing): instances
/// started and ended (by status), tasks created and completed, timers fired, incidents raised.
/// </summary>
internal sealed class WorkflowMeters : IWorkflowCommitObserver
{
    public const string MeterName = "ProjectWorkflow.Workflows";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> InstancesStarted = Meter.CreateCounter<long>("workflow.instances.started", "{instance}", "Process instances started");
    private static readonly Counter<long> InstancesEnded = Meter.CreateCounter<long>("workflow.instances.ended", "{instance}", "Process instances ended, by status");
    private static readonly Counter<long> TasksCreated = Meter.CreateCounter<long>("workflow.tasks.created", "{task}", "User tasks created");
    private static readonly Counter<long> TasksCompleted = Meter.CreateCounter<long>("workflow.tasks.completed", "{task}", "User tasks completed");
    private static readonly Counter<long> TimersFired = Meter.CreateCounter<long>("workflow.timers.fired", "{timer}", "Timers fired");
    private static readonly Counter<long> IncidentsRaised = Meter.CreateCounter<long>("workflow.incidents.raised", "{incident}", "Incidents raised");

    public Task OnCommittedAsync(WorkflowSession session, CancellationToken cancellationToken)
    {
        Add(InstancesStarted, session.Created.Count);
        foreach (var ended in session.Effects.OfType<InstanceEnded>())
            InstancesEnded.Add(1, new KeyValuePair<string, object?>("status", ended.Status.ToString().ToLowerInvariant()));
        Add(TasksCreated, session.Effects.OfType<TaskCreated>().Count());
        Add(TasksCompleted, session.Effects.OfType<TaskCompleted>().Count());
        Add(TimersFired, session.Journal.Count(j => j.Event == "timerFired"));
        Add(IncidentsRaised, session.Effects.OfType<IncidentRaised>().Count());
        return Task.CompletedTask;
    }

    private static void Add(Counter<long> counter, int count)
    {
        if (count > 0) counter.Add(count);
    }
}
