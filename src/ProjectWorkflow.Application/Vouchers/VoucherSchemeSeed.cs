using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// Seeds the two voucher schemes' default rule sets (Seed/voucher-schemes.json, each figure labelled found or assumed)
/// and their budgets, into a database that lacks them: an administrator's rule set or budget is never overwritten. In the
/// demo (<see cref="DemoYears"/>, from the clock) each scheme also gets the file's latest rule set and budget for the
/// current year and the next, so a demo started on any day can apply for a quota at once.
/// </summary>
public sealed class VoucherSchemeSeed(ProjectWorkflowDbContext db, TimeProvider time, FundLedger ledger, AuditTrail audit)
{
    private sealed record SeedFile(List<SeedScheme> Schemes);
    private sealed record SeedScheme(string Key, List<VoucherRuleSetDocument> RuleSets, List<SeedBudget>? Budgets);
    private sealed record SeedBudget(int Year, long AmountFen, string? Source);

    public async Task SeedAsync(CancellationToken cancellationToken, DemoYears? demo = null)
    {
        await using var stream = typeof(VoucherSchemeSeed).Assembly.GetManifestResourceStream("ProjectWorkflow.Application.Vouchers.Seed.voucher-schemes.json")
            ?? throw new InvalidOperationException("The voucher scheme seed file is not embedded in the assembly.");
        var file = await JsonSerializer.DeserializeAsync<SeedFile>(stream, VoucherRuleSets.Json, cancellationToken)
            ?? throw new InvalidOperationException("The voucher scheme seed file is empty.");

        foreach (var seed in file.Schemes)
            foreach (var document in Documents(seed, demo))
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
            foreach (var budget in Budgets(seed, demo))
            {
                var record = await ledger.FindBudgetAsync(BudgetKinds.Voucher, seed.Key, budget.Year, cancellationToken);
                if (budget.AmountFen <= 0 || record is not null && await db.Set<LedgerEntry>().AnyAsync(e => e.BudgetId == record.Id, cancellationToken)) continue;
                record ??= await ledger.OpenBudgetAsync(BudgetKinds.Voucher, seed.Key, budget.Year, cancellationToken);
                if (record.RaiseAllocation(new Money(budget.AmountFen), ledger.Booking($"budget:{record.Id}:seed", "seed", budget.Source ?? "seeded voucher budget")) is { } entry)
                    ledger.Add(record, entry);
                await db.SaveChangesAsync(cancellationToken);
            }
    }

    /// <summary>The file's rule sets of a scheme and, in the demo, the latest one copied to each demo year the file lacks.</summary>
    private static IEnumerable<VoucherRuleSetDocument> Documents(SeedScheme seed, DemoYears? demo)
    {
        if (demo is null || seed.RuleSets.Count == 0) return seed.RuleSets;
        var template = seed.RuleSets.MaxBy(d => d.Year)!;
        return seed.RuleSets.Concat(new[] { demo.CurrentYear, demo.CurrentYear + 1 }.Where(y => !seed.RuleSets.Any(d => d.Year == y))
            .Select(y => template with { Year = y, Source = $"demo: the {template.Year} rules for {y} ({template.Source})" }));
    }

    /// <summary>The file's budgets of a scheme and, in the demo, the latest one's amount for each demo year without one.</summary>
    private static IEnumerable<SeedBudget> Budgets(SeedScheme seed, DemoYears? demo)
    {
        var budgets = seed.Budgets ?? [];
        if (demo is null || budgets.Count == 0) return budgets;
        var template = budgets.MaxBy(b => b.Year)!;
        return budgets.Concat(new[] { demo.CurrentYear, demo.CurrentYear + 1 }.Where(y => !budgets.Any(b => b.Year == y))
            .Select(y => template with { Year = y, Source = $"demo: the {template.Year} voucher budget for {y}" }));
    }
}
