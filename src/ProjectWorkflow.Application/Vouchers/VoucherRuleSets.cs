using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>The voucher schemes' rule sets as the use cases read them.</summary>
public sealed class VoucherRuleSets(ProjectWorkflowDbContext db)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public async Task<VoucherRuleSet> ForAsync(string schemeKey, int year, CancellationToken cancellationToken) =>
        await FindAsync(schemeKey, year, cancellationToken)
        ?? throw new NotFoundException($"The voucher scheme '{schemeKey}' has no rules for {year}; an administrator adds them (POST /api/vouchers/schemes/{schemeKey}/rule-sets).", $"券种“{schemeKey}”尚无 {year} 年规则，请管理员先新增（POST /api/vouchers/schemes/{schemeKey}/rule-sets）。");

    public async Task<VoucherRuleSet?> FindAsync(string schemeKey, int year, CancellationToken cancellationToken)
    {
        var document = await db.Set<VoucherRuleSetRecord>().AsNoTracking()
            .Where(r => r.SchemeKey == schemeKey && r.Year == year).Select(r => r.Document).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : Read(schemeKey, document);
    }

    /// <summary>The scheme's rule set of its latest year, or null when it has none.</summary>
    public async Task<VoucherRuleSet?> LatestAsync(string schemeKey, CancellationToken cancellationToken)
    {
        var document = await db.Set<VoucherRuleSetRecord>().AsNoTracking()
            .Where(r => r.SchemeKey == schemeKey).OrderByDescending(r => r.Year).Select(r => r.Document).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : Read(schemeKey, document);
    }

    public async Task<bool> SchemeExistsAsync(string schemeKey, CancellationToken cancellationToken) =>
        await db.Set<VoucherRuleSetRecord>().AnyAsync(r => r.SchemeKey == schemeKey, cancellationToken);

    public static VoucherRuleSet Read(string schemeKey, string document) =>
        JsonSerializer.Deserialize<VoucherRuleSetDocument>(document, Json)!.ToRuleSet(schemeKey).RuleSet
        ?? throw new InvalidOperationException($"The stored {schemeKey} voucher rule set is no longer valid.");
}
