using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Treasury;

/// <summary>
/// The treasury adapter shipped here: it simulates the bank. A new order is answered after
/// <c>Treasury:Simulator:DelayMs</c>, rejected with probability <c>FailureRate</c>, else confirmed with a
/// bank reference. The answer goes through the outbox in the transaction that records the payment, so it
/// is sent exactly when the payment is recorded. A second order with the same key gets the first answer again.
/// </summary>
public sealed class TreasurySimulator(
    ProjectWorkflowDbContext db,
    Inbox inbox,
    Outbox outbox,
    IOptionsMonitor<TreasurySimulatorOptions> options,
    TimeProvider time,
    ILogger<TreasurySimulator> logger) : IConsumer<RequestPayment>
{
    private const string Name = "treasury-simulator";

    public async Task Consume(ConsumeContext<RequestPayment> context)
    {
        var order = context.Message;
        var cancellationToken = context.CancellationToken;
        var receipt = InboxReceipt.Of(context, Name);
        if (await inbox.HasProcessedAsync(receipt, cancellationToken)) return;

        var payment = await db.Set<TreasuryPayment>().FirstOrDefaultAsync(p => p.PaymentKey == order.PaymentKey, cancellationToken);
        if (payment is null)
        {
            payment = await PayAsync(order, cancellationToken);
            db.Add(payment);
        }
        else
        {
            logger.LogInformation("Payment {PaymentKey} was already {Status}; answering the same again", payment.PaymentKey, payment.Status);
            if (payment.AmountFen != order.AmountFen)
                logger.LogWarning("Payment {PaymentKey} was ordered again with {Amount} 分 instead of {First} 分; the first order stands",
                    order.PaymentKey, order.AmountFen, payment.AmountFen);
        }

        if (payment.Status == TreasuryPayment.Confirmed)
            outbox.Publish(new PaymentConfirmed(payment.PaymentKey, payment.BusinessKey, payment.AmountFen, payment.BankReference!, payment.SettledAt));
        else
            outbox.Publish(new PaymentRejected(payment.PaymentKey, payment.BusinessKey, payment.AmountFen, payment.Reason!, payment.SettledAt));
        inbox.Record(receipt);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<TreasuryPayment> PayAsync(RequestPayment order, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (settings.DelayMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(settings.DelayMs), time, cancellationToken);

        var now = time.GetUtcNow();
        var reason = order.AmountFen <= 0 ? "The amount must be a positive number of 分."
            : Random.Shared.NextDouble() < settings.FailureRate ? "The payee's bank refused the transfer (simulated rejection)."
            : null;
        return new TreasuryPayment
        {
            PaymentKey = order.PaymentKey,
            InstanceId = order.InstanceId,
            BusinessKey = order.BusinessKey,
            AmountFen = order.AmountFen,
            Payee = order.Payee,
            PayeeAccount = order.PayeeAccount,
            Status = reason is null ? TreasuryPayment.Confirmed : TreasuryPayment.Rejected,
            BankReference = reason is null ? $"SIM{now:yyyyMMdd}{Guid.NewGuid():N}"[..27].ToUpperInvariant() : null,
            Reason = reason,
            RequestedAt = order.RequestedAt,
            SettledAt = now,
        };
    }
}
