using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Engine.ServiceTasks;

namespace ProjectWorkflow.Application.Payments;

/// <summary>
/// The service task topic <c>payment.request</c>: sends a payment order to the treasury through the outbox,
/// in the transaction that moves the process on, so the order leaves if and only if the step commits.
/// The process then waits at a message catch event for <see cref="PaymentSettledConsumer.MessageName"/>.
/// Reads the variables <c>amountFen</c> (whole 分, required), <c>payee</c> (required), <c>payeeAccount</c>
/// and <c>paymentKey</c> (default: instance and element), and sets <c>paymentKey</c>.
/// </summary>
public sealed class RequestPaymentTask(Outbox outbox, TimeProvider time) : IServiceTaskHandler
{
    public const string Topic = "payment.request";

    public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        // Everything that can refuse comes before staging: a refusal becomes an incident in a transaction
        // that still commits, and it must not carry a half-made order with it.
        if (string.IsNullOrWhiteSpace(context.BusinessKey))
            throw new InvalidOperationException(
                "A payment needs the process's business key: the treasury's answer is matched to the process by it.");
        var amount = AmountFen(context.GetVariable("amountFen"));
        var payee = context.GetText("payee")
            ?? throw new InvalidOperationException("Set the variable 'payee' (who receives the money) before the payment step.");
        var account = context.GetText("payeeAccount");
        // Stable across a retry of the step, so the treasury recognises the same order and never pays twice.
        var key = context.GetText("paymentKey") ?? $"{context.InstanceId:N}-{context.ElementId}";
        var now = time.GetUtcNow();

        context.SetVariable("paymentKey", key);
        outbox.Send(new RequestPayment(key, context.InstanceId, context.BusinessKey, amount, payee, account, now), RequestPayment.Queue);
        outbox.Publish(new PaymentRequested(key, context.InstanceId, context.BusinessKey, amount, payee, now));
        return ValueTask.CompletedTask;
    }

    /// <summary>Money is whole 分 as a JSON integer: a fraction or a text is refused rather than rounded.</summary>
    private static long AmountFen(JsonNode? node)
    {
        // Parsed from the JSON text, whatever CLR value backs the node: "1200000" is an integer, "12.5" is not.
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var fen) && fen > 0)
            return fen;
        throw new InvalidOperationException(
            $"Set the variable 'amountFen' to the amount in whole 分 (a positive integer) before the payment step; it is {node?.ToJsonString() ?? "missing"}.");
    }
}
