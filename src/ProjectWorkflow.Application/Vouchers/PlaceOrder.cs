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
        if (request.QuotaId is null) errors.Add(new FieldError("quotaId", "The quota the order draws on."));
        if (request.ProviderId is null) errors.Add(new FieldError("providerId", "The provider that delivers the service."));
        if (request.ItemKey is not { Length: > 0 and <= 64 }) errors.Add(new FieldError("itemKey", "The catalogue item ordered."));
        if (request.ContractValueFen is not (> 0 and <= Money.MaxFen)) errors.Add(new FieldError("contractValueFen", "The contract value, in positive integer fen."));
        if (request.VoucherShareFen is not (> 0 and <= Money.MaxFen)) errors.Add(new FieldError("voucherShareFen", "The share the voucher pays, in positive integer fen."));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var quota = await access.VisibleQuotaAsync(request.QuotaId!.Value, actor, cancellationToken, tracked: true);
        if (!await access.OwnsQuotaAsync(quota, actor, cancellationToken)) throw new ForbiddenException("Only the quota's holder orders with it.");
        var provider = await db.Set<ServiceProvider>().Include(p => p.Services).FirstOrDefaultAsync(p => p.Id == request.ProviderId, cancellationToken)
            ?? throw new NotFoundException($"There is no service provider {request.ProviderId}.");
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
            throw new ConflictException("The quota was drawn on at the same moment; reload it and order again.");
        }
        return VoucherOrderView.Of(order);
    }
}
