using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications.Steps;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// installment.order: makes the payment order for the project's next installment (unique per application and
/// installment number), or sets <c>installmentAmountFen</c> = 0 when nothing is due. Sets
/// <c>installmentNumber</c>, <c>installmentAmountFen</c> and <c>paymentOrderId</c>. Run again (a retried step),
/// it finds the order it already made for this process instead of making another.
/// </summary>
[SetsVariables("installmentNumber", "installmentAmountFen", "paymentOrderId")]
public sealed class OrderInstallment(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets, FundLedger ledger, AuditTrail audit) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var orders = await Db.Set<PaymentOrder>().Where(o => o.ApplicationId == application.Id).ToListAsync(cancellationToken);
        var order = orders.FirstOrDefault(o => o.InstanceId == context.InstanceId);
        if (order is null)
        {
            var number = orders.Count == 0 ? 1 : orders.Max(o => o.InstallmentNumber) + 1;
            var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
            var approved = new Money(application.ApprovedAmountFen ?? 0);
            var ordered = new Money(orders.Sum(o => o.AmountFen));
            var amount = InstallmentDue.Next(number, approved,
                application.AcceptedAmountFen is { } accepted ? new Money(accepted) : null, ordered, rules.InstallmentPercents);
            context.SetVariable("installmentNumber", number);
            context.SetVariable("installmentAmountFen", amount.Fen);
            context.SetVariable("paymentOrderId", null);
            if (amount.Fen <= 0) return;

            var project = await ledger.ProjectAsync(application.Id, cancellationToken);
            var unpaidOrders = new Money(orders.Where(o => o.Status != PaymentOrderStatus.Paid).Sum(o => o.AmountFen));
            order = PaymentOrder.ForInstallment(application.Id, application.Number, application.SchemeKey, application.Year, number, amount,
                approved, alreadyOrdered: ordered, reservedNotOnOrder: project.Reserved - unpaidOrders,
                payee: application.PayeeName ?? await EnterpriseNameAsync(application, cancellationToken), application.PayeeAccount,
                context.InstanceId, Now);
            Db.Add(order);
            audit.RecordOrder("payment-order.created", order);
        }
        context.SetVariable("installmentNumber", order.InstallmentNumber);
        context.SetVariable("installmentAmountFen", order.AmountFen);
        context.SetVariable("paymentOrderId", order.Id.ToString());
    }

    private async Task<string> EnterpriseNameAsync(FundingApplication application, CancellationToken cancellationToken) =>
        await Db.Set<Enterprise>().Where(e => e.Id == application.EnterpriseId).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken)
        ?? throw new InvalidOperationException($"{application.Number} names no payee and its enterprise is unknown; record the agreement's payee first.");
}

/// <summary>A step of the installment-payment process that works on its payment order (<c>paymentOrderId</c>).</summary>
public abstract class PaymentOrderStep(ProjectWorkflowDbContext db, TimeProvider time) : IServiceTaskHandler
{
    protected ProjectWorkflowDbContext Db => db;
    protected DateTimeOffset Now => time.GetUtcNow();

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var id = Guid.TryParse(context.GetText("paymentOrderId"), out var parsed)
            ? parsed
            : throw new InvalidOperationException("The process carries no paymentOrderId: installment.order makes the order first.");
        var order = db.Set<PaymentOrder>().Local.FirstOrDefault(o => o.Id == id)
            ?? await db.Set<PaymentOrder>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new InvalidOperationException($"The payment order {id} does not exist.");
        await RunAsync(order, context, cancellationToken);
    }

    protected abstract Task RunAsync(PaymentOrder order, ServiceTaskContext context, CancellationToken cancellationToken);
}

/// <summary>
/// payment.send: the approved order goes to the treasury through the outbox, in the transaction of the approval.
/// The payment key is the order's and the attempt's: a retried step sends the same key. The request also names the
/// order, which the treasury pays at most once whatever the attempt.
/// The payee and amount are fixed from approval to settlement: the request is built from the enterprise's registered
/// name and account and the amount the process ordered, and checked against the order and what the ledger reserves.
/// An order that no longer matches (a row edited behind the fund's back) is held with the reason, not paid.
/// </summary>
[SetsVariables("paymentKey")]
public sealed class SendPayment(ProjectWorkflowDbContext db, TimeProvider time, Outbox outbox, FundLedger ledger, AuditTrail audit) : PaymentOrderStep(db, time)
{
    /// <summary>The key the treasury pays once: the payment order's id.</summary>
    public static string TreasuryOrderKey(Guid orderId) => PaymentOrder.TreasuryOrderKey(orderId);

