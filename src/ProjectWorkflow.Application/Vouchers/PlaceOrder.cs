using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record PlaceOrderRequest(Guid? QuotaId, Guid? ProviderId, string? ItemKey, long? ContractValueFen, long? VoucherShareFen);

/// <summary>
/// The quota's holder orders a catalogue service from a provider: the contract value and the voucher's share, checked
/// to the fen against the co-payment ratio, the per-claim cap and the quota left; a suspended, unvetted or related
/// provider, or a lapsed quota, is refused. The quota holds the share until the order is declined or paid.
/// </summary>
public sealed class PlaceOrder(ProjectWorkflowDbContext db, VoucherRuleSets ruleSets, VoucherAccess access, TimeProvider time, AuditTrail audit)
{
    public async Task<VoucherOrderView> HandleAsync(PlaceOrderRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (request.QuotaId is null) errors.Add(FieldError.Of("quotaId", "The quota the order draws on.", "请选择本订单使用的券额度。"));
        if (request.ProviderId is null) errors.Add(FieldError.Of("providerId", "The provider that delivers the service.", "请选择提供服务的服务机构。"));
        if (request.ItemKey is not { Length: > 0 and <= 64 }) errors.Add(FieldError.Of("itemKey", "The catalogue item ordered.", "请选择所订的目录服务项目。"));
        if (request.ContractValueFen is not (> 0 and <= Money.MaxFen)) errors.Add(FieldError.Of("contractValueFen", "The contract value, in positive integer fen.", "请填写合同金额（分，正整数）。"));
        if (request.VoucherShareFen is not (> 0 and <= Money.MaxFen)) errors.Add(FieldError.Of("voucherShareFen", "The share the voucher pays, in positive integer fen.", "请填写用券金额（分，正整数）。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var quota = await access.VisibleQuotaAsync(request.QuotaId!.Value, actor, cancellationToken, tracked: true);
        if (!await access.OwnsQuotaAsync(quota, actor, cancellationToken)) throw new ForbiddenException("Only the quota's holder orders with it.", "只有额度持有人可以使用该额度下单。");
        var provider = await db.Set<ServiceProvider>().Include(p => p.Services).FirstOrDefaultAsync(p => p.Id == request.ProviderId, cancellationToken)
            ?? throw new NotFoundException($"There is no service provider {request.ProviderId}.", $"未找到服务机构 {request.ProviderId}。");
        var rules = await ruleSets.ForAsync(quota.SchemeKey, quota.Year, cancellationToken);
        var now = time.GetUtcNow();
        var order = VoucherOrder.Place(rules, quota, provider, VoucherAccess.NumberFor(quota.SchemeKey, "O", quota.Year), request.ItemKey!,
            new Money(request.ContractValueFen!.Value), new Money(request.VoucherShareFen!.Value), actor.Id, ShanghaiDate.Of(now), now);
        db.Add(order);
        audit.Record("voucher-order.placed", "voucher-order", order.Number,
            detail: $"quota {quota.Number}; {provider.Name}; {order.ItemKey}; contract {order.ContractValueFen} fen, voucher {order.VoucherShareFen} fen");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The quota was drawn on at the same moment; reload it and order again.", "该额度刚刚已被占用，请刷新后重新下单。");
        }
        return VoucherOrderView.Of(order);
    }
}
