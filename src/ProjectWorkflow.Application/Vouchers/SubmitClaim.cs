using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Invoices;
using ProjectWorkflow.Funding.Rules;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record SubmitClaimRequest(Guid? OrderId, string? InvoiceNumber, string? Contract, string? PaymentProof, string? Deliverable);

/// <summary>
/// The provider claims redemption of a delivered order with the contract, the invoice, proof the buyer paid its own
/// share, and the deliverable. The invoice is claimed in the shared invoice-claim table (claimant kind voucher): one
/// already claimed by any application or voucher is refused by InvoiceAlreadyRedeemed, also when two claims race.
/// A claim missing documents waits, incomplete, and its provider is reminded.
/// </summary>
public sealed class SubmitClaim(ProjectWorkflowDbContext db, VoucherAccess access, TimeProvider time, AuditTrail audit)
{
    public async Task<RedemptionClaimView> HandleAsync(SubmitClaimRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (request.OrderId is null) errors.Add(FieldError.Of("orderId", "The delivered order claimed.", "请选择申请兑付的已交付订单。"));
        if (request.InvoiceNumber?.Trim() is not { Length: > 0 and <= InvoiceNumber.MaxLength }) errors.Add(FieldError.Of("invoiceNumber", $"The invoice's number, at most {InvoiceNumber.MaxLength} characters.", $"请填写发票号码，最多 {InvoiceNumber.MaxLength} 个字符。"));
        if (request.Contract is { Length: > 500 }) errors.Add(FieldError.Of("contract", "At most 500 characters.", "最多 500 个字符。"));
        if (request.PaymentProof is { Length: > 500 }) errors.Add(FieldError.Of("paymentProof", "At most 500 characters.", "最多 500 个字符。"));
        if (request.Deliverable is { Length: > 1000 }) errors.Add(FieldError.Of("deliverable", "At most 1,000 characters.", "最多 1,000 个字符。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var order = await access.ProvidersOrderAsync(request.OrderId!.Value, actor, cancellationToken);
        var invoice = InvoiceNumber.Normalise(request.InvoiceNumber!);
        var now = time.GetUtcNow();
        var claim = RedemptionClaim.Submit(order, VoucherAccess.NumberFor(order.SchemeKey, "C", order.Year), invoice,
            await ClaimedByAsync(invoice, cancellationToken), request.Contract, request.PaymentProof, request.Deliverable, actor.Id, now);
        db.Add(claim);
        db.Add(InvoiceClaim.For(invoice, ClaimantKinds.Voucher, claim.Id, claim.Number, claim.SchemeKey, now));
        audit.Record("voucher-claim.submitted", "voucher-claim", claim.Number,
            detail: $"order {order.Number}; invoice {invoice}; {claim.AmountFen} fen; " + (claim.Missing.Count == 0 ? "complete" : "missing " + string.Join(", ", claim.Missing)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another claim of the same invoice won the race: the unique index let one through, this one is refused by the rule.
            db.ChangeTracker.Clear();
            throw new FundingRuleBrokenException(new InvoiceAlreadyRedeemedRule(invoice, await ClaimedByAsync(invoice, cancellationToken) ?? "another claim"));
        }
        return RedemptionClaimView.Of(claim, staff: false);
    }

    private async Task<string?> ClaimedByAsync(string invoice, CancellationToken cancellationToken) =>
        await db.Set<InvoiceClaim>().AsNoTracking().Where(c => c.InvoiceNumber == invoice).Select(c => c.ClaimantNumber).FirstOrDefaultAsync(cancellationToken);
}
