using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Schemes;

/// <summary>
/// Seeds the three project schemes and their default rule sets (Seed/schemes.json) into a database that
/// has none. Only missing schemes and years are added: an administrator's rule set is never overwritten.
/// </summary>
public sealed class SchemeSeed(ProjectWorkflowDbContext db, TimeProvider time, FundLedger ledger, AuditTrail audit)
{
    private sealed record SeedFile(List<SeedScheme> Schemes);
    private sealed record SeedScheme(string Key, string Name, string NameZh, string ProcessKey, List<JsonElement> RuleSets, List<SeedBudget>? Budgets);
    private sealed record SeedBudget(int Year, long AmountFen, string? Source);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(SchemeSeed).Assembly.GetManifestResourceStream("ProjectWorkflow.Application.Schemes.Seed.schemes.json")
            ?? throw new InvalidOperationException("The scheme seed file is not embedded in the assembly.");
        var file = await JsonSerializer.DeserializeAsync<SeedFile>(stream, SchemeJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The scheme seed file is empty.");

        foreach (var seed in file.Schemes)
        {
            var scheme = await db.Set<SchemeRecord>().Include(s => s.RuleSets).FirstOrDefaultAsync(s => s.Key == seed.Key, cancellationToken);
            if (scheme is null)
            {
                scheme = new SchemeRecord { Key = seed.Key, Name = seed.Name, NameZh = seed.NameZh, ProcessKey = seed.ProcessKey };
                db.Add(scheme);
                audit.Record("scheme.seeded", "scheme", seed.Key, detail: $"{seed.Name} ({seed.NameZh}); process {seed.ProcessKey}");
            }
            foreach (var element in seed.RuleSets)
            {
                var document = element.Deserialize<RuleSetDocument>(SchemeJson.Options)!;
                var (ruleSet, errors) = document.ToRuleSet(seed.Key);
                if (ruleSet is null)
                    throw new InvalidOperationException($"The seeded {seed.Key} rule set is invalid: {string.Join(" ", errors.Select(e => e.Message))}");
                if (scheme.RuleSets.Any(r => r.Year == ruleSet.Year)) continue;
                scheme.RuleSets.Add(new RuleSetRecord
                {
                    SchemeKey = seed.Key,
                    Year = ruleSet.Year,
                    Document = JsonSerializer.Serialize(RuleSetDocument.From(ruleSet), SchemeJson.Options),
                    AddedAt = time.GetUtcNow(),
                    AddedBy = "seed",
                });
                audit.Record("rule-set.added", "rule-set", $"{seed.Key}:{ruleSet.Year}", "seeded");
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        // A seeded budget is an allocation entry like an administrator's; a scheme-year that has a budget keeps it.
        foreach (var seed in file.Schemes)
            foreach (var budget in seed.Budgets ?? [])
            {
                var record = await ledger.FindBudgetAsync(BudgetKinds.Scheme, seed.Key, budget.Year, cancellationToken);
                // A row without entries is one whose seeding stopped half-way: it is allocated now.
                if (budget.AmountFen <= 0 || record is not null && await db.Set<LedgerEntry>().AnyAsync(e => e.BudgetId == record.Id, cancellationToken)) continue;
                record ??= await ledger.OpenBudgetAsync(BudgetKinds.Scheme, seed.Key, budget.Year, cancellationToken);
                if (record.RaiseAllocation(new Money(budget.AmountFen), ledger.Booking($"budget:{record.Id}:seed", "seed", budget.Source ?? "seeded demo budget")) is { } entry)
                    ledger.Add(record, entry);
                await db.SaveChangesAsync(cancellationToken);
            }
    }
}
