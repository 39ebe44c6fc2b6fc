using MassTransit;

namespace ProjectWorkflow.Application.Messaging;

/// <summary>Which message a consumer is acting on, and under what name it records having done so.</summary>
public sealed record InboxReceipt(Guid MessageId, string Consumer)
{
    public static InboxReceipt Of(ConsumeContext context, string consumer) =>
        new(context.MessageId ?? throw new InvalidOperationException(
                $"A message without a MessageId reached {consumer}: it cannot be told from a copy, so it is refused."),
            consumer);

    /// <summary>The receipt of the same message for one process instance, when one message resumes several, each in its own transaction.</summary>
    public InboxReceipt ForInstance(Guid instanceId) => this with { Consumer = $"{Consumer}/{instanceId:N}" };
}
