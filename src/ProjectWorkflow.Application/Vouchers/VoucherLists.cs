using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// The voucher lists, each narrowed to what the caller may see: the staff everything; an enterprise user its own quotas
/// and orders; a provider user its provider's orders and claims.
/// </summary>
public sealed class VoucherLists(ProjectWorkflowDbContext db, VoucherAccess access)
{
    private const int Page = 200;

    public async Task<IReadOnlyList<VoucherQuotaView>> QuotasAsync(Actor actor, CancellationToken cancellationToken)
    {
        var query = db.Set<VoucherQuota>().AsNoTracking();
        if (!VoucherAccess.IsStaff(actor))
        {
            var enterprise = await access.EnterpriseOfAsync(actor, cancellationToken);
            query = query.Where(q => q.AppliedBy == actor.Id || enterprise != null && q.EnterpriseId == enterprise);
        }
        return (await query.OrderByDescending(q => q.AppliedAt).Take(Page).ToListAsync(cancellationToken)).Select(VoucherQuotaView.Of).ToList();
    }

    public async Task<IReadOnlyList<VoucherOrderView>> OrdersAsync(Actor actor, CancellationToken cancellationToken)
    {
        var query = db.Set<VoucherOrder>().AsNoTracking();
        if (!VoucherAccess.IsStaff(actor))
        {
            var enterprise = await access.EnterpriseOfAsync(actor, cancellationToken);
            var provider = await access.ProviderOfAsync(actor, cancellationToken);
            query = query.Where(o => o.PlacedBy == actor.Id || enterprise != null && o.EnterpriseId == enterprise || provider != null && o.ProviderId == provider);
        }
        return (await query.OrderByDescending(o => o.PlacedAt).Take(Page).ToListAsync(cancellationToken)).Select(VoucherOrderView.Of).ToList();
    }

    public async Task<IReadOnlyList<RedemptionClaimView>> ClaimsAsync(Actor actor, CancellationToken cancellationToken)
    {
        var query = db.Set<RedemptionClaim>().AsNoTracking();
        var staff = VoucherAccess.IsStaff(actor);
        if (!staff)
        {
            var provider = await access.ProviderOfAsync(actor, cancellationToken);
            query = query.Where(c => provider != null && c.ProviderId == provider);
        }
        return (await query.OrderByDescending(c => c.SubmittedAt).Take(Page).ToListAsync(cancellationToken)).Select(c => RedemptionClaimView.Of(c, staff)).ToList();
    }

    public async Task<IReadOnlyList<ServiceProviderView>> ProvidersAsync(CancellationToken cancellationToken) =>
        (await db.Set<ServiceProvider>().AsNoTracking().Include(p => p.Services).OrderBy(p => p.Name).Take(Page).ToListAsync(cancellationToken))
        .Select(ServiceProviderView.Of).ToList();

    public async Task<ServiceProviderView> ProviderAsync(Guid id, CancellationToken cancellationToken) =>
        ServiceProviderView.Of(await db.Set<ServiceProvider>().AsNoTracking().Include(p => p.Services).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new Refusals.NotFoundException($"There is no service provider {id}."));

    public async Task<IReadOnlyList<VoucherSettlementView>> SettlementsAsync(Actor actor, CancellationToken cancellationToken)
    {
        var query = db.Set<VoucherSettlement>().AsNoTracking();
        if (!VoucherAccess.IsStaff(actor))
        {
            var provider = await access.ProviderOfAsync(actor, cancellationToken);
            query = query.Where(s => provider != null && s.ProviderId == provider);
        }
        return (await query.OrderByDescending(s => s.OpenedAt).Take(Page).ToListAsync(cancellationToken)).Select(VoucherSettlementView.Of).ToList();
    }

    public async Task<VoucherSettlementView> SettlementAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var settlement = await db.Set<VoucherSettlement>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (settlement is null || !VoucherAccess.IsStaff(actor) && await access.ProviderOfAsync(actor, cancellationToken) != settlement.ProviderId)
            throw new Refusals.NotFoundException($"There is no voucher settlement {id} of yours.");
        return VoucherSettlementView.Of(settlement);
    }
}
