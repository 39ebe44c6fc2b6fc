using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Messaging;
using ProjectWorkflow.Application.Payments;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>A step of the voucher-settlement process that works on its settlement (<c>settlementId</c>).</summary>
public abstract class SettlementStep(ProjectWorkflowDbContext db, TimeProvider time) : IServiceTaskHandler
{
    protected ProjectWorkflowDbContext Db => db;
    protected DateTimeOffset Now => time.GetUtcNow();

    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var id = Guid.TryParse(context.GetText("settlementId"), out var parsed)
            ? parsed
            : throw new InvalidOperationException("The process carries no settlementId: the settlement run starts it with one.");
        var settlement = db.Set<VoucherSettlement>().Local.FirstOrDefault(s => s.Id == id)
            ?? await db.Set<VoucherSettlement>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new InvalidOperationException($"The voucher settlement {id} does not exist.");
        await RunAsync(settlement, context, cancellationToken);
    }

    protected abstract Task RunAsync(VoucherSettlement settlement, ServiceTaskContext context, CancellationToken cancellationToken);
}

/// <summary>
/// voucher.settlement.send: the released settlement goes to the treasury through the outbox, in the release's
/// transaction, paid to the provider's registered account; the treasury pays the settlement (its order key) once,
/// whatever the attempt. Sets <c>paymentKey</c>.
/// </summary>
[SetsVariables("paymentKey")]
public sealed class SendSettlement(ProjectWorkflowDbContext db, TimeProvider time, Outbox outbox, AuditTrail audit) : SettlementStep(db, time)
{
    protected override Task RunAsync(VoucherSettlement settlement, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.BusinessKey))
            throw new InvalidOperationException("A settlement's payment needs the process's business key: the treasury's answer finds the process by it.");
        settlement.Send(Now);
        context.SetVariable("paymentKey", settlement.PaymentKey);
        outbox.Send(new RequestPayment(settlement.PaymentKey!, context.InstanceId, context.BusinessKey, settlement.AmountFen, settlement.ProviderName,
            settlement.PayeeAccount, Now, OrderKey: settlement.TreasuryOrderKey), RequestPayment.Queue);
        audit.Record("voucher-settlement.sent", "voucher-settlement", settlement.Id.ToString(), detail: $"payment key {settlement.PaymentKey}; {settlement.AmountFen} fen");
        return Task.CompletedTask;
    }
}

/// <summary>
/// voucher.settlement.settle: the treasury's answer. Confirmed → the settlement and every claim on it are paid, and
/// the voucher budget books each quota's share (reserved → paid, once per settlement and quota); the provider and the
/// buyers hear of it (<see cref="VoucherSettlementPaid"/>). Rejected → back to finance with the bank's reason. An
/// answer for an earlier attempt changes nothing. Sets <c>settlement</c> = confirmed | rejected | stale.
/// </summary>
[SetsVariables("settlement")]
public sealed class SettleSettlement(ProjectWorkflowDbContext db, TimeProvider time, FundLedger ledger, Outbox outbox, AuditTrail audit) : SettlementStep(db, time)
{
    protected override async Task RunAsync(VoucherSettlement settlement, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        if (settlement.IsStale(context.GetText("paymentKey")))
        {
            context.SetVariable("settlement", "stale");
            return;
        }
        if (context.GetText("paymentStatus") != "confirmed")
        {
            settlement.RejectedByBank(context.GetText("reason"));
            context.SetVariable("settlement", "rejected");
            audit.Record("voucher-settlement.rejected-by-bank", "voucher-settlement", settlement.Id.ToString(), settlement.RejectionReason);
            return;
        }

        var claims = await Db.Set<RedemptionClaim>().Where(c => c.SettlementId == settlement.Id).ToListAsync(cancellationToken);
        var orderIds = claims.Select(c => c.OrderId).ToList();
        var orders = await Db.Set<VoucherOrder>().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var quotaIds = claims.Select(c => c.QuotaId).Distinct().ToList();
        var quotas = await Db.Set<VoucherQuota>().Where(q => quotaIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, cancellationToken);
        settlement.Paid(context.GetText("bankReference"), claims.Select(c => (c, orders[c.OrderId], quotas[c.QuotaId])).ToList(), Now);

        foreach (var quota in claims.GroupBy(c => c.QuotaId))
        {
            // Paid from the budget the quota's grant reserved in, its own year's: a claim on last year's quota whose
            // notice ended in January is settled in this year's first cycle.
            var year = quotas[quota.Key].Year;
            var budget = await ledger.FindBudgetAsync(BudgetKinds.Voucher, settlement.SchemeKey, year, cancellationToken)
                ?? throw new InvalidOperationException($"{settlement.SchemeKey} {year} has no voucher budget.");
            ledger.Add(budget, budget.Pay(quota.Key, new Money(quota.Sum(c => c.AmountFen)), await ledger.ProjectAsync(quota.Key, cancellationToken),
                ledger.Booking($"voucher-pay:{settlement.Id:N}:{quota.Key:N}", "treasury",
                    $"voucher settlement {settlement.Cycle} to {settlement.ProviderName} for quota {quotas[quota.Key].Number}, bank reference {settlement.BankReference}")));
        }

        var providerUser = await Db.Set<ServiceProvider>().Where(p => p.Id == settlement.ProviderId).Select(p => p.RegisteredBy).FirstAsync(cancellationToken);
        outbox.Publish(new VoucherSettlementPaid(settlement.Id, settlement.SchemeKey, settlement.Cycle, settlement.ProviderName, providerUser,
            orders.Values.Select(o => o.PlacedBy).Distinct().ToList(), settlement.AmountFen, settlement.ClaimCount, settlement.BankReference, Now));
        context.SetVariable("settlement", "confirmed");
        audit.Record("voucher-settlement.paid", "voucher-settlement", settlement.Id.ToString(),
            detail: $"{settlement.ProviderName}, {settlement.Cycle}: {settlement.AmountFen} fen for {settlement.ClaimCount} claims; bank reference {settlement.BankReference}");
    }
}
