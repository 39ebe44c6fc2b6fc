using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record CompleteClaimRequest(string? Contract, string? PaymentProof, string? Deliverable);

/// <summary>The provider adds the documents an incomplete claim lacks; once complete, it waits for review.</summary>
public sealed class CompleteClaim(ProjectWorkflowDbContext db, VoucherAccess access, AuditTrail audit)
{
    public async Task<RedemptionClaimView> HandleAsync(Guid id, CompleteClaimRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (request.Contract is { Length: > 500 }) errors.Add(FieldError.Of("contract", "At most 500 characters.", "最多 500 个字符。"));
        if (request.PaymentProof is { Length: > 500 }) errors.Add(FieldError.Of("paymentProof", "At most 500 characters.", "最多 500 个字符。"));
        if (request.Deliverable is { Length: > 1000 }) errors.Add(FieldError.Of("deliverable", "At most 1,000 characters.", "最多 1,000 个字符。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var claim = await access.VisibleClaimAsync(id, actor, cancellationToken, tracked: true);
        if (await access.ProviderOfAsync(actor, cancellationToken) != claim.ProviderId) throw new ForbiddenException("Only the claim's provider completes it.", "只有提交该兑付申请的服务机构可以补充材料。");
        claim.Complete(request.Contract, request.PaymentProof, request.Deliverable);
        audit.Record("voucher-claim.completed", "voucher-claim", claim.Number,
            detail: claim.Missing.Count == 0 ? "complete: waiting for review" : "still missing " + string.Join(", ", claim.Missing));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The claim changed at the same moment; reload it.", "该兑付申请刚刚已被修改，请刷新后重试。");
        }
        return RedemptionClaimView.Of(claim, staff: false);
    }
}
