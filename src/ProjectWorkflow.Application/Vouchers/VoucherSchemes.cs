using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record VoucherSchemeView(string Key, int Year, string IssuerZh, string IssuerEn, string Source, VoucherRuleSetDocument Rules);

/// <summary>The voucher schemes and their rule sets by year, with the catalogue (everyone signed in reads them).</summary>
public sealed class ListVoucherSchemes(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<VoucherSchemeView>> HandleAsync(string? schemeKey, CancellationToken cancellationToken)
    {
        var records = await db.Set<VoucherRuleSetRecord>().AsNoTracking()
            .Where(r => schemeKey == null || r.SchemeKey == schemeKey).OrderBy(r => r.SchemeKey).ThenBy(r => r.Year).ToListAsync(cancellationToken);
        return records.Select(r =>
        {
            var rules = VoucherRuleSets.Read(r.SchemeKey, r.Document);
            return new VoucherSchemeView(r.SchemeKey, r.Year, rules.IssuerZh, rules.IssuerEn, rules.Source, VoucherRuleSetDocument.From(rules));
        }).ToList();
    }
}
