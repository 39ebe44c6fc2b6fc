using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// The buyer confirms it received the service its provider recorded as delivered (确认交付); only then may the provider
/// claim redemption (DeliveryNotConfirmed). The enterprise that holds the order confirms it, or the team member who
/// placed it; anyone else is told there is no such order.
/// </summary>
public sealed class ConfirmDelivery(ProjectWorkflowDbContext db, VoucherAccess access, TimeProvider time, AuditTrail audit)
{
    public async Task<VoucherOrderView> HandleAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var order = await access.BuyersOrderAsync(id, actor, cancellationToken);
        order.ConfirmDelivery(actor.Id, time.GetUtcNow());
        audit.Record("voucher-order.delivery-confirmed", "voucher-order", order.Number, detail: order.Deliverable);
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
