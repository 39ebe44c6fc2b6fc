using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

/// <summary>
/// <c>POST /api/messages</c>: a person or an integration delivers a message, if <see cref="MessageSenders"/>
/// declares the caller's role a sender of that name. The names the system drives itself are refused here
/// with the reason; they reach their processes only through the use case or consumer that owns them.
/// </summary>
public sealed class DeliverMessageFromOutside(DeliverMessage deliver, MessageSenders senders)
{
    public Task<int> HandleAsync(DeliverMessageRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
            throw WorkflowRequestException.For("name", "Name the message (as the BPMN message element names it).");
        senders.RefuseUnlessAllowed(request.Name, actor);
        return deliver.HandleAsync(request, actor, cancellationToken);
    }
}
