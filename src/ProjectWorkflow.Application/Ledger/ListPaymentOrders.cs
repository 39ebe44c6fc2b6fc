using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

public sealed record ListPaymentOrdersRequest(string? Status, Guid? ApplicationId, int? Skip, int? Take);

/// <summary>Payment orders, newest first, by status (awaiting-approval, approved, sent, paid, rejected) and application;
/// account numbers in full only for finance officers (masked for administrators and auditors).</summary>
public sealed class ListPaymentOrders(ProjectWorkflowDbContext db)
{
    private static readonly string[] Statuses =
        [.. new[] { PaymentOrderStatus.AwaitingApproval, PaymentOrderStatus.Approved, PaymentOrderStatus.Sent, PaymentOrderStatus.Paid, PaymentOrderStatus.Rejected }
            .Select(PaymentOrderStatusText.Of)];

    public async Task<IReadOnlyList<PaymentOrderView>> HandleAsync(ListPaymentOrdersRequest request, Engine.Runtime.Actor viewer, CancellationToken cancellationToken)
    {
        if (request.Status is { } s && !Statuses.Contains(s))
            throw InvalidRequestException.For("status", $"The status is one of {string.Join(", ", Statuses)}.", $"状态须为：{string.Join("、", Statuses)}。");
        var take = request.Take ?? 100;
        if (take is < 1 or > 500) throw InvalidRequestException.For("take", "Take 1 to 500 orders at a time.", "每次可查询 1 至 500 张拨付单。");
        var query = db.Set<PaymentOrder>().AsNoTracking();
        if (request.Status is { } text)
        {
            var status = PaymentOrderStatusText.Parse(text);
            query = query.Where(o => o.Status == status);
        }
        if (request.ApplicationId is { } id) query = query.Where(o => o.ApplicationId == id);
        var orders = await query.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id).Skip(Math.Max(0, request.Skip ?? 0)).Take(take).ToListAsync(cancellationToken);
        return orders.Select(o => PaymentOrderView.For(o, viewer)).ToList();
    }

    public async Task<PaymentOrderView> GetAsync(Guid id, Engine.Runtime.Actor viewer, CancellationToken cancellationToken) =>
        PaymentOrderView.For(await db.Set<PaymentOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException($"There is no payment order {id}.", $"拨付单 {id} 不存在。"), viewer);
}
