using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Events;

/// <summary>Turns what a workflow command did into integration events, staged in the command's own transaction.</summary>
internal sealed class WorkflowEventsObserver(Outbox outbox) : IWorkflowSessionObserver
{
    public Task OnStagedAsync(WorkflowSession session, CancellationToken cancellationToken)
    {
        var now = session.Engine.Time.GetUtcNow();
        foreach (var effect in session.Effects)
        {
            switch (effect)
            {
                case TaskCompleted completed:
                    var instance = session.Touched.First(i => i.Id == completed.InstanceId);
                    outbox.Publish(new TaskDecided(instance.Id, instance.DefinitionKey, instance.BusinessKey, completed.TaskId,
                        completed.ElementId, completed.Actor, completed.Variables is { Count: > 0 } outcome ? outcome : null, now));
                    break;
                case MessageSent sent:
                    // A message throw event, message end event or send task: delivered to the processes that wait for it
                    // under the same business key by the bus's own consumer, after this command commits.
                    outbox.Send(new DeliverWorkflowMessage(sent.MessageName, sent.BusinessKey, null), DeliverWorkflowMessage.Queue);
                    break;
                case InstanceEnded { Status: InstanceStatus.Completed } ended:
                    var endedAt = session.Touched.FirstOrDefault(i => i.Id == ended.InstanceId)?.EndedAt ?? now;
                    outbox.Publish(new ProcessCompleted(ended.InstanceId, ended.DefinitionKey, ended.BusinessKey, endedAt));
                    break;
            }
        }
        return Task.CompletedTask;
    }
}
