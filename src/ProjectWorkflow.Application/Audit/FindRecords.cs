using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Vouchers;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Audit;

/// <summary>One record found: its kind (application, quota, order, claim, payment, settlement), number, what it is about, status, amount, when.</summary>
public sealed record FoundRecord(string Kind, string Number, string About, string Status, long? AmountFen, DateTimeOffset At, Guid? ApplicationId);

/// <summary>
/// Auditors (and administrators) search the fund's records in one box: applications by number, USCC or project
/// name; voucher quotas by number or holder; orders by number; redemption claims by number or invoice; payment
/// orders by application number, payee or bank reference; settlements by provider. Reads only; at most
/// <see cref="Most"/> of each kind, newest first.
/// </summary>
public sealed class FindRecords(ProjectWorkflowDbContext db)
{
    public const int Most = 50;

    public async Task<IReadOnlyList<FoundRecord>> HandleAsync(string? text, CancellationToken cancellationToken)
    {
        var q = text?.Trim() ?? "";
        if (q.Length is 0) return [];
        if (q.Length > 100) throw InvalidRequestException.For("q", "Search for at most 100 characters.", "检索内容最多 100 个字符。");
        var found = new List<FoundRecord>();
        found.AddRange((await db.Set<FundingApplication>().AsNoTracking()
                .Where(a => a.Number.Contains(q) || a.Uscc.Contains(q) || a.ProjectName.Contains(q))
                .OrderByDescending(a => a.Number).Take(Most).ToListAsync(cancellationToken))
            .Select(a => new FoundRecord("application", a.Number, a.ProjectName, ApplicationStatusText.Of(a.Status), a.ApprovedAmountFen, a.UpdatedAt, a.Id)));
        found.AddRange((await db.Set<VoucherQuota>().AsNoTracking()
                .Where(x => x.Number.Contains(q) || x.HolderName.Contains(q))
                .OrderByDescending(x => x.Number).Take(Most).ToListAsync(cancellationToken))
            .Select(x => new FoundRecord("quota", x.Number, x.HolderName, VoucherQuotaView.Text(x.Status), x.GrantedFen, x.AppliedAt, null)));
        found.AddRange((await db.Set<VoucherOrder>().AsNoTracking()
                .Where(x => x.Number.Contains(q))
                .OrderByDescending(x => x.Number).Take(Most).ToListAsync(cancellationToken))
            .Select(x => new FoundRecord("order", x.Number, x.ItemKey, VoucherQuotaView.Text(x.Status), x.VoucherShareFen, x.PlacedAt, null)));
        found.AddRange((await db.Set<RedemptionClaim>().AsNoTracking()
                .Where(x => x.Number.Contains(q) || x.InvoiceNumber.Contains(q))
                .OrderByDescending(x => x.Number).Take(Most).ToListAsync(cancellationToken))
            .Select(x => new FoundRecord("claim", x.Number, x.InvoiceNumber, VoucherQuotaView.Text(x.Status), x.AmountFen, x.SubmittedAt, null)));
        found.AddRange((await db.Set<PaymentOrder>().AsNoTracking()
                .Where(x => x.ApplicationNumber.Contains(q) || x.Payee.Contains(q) || (x.BankReference != null && x.BankReference.Contains(q)))
                .OrderByDescending(x => x.ApplicationNumber).Take(Most).ToListAsync(cancellationToken))
            .Select(x => new FoundRecord("payment", $"{x.ApplicationNumber} #{x.InstallmentNumber}", x.Payee, VoucherQuotaView.Text(x.Status), x.AmountFen, x.CreatedAt, x.ApplicationId)));
        found.AddRange((await db.Set<VoucherSettlement>().AsNoTracking()
                .Where(x => x.ProviderName.Contains(q) || x.Cycle.Contains(q))
                .OrderByDescending(x => x.Cycle).Take(Most).ToListAsync(cancellationToken))
            .Select(x => new FoundRecord("settlement", $"{x.ProviderName} {x.Cycle}", x.ProviderName, VoucherQuotaView.Text(x.Status), x.AmountFen, x.OpenedAt, null)));
        return found;
    }
}
