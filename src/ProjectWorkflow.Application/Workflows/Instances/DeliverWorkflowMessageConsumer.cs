using MassTransit;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

/// <summary>Correlates a bus message to waiting processes, through the same use case as the HTTP route; a second copy does nothing.</summary>
public sealed class DeliverWorkflowMessageConsumer(DeliverMessage deliver) : IConsumer<DeliverWorkflowMessage>
{
    public const string Name = "deliver-workflow-message";

    public Task Consume(ConsumeContext<DeliverWorkflowMessage> context) =>
        deliver.HandleAsync(
            new DeliverMessageRequest(context.Message.Name, context.Message.CorrelationKey, context.Message.Variables),
            Actor.System,
            context.CancellationToken,
            InboxReceipt.Of(context, Name));
}
