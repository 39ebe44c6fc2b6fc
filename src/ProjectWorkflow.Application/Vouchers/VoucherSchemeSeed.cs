using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// Seeds the two voucher schemes' default rule sets (Seed/voucher-schemes.json, each figure labelled found or assumed)
/// and their budgets, into a database that lacks them: an administrator's rule set or budget is never overwritten.
/// </summary>
public sealed class VoucherSchemeSeed(ProjectWorkflowDbContext db, TimeProvider time, FundLedger ledger, AuditTrail audit)
{
    private sealed record SeedFile(List<SeedScheme> Schemes);
    private sealed record SeedScheme(string Key, List<VoucherRuleSetDocument> RuleSets, List<SeedBudget>? Budgets);
    private sealed record SeedBudget(int Year, long AmountFen, string? Source);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(VoucherSchemeSeed).Assembly.GetManifestResourceStream("ProjectWorkflow.Application.Vouchers.Seed.voucher-schemes.json")
            ?? throw new InvalidOperationException("The voucher scheme seed file is not embedded in the assembly.");
        var file = await JsonSerializer.DeserializeAsync<SeedFile>(stream, VoucherRuleSets.Json, cancellationToken)
            ?? throw new InvalidOperationException("The voucher scheme seed file is empty.");

        foreach (var seed in file.Schemes)
            foreach (var document in seed.RuleSets)
            {
                var (ruleSet, errors) = document.ToRuleSet(seed.Key);
                if (ruleSet is null)
                    throw new InvalidOperationException($"The seeded {seed.Key} voucher rule set is invalid: {string.Join(" ", errors.Select(e => e.Message))}");
                if (await db.Set<VoucherRuleSetRecord>().AnyAsync(r => r.SchemeKey == seed.Key && r.Year == ruleSet.Year, cancellationToken)) continue;
                db.Add(new VoucherRuleSetRecord
                {
                    SchemeKey = seed.Key,
                    Year = ruleSet.Year,
                    Document = JsonSerializer.Serialize(VoucherRuleSetDocument.From(ruleSet), VoucherRuleSets.Json),
                    AddedAt = time.GetUtcNow(),
                    AddedBy = "seed",
                });
                audit.Record("voucher-rule-set.added", "voucher-rule-set", $"{seed.Key}:{ruleSet.Year}", "seeded", detail: ruleSet.Source);
            }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var seed in file.Schemes)
            foreach (var budget in seed.Budgets ?? [])
            {
                var record = await ledger.FindBudgetAsync(BudgetKinds.Voucher, seed.Key, budget.Year, cancellationToken);
                if (budget.AmountFen <= 0 || record is not null && await db.Set<LedgerEntry>().AnyAsync(e => e.BudgetId == record.Id, cancellationToken)) continue;
                record ??= await ledger.OpenBudgetAsync(BudgetKinds.Voucher, seed.Key, budget.Year, cancellationToken);
                if (record.RaiseAllocation(new Money(budget.AmountFen), ledger.Booking($"budget:{record.Id}:seed", "seed", budget.Source ?? "seeded voucher budget")) is { } entry)
                    ledger.Add(record, entry);
                await db.SaveChangesAsync(cancellationToken);
            }
    }
}