    protected override async Task RunAsync(PaymentOrder order, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.BusinessKey))
            throw new InvalidOperationException("A payment needs the process's business key: the treasury's answer is matched to the process by it.");

        var application = await Db.Set<FundingApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == order.ApplicationId, cancellationToken);
        var enterprise = application is null ? null
            : await Db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == application.EnterpriseId, cancellationToken);
        var ordered = new Money(ProcessAmount(context));
        var registered = enterprise is null ? null : await AccountNumbers.RegisteredAsync(Db, enterprise.Id, cancellationToken);
        var project = await ledger.ProjectAsync(order.ApplicationId, cancellationToken);
        try
        {
            if (enterprise is null) order.Hold("the project's enterprise is not registered, so there is nobody it may be paid to");
            else order.Send(enterprise.Name, registered, ordered, project.Reserved, Now);
        }
        catch (PaymentOrderHeldException held)
        {
            // The order stays approved and unsent; the step becomes an incident carrying the reason, for finance and the administrators.
            audit.RecordOrder("payment-order.held", order, held.Reason, AuditOutcomes.Refused);
            throw;
        }

        var paymentKey = order.PaymentKey!;
        context.SetVariable("paymentKey", paymentKey);
        outbox.Send(new RequestPayment(paymentKey, context.InstanceId, context.BusinessKey, ordered.Fen, enterprise!.Name, registered, Now,
                OrderKey: TreasuryOrderKey(order.Id)),
            RequestPayment.Queue);
        outbox.Publish(new PaymentRequested(paymentKey, context.InstanceId, context.BusinessKey, ordered.Fen, enterprise.Name, Now));
        audit.RecordOrder("payment-order.sent", order);
    }

    /// <summary>What the process ordered when it made the order (its own state, not the order row).</summary>
    private static long ProcessAmount(ServiceTaskContext context) =>
        context.GetVariable("installmentAmountFen") is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<long>(out var fen) ? fen : -1;
}

/// <summary>
/// payment.settle: the treasury's answer. Confirmed → the order is paid and the ledger books it (reserved → paid);
/// rejected → the order goes back to the finance officer with the bank's reason. An answer for an earlier attempt
/// is stale and changes nothing. Sets <c>settlement</c> = confirmed | rejected | stale.
/// </summary>
[SetsVariables("settlement", "rejectionReason")]
public sealed class SettlePayment(ProjectWorkflowDbContext db, TimeProvider time, FundLedger ledger, AuditTrail audit) : PaymentOrderStep(db, time)
{
    protected override async Task RunAsync(PaymentOrder order, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        if (order.IsStale(context.GetText("paymentKey")))
        {
            context.SetVariable("settlement", "stale");
            return;
        }
        if (context.GetText("paymentStatus") == "confirmed")
        {
            var budget = await ledger.BudgetForAsync(order.SchemeKey, order.Year, cancellationToken);
            var project = await ledger.ProjectAsync(order.ApplicationId, cancellationToken);
            order.Paid(context.GetText("bankReference"), Now);
            ledger.Add(budget, budget.Pay(order.ApplicationId, order.Amount, project, ledger.Booking($"pay:{order.Id:N}", "treasury",
                $"{order.ApplicationNumber} installment {order.InstallmentNumber} paid, bank reference {order.BankReference}")));
            context.SetVariable("settlement", "confirmed");
            audit.RecordOrder("payment-order.paid", order);
        }
        else
        {
            order.RejectedByBank(context.GetText("reason"));
            context.SetVariable("settlement", "rejected");
            context.SetVariable("rejectionReason", order.RejectionReason);
            audit.RecordOrder("payment-order.rejected-by-bank", order, order.RejectionReason);
        }
    }
}
