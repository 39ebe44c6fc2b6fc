using System.Text.Json.Nodes;
using MassTransit;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Payments;

/// <summary>
/// Resumes the process that waits for its payment: the treasury's answer becomes the BPMN message
/// <c>payment.settled</c> for the payment's business key, with <c>paymentStatus</c> (confirmed | rejected),
/// <c>paymentKey</c>, <c>bankReference</c> and <c>reason</c>.
/// </summary>
public sealed class PaymentSettledConsumer(DeliverMessage deliver) : IConsumer<PaymentConfirmed>, IConsumer<PaymentRejected>
{
    public const string MessageName = "payment.settled";
    public const string Queue = "workflow-payment-settlements";
    private const string Name = "payment-settled";

    /// <summary>The journal names the treasury as the one who moved the process on.</summary>
    private static readonly Actor Treasury = new("treasury", []);

    public Task Consume(ConsumeContext<PaymentConfirmed> context) =>
        SettleAsync(context, context.Message.BusinessKey, new JsonObject
        {
            ["paymentStatus"] = "confirmed",
            ["paymentKey"] = context.Message.PaymentKey,
            ["bankReference"] = context.Message.BankReference,
            ["reason"] = null,
        });

    public Task Consume(ConsumeContext<PaymentRejected> context) =>
        SettleAsync(context, context.Message.BusinessKey, new JsonObject
        {
            ["paymentStatus"] = "rejected",
            ["paymentKey"] = context.Message.PaymentKey,
            ["bankReference"] = null,
            ["reason"] = context.Message.Reason,
        });

    private Task SettleAsync(ConsumeContext context, string businessKey, JsonObject variables) =>
        deliver.HandleAsync(new DeliverMessageRequest(MessageName, businessKey, variables), Treasury, context.CancellationToken,
            InboxReceipt.Of(context, Name));
}
