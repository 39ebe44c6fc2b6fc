using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record DeliverOrderRequest(string? Deliverable);

/// <summary>The provider records the delivery of an accepted order and names its deliverable (a report, a certificate).</summary>
public sealed class DeliverOrder(ProjectWorkflowDbContext db, VoucherAccess access, TimeProvider time, AuditTrail audit)
{
    public async Task<VoucherOrderView> HandleAsync(Guid id, DeliverOrderRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (request.Deliverable?.Trim() is not { Length: > 0 and <= 1000 } deliverable)
            throw InvalidRequestException.For("deliverable", "Name the deliverable (at most 1,000 characters).", "请填写交付成果（最多 1,000 个字符）。");
        var order = await access.ProvidersOrderAsync(id, actor, cancellationToken);
        order.Deliver(deliverable, time.GetUtcNow());
        audit.Record("voucher-order.delivered", "voucher-order", order.Number, detail: deliverable);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The order changed at the same moment; reload it.", "该订单刚刚已被修改，请刷新后重试。");
        }
        return VoucherOrderView.Of(order);
    }
}
