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
/// is sent exactly when the payment is recorded. An order is paid at most once: a second attempt for an order it paid (or the same attempt again) gets the first answer again.
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

        var payment = await db.Set<TreasuryPayment>().FirstOrDefaultAsync(p => p.OrderKey == order.PaidOnceKey, cancellationToken);
        if (payment is null)
        {
            payment = await PayAsync(order, cancellationToken);
            db.Add(payment);
        }
        else if (payment.Status == TreasuryPayment.Rejected && payment.PaymentKey != order.PaymentKey)
        {
            // A new attempt after the bank returned the order: nothing was paid yet, so the bank tries this one.
            var attempt = await PayAsync(order, cancellationToken);
            payment.PaymentKey = attempt.PaymentKey;
            payment.AmountFen = attempt.AmountFen;
            payment.Payee = attempt.Payee;
            payment.PayeeAccount = attempt.PayeeAccount;
            payment.Status = attempt.Status;
            payment.BankReference = attempt.BankReference;
            payment.Reason = attempt.Reason;
            payment.RequestedAt = attempt.RequestedAt;
            payment.SettledAt = attempt.SettledAt;
            payment.Attempts++;
            payment.Version++;
        }
        else
        {
            // The same attempt again, or any attempt of an order already paid: the first answer stands, never a second payment.
            logger.LogInformation("Payment order {OrderKey} was already {Status} (attempt {PaymentKey}); answering {Requested} with the same",
                payment.OrderKey, payment.Status, payment.PaymentKey, order.PaymentKey);
            if (payment.AmountFen != order.AmountFen)
                logger.LogWarning("Payment order {OrderKey} was ordered again with {Amount} 分 instead of {First} 分; the first order stands",
                    payment.OrderKey, order.AmountFen, payment.AmountFen);
        }

        // The answer carries the attempt it answers, so the process that waits for that attempt takes it.
        if (payment.Status == TreasuryPayment.Confirmed)
            outbox.Publish(new PaymentConfirmed(order.PaymentKey, payment.BusinessKey, payment.AmountFen, payment.BankReference!, payment.SettledAt));
        else
            outbox.Publish(new PaymentRejected(order.PaymentKey, payment.BusinessKey, payment.AmountFen, payment.Reason!, payment.SettledAt));
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
            OrderKey = order.PaidOnceKey,
            PaymentKey = order.PaymentKey,
            Attempts = 1,
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
