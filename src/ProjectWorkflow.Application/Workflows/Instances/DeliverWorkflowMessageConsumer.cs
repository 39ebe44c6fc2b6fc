using MassTransit;
using Microsoft.Extensions.Logging;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

/// <summary>
/// Correlates a bus message to waiting processes, through the same use case as the HTTP route; a second copy does nothing.
/// The names the system drives itself (<see cref="MessageSenders.SystemOnly"/>) are not taken from this generic queue:
/// a settlement comes only from the treasury's answer, a recovery or change only from its use case.
/// </summary>
public sealed class DeliverWorkflowMessageConsumer(DeliverMessage deliver, ILogger<DeliverWorkflowMessageConsumer> logger) : IConsumer<DeliverWorkflowMessage>
{
    public const string Name = "deliver-workflow-message";

    public Task Consume(ConsumeContext<DeliverWorkflowMessage> context)
    {
        if (MessageSenders.SystemOnly.TryGetValue(context.Message.Name, out var source))
        {
            logger.LogWarning("Refused the message {Name} for {CorrelationKey} from the generic queue: {Source}",
                context.Message.Name, context.Message.CorrelationKey, source.English);
            return Task.CompletedTask;
        }
        return deliver.HandleAsync(
            new DeliverMessageRequest(context.Message.Name, context.Message.CorrelationKey, context.Message.Variables),
            Actor.System,
            context.CancellationToken,
            InboxReceipt.Of(context, Name));
    }
}
