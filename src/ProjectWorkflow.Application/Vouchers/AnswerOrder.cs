using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record AnswerOrderRequest(bool? Accept, string? Reason);

/// <summary>
/// The provider accepts an order, or declines it with a reason: the share goes back to the quota (or, when the quota
/// has lapsed meanwhile, back to the voucher budget).
/// </summary>
public sealed class AnswerOrder(ProjectWorkflowDbContext db, VoucherAccess access, FundLedger ledger, TimeProvider time, AuditTrail audit)
{
    public async Task<VoucherOrderView> HandleAsync(Guid id, AnswerOrderRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (request.Accept is not { } accept) throw InvalidRequestException.For("accept", "Say whether the order is accepted (true) or declined (false).", "请说明是否接受订单：true（接受）或 false（拒绝）。");
        var reason = request.Reason?.Trim();
        if (!accept && string.IsNullOrEmpty(reason)) throw InvalidRequestException.For("reason", "Say why the order is declined; the buyer reads it.", "请说明拒绝订单的理由，下单方可见。");
        if (reason is { Length: > 1000 }) throw InvalidRequestException.For("reason", "At most 1,000 characters.", "最多 1,000 个字符。");

        var order = await access.ProvidersOrderAsync(id, actor, cancellationToken);
        var now = time.GetUtcNow();
        if (accept) order.Accept(actor.Id, now);
        else
        {
            var quota = await db.Set<VoucherQuota>().FirstAsync(q => q.Id == order.QuotaId, cancellationToken);
            var returned = order.Decline(quota, actor.Id, reason!, now);
            if (returned.Fen > 0)
            {
                var budget = await ledger.FindBudgetAsync(BudgetKinds.Voucher, quota.SchemeKey, quota.Year, cancellationToken)
                    ?? throw new InvalidOperationException($"{quota.SchemeKey} {quota.Year} has no voucher budget.");
                ledger.Add(budget, budget.Release(quota.Id, returned, await ledger.ProjectAsync(quota.Id, cancellationToken),
                    ledger.Booking($"voucher-decline:{order.Id:N}", actor.Id, $"order {order.Number} declined after quota {quota.Number} lapsed")));
            }
        }
        audit.Record(accept ? "voucher-order.accepted" : "voucher-order.declined", "voucher-order", order.Number, reason);
        await SaveAsync(cancellationToken);
        return VoucherOrderView.Of(order);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The order or its quota changed at the same moment; reload it.", "该订单或其券额度刚刚已被修改，请刷新后重试。");
        }
    }
}
