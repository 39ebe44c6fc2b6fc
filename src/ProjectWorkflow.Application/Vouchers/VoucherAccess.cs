using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// Who sees and moves which voucher object: an enterprise user its own quotas and orders (those of the enterprise it
/// acts for, or that it applied for as a team), a provider user the provider it registered and that provider's orders
/// and claims, the fund's staff all of them (auditors read only: the routes say so).
/// </summary>
public sealed class VoucherAccess(ProjectWorkflowDbContext db)
{
    public static bool IsStaff(Actor actor) => Roles.IsStaff(actor);

    public async Task<Guid?> EnterpriseOfAsync(Actor actor, CancellationToken cancellationToken) =>
        await db.Set<EnterpriseMember>().Where(m => m.UserName == actor.Id).Select(m => (Guid?)m.EnterpriseId).FirstOrDefaultAsync(cancellationToken);

    public async Task<Guid?> ProviderOfAsync(Actor actor, CancellationToken cancellationToken) =>
        await db.Set<ServiceProvider>().Where(p => p.RegisteredBy == actor.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<bool> OwnsQuotaAsync(VoucherQuota quota, Actor actor, CancellationToken cancellationToken) =>
        quota.AppliedBy == actor.Id || quota.EnterpriseId is { } e && await EnterpriseOfAsync(actor, cancellationToken) == e;

    /// <summary>A quota the actor may see (404 for one that is not theirs: its existence is not told).</summary>
    public async Task<VoucherQuota> VisibleQuotaAsync(Guid id, Actor actor, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = tracked ? db.Set<VoucherQuota>() : db.Set<VoucherQuota>().AsNoTracking();
        var quota = await query.FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (quota is null || !IsStaff(actor) && !await OwnsQuotaAsync(quota, actor, cancellationToken))
            throw new NotFoundException($"There is no voucher quota {id} of yours.", $"未找到您的券额度 {id}。");
        return quota;
    }

    public async Task<ServiceProvider> OwnProviderAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var provider = await db.Set<ServiceProvider>().Include(p => p.Services).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (provider is null || provider.RegisteredBy != actor.Id) throw new NotFoundException($"There is no service provider {id} that you act for.", $"未找到您所代表的服务机构 {id}。");
        return provider;
    }

    /// <summary>An order the actor may see: its buyer, its provider, or the staff.</summary>
    public async Task<VoucherOrder> VisibleOrderAsync(Guid id, Actor actor, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = tracked ? db.Set<VoucherOrder>() : db.Set<VoucherOrder>().AsNoTracking();
        var order = await query.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null || !IsStaff(actor) && !await SeesOrderAsync(order, actor, cancellationToken))
            throw new NotFoundException($"There is no voucher order {id} of yours.", $"未找到您的券订单 {id}。");
        return order;
    }

    public async Task<bool> SeesOrderAsync(VoucherOrder order, Actor actor, CancellationToken cancellationToken)
    {
        if (order.PlacedBy == actor.Id) return true;
        if (order.EnterpriseId is { } e && await EnterpriseOfAsync(actor, cancellationToken) == e) return true;
        return await ProviderOfAsync(actor, cancellationToken) == order.ProviderId;
    }

    /// <summary>An order of the provider the actor acts for (for the provider's moves).</summary>
    public async Task<VoucherOrder> ProvidersOrderAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var provider = await ProviderOfAsync(actor, cancellationToken);
        return await db.Set<VoucherOrder>().FirstOrDefaultAsync(o => o.Id == id && o.ProviderId == provider, cancellationToken)
            ?? throw new NotFoundException($"There is no voucher order {id} for the provider you act for.", $"未找到您所代表服务机构的券订单 {id}。");
    }

    /// <summary>An order its buyer placed (the enterprise the actor acts for, or the actor's own team order), for the buyer's moves.</summary>
    public async Task<VoucherOrder> BuyersOrderAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var enterprise = await EnterpriseOfAsync(actor, cancellationToken);
        return await db.Set<VoucherOrder>().FirstOrDefaultAsync(o => o.Id == id && (o.PlacedBy == actor.Id || enterprise != null && o.EnterpriseId == enterprise), cancellationToken)
            ?? throw new NotFoundException($"There is no voucher order {id} that you placed.", $"未找到您所下的券订单 {id}。");
    }

    public async Task<RedemptionClaim> VisibleClaimAsync(Guid id, Actor actor, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = tracked ? db.Set<RedemptionClaim>() : db.Set<RedemptionClaim>().AsNoTracking();
        var claim = await query.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null || !IsStaff(actor) && await ProviderOfAsync(actor, cancellationToken) != claim.ProviderId)
            throw new NotFoundException($"There is no redemption claim {id} of yours.", $"未找到您的兑付申请 {id}。");
        return claim;
    }

    /// <summary>A short, unique number for a new voucher object: IVQ-2026-9F3A1C7E.</summary>
    public static string NumberFor(string schemeKey, string kind, int year) =>
        $"{(schemeKey.StartsWith("four", StringComparison.Ordinal) ? "FN" : "IV")}{kind}-{year}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
}
