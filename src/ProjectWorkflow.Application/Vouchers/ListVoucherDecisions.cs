using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>A quota application as the issuer's reviewer judges it: who asks, as what, how much.</summary>
public sealed record QuotaToDecide(
    Guid Id, string Number, string SchemeKey, int Year, string ApplicantKind, string HolderName, string? Uscc, string? CertificateNumber,
    string? TeamPlace, int TeamSize, long RequestedFen, DateTimeOffset AppliedAt);

/// <summary>A redemption claim as the issuer's reviewer judges it: the order behind it, its documents, the buyer's confirmation.</summary>
public sealed record ClaimToReview(
    Guid Id, string Number, string Status, string SchemeKey, int Year, string ProviderName, string HolderName, string OrderNumber,
    long ContractValueFen, long AmountFen, string InvoiceNumber, string? Contract, string? PaymentProof, string? Deliverable,
    IReadOnlyList<string> Missing, DateTimeOffset? DeliveryConfirmedAt, DateTimeOffset SubmittedAt);

/// <summary>A decision already taken, for the record (staff only: it names who decided).</summary>
public sealed record VoucherDecisionTaken(string Kind, string Number, string SchemeKey, string Outcome, long AmountFen, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason);

public sealed record VoucherDecisionsView(IReadOnlyList<QuotaToDecide> Quotas, IReadOnlyList<ClaimToReview> Claims, IReadOnlyList<VoucherDecisionTaken> Decided);

/// <summary>
/// What waits for the voucher issuer's reviewers (the department approvers' voucher page): quota applications to grant
/// or refuse, redemption claims to approve or reject (incomplete ones too, waiting for their documents), and the latest
/// decisions taken. The fund's staff read it; only approvers act on it (through DecideQuota and ReviewClaim).
/// </summary>
public sealed class ListVoucherDecisions(ProjectWorkflowDbContext db)
{
    private const int Page = 200;
    private const int Latest = 50;

    public async Task<VoucherDecisionsView> HandleAsync(CancellationToken cancellationToken)
    {
        var quotas = await db.Set<VoucherQuota>().AsNoTracking().Where(q => q.Status == VoucherQuotaStatus.Applied)
            .OrderBy(q => q.AppliedAt).Take(Page).ToListAsync(cancellationToken);
        var claims = await db.Set<RedemptionClaim>().AsNoTracking()
            .Where(c => c.Status == RedemptionClaimStatus.Submitted || c.Status == RedemptionClaimStatus.Incomplete)
            .OrderBy(c => c.SubmittedAt).Take(Page).ToListAsync(cancellationToken);
        var orderIds = claims.Select(c => c.OrderId).ToList();
        var orders = await db.Set<VoucherOrder>().AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var quotaIds = claims.Select(c => c.QuotaId).Distinct().ToList();
        var holders = await db.Set<VoucherQuota>().AsNoTracking().Where(q => quotaIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.HolderName, cancellationToken);
        var providerIds = claims.Select(c => c.ProviderId).Distinct().ToList();
        var providers = await db.Set<ServiceProvider>().AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        var decidedQuotas = await db.Set<VoucherQuota>().AsNoTracking().Where(q => q.DecidedAt != null)
            .OrderByDescending(q => q.DecidedAt).Take(Latest).ToListAsync(cancellationToken);
        var reviewedClaims = await db.Set<RedemptionClaim>().AsNoTracking().Where(c => c.ReviewedAt != null)
            .OrderByDescending(c => c.ReviewedAt).Take(Latest).ToListAsync(cancellationToken);
        var decided = decidedQuotas
            .Select(q => new VoucherDecisionTaken("quota", q.Number, q.SchemeKey, VoucherQuotaView.Text(q.Status), q.GrantedFen, q.DecidedBy, q.DecidedAt, q.DecisionReason))
            .Concat(reviewedClaims.Select(c => new VoucherDecisionTaken("claim", c.Number, c.SchemeKey, VoucherQuotaView.Text(c.Status), c.AmountFen, c.ReviewedBy, c.ReviewedAt, c.ReviewReason)))
            .OrderByDescending(d => d.DecidedAt).Take(Latest).ToList();

        return new VoucherDecisionsView(
            quotas.Select(q => new QuotaToDecide(q.Id, q.Number, q.SchemeKey, q.Year, VoucherRuleSetDocument.NameOf(q.ApplicantKind), q.HolderName, q.Uscc,
                q.CertificateNumber, q.TeamPlace, q.Members.Count, q.RequestedFen, q.AppliedAt)).ToList(),
            claims.Select(c =>
            {
                var order = orders.GetValueOrDefault(c.OrderId);
                return new ClaimToReview(c.Id, c.Number, VoucherQuotaView.Text(c.Status), c.SchemeKey, c.Year, providers.GetValueOrDefault(c.ProviderId, ""),
                    holders.GetValueOrDefault(c.QuotaId, ""), order?.Number ?? "", order?.ContractValueFen ?? 0, c.AmountFen, c.InvoiceNumber, c.Contract,
                    c.PaymentProof, c.Deliverable, c.Missing, order?.ConfirmedAt, c.SubmittedAt);
            }).ToList(),
            decided);
    }
}
