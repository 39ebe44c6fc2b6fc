using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Invoices;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record ReviewClaimRequest(bool? Approve, string? Reason);

/// <summary>
/// The issuer's reviewer approves a complete claim, which is then published for the scheme's notice days, or rejects
/// it with a reason: the order may be claimed again and the invoice is free.
/// </summary>
public sealed class ReviewClaim(ProjectWorkflowDbContext db, VoucherRuleSets ruleSets, TimeProvider time, AuditTrail audit)
{
    public async Task<RedemptionClaimView> HandleAsync(Guid id, ReviewClaimRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (request.Approve is not { } approve) throw InvalidRequestException.For("approve", "Say whether the claim is approved (true) or rejected (false).", "请说明是否通过兑付申请：true（通过）或 false（驳回）。");
        var reason = request.Reason?.Trim();
        if (!approve && string.IsNullOrEmpty(reason)) throw InvalidRequestException.For("reason", "Say why the claim is rejected; the provider reads it.", "请说明驳回理由，服务机构可见。");
        if (reason is { Length: > 1000 }) throw InvalidRequestException.For("reason", "At most 1,000 characters.", "最多 1,000 个字符。");

        var claim = await db.Set<RedemptionClaim>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException($"There is no redemption claim {id}.", $"未找到兑付申请 {id}。");
        var order = await db.Set<VoucherOrder>().FirstAsync(o => o.Id == claim.OrderId, cancellationToken);
        if (claim.SubmittedBy == actor.Id || order.PlacedBy == actor.Id) throw new ForbiddenException("Nobody reviews a claim they submitted or an order they placed.", "不能审核本人提交的兑付申请，或本人所下订单的兑付申请。");
        var now = time.GetUtcNow();
        if (approve)
        {
            var rules = await ruleSets.ForAsync(claim.SchemeKey, claim.Year, cancellationToken);
            claim.Approve(actor.Id, reason, rules.NoticeDays, ShanghaiDate.Of(now), now);
        }
        else
        {
            claim.Reject(order, actor.Id, reason!, now);
            db.RemoveRange(await db.Set<InvoiceClaim>().Where(c => c.ClaimantKind == ClaimantKinds.Voucher && c.ClaimantId == claim.Id).ToListAsync(cancellationToken));
        }
        audit.Record(approve ? "voucher-claim.approved" : "voucher-claim.rejected", "voucher-claim", claim.Number, reason,
            detail: approve ? $"in public notice until {claim.NoticeEndsOn:yyyy-MM-dd}" : "invoice released");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The claim changed at the same moment; reload it.", "该兑付申请刚刚已被修改，请刷新后重试。");
        }
        return RedemptionClaimView.Of(claim, staff: true);
    }
}
