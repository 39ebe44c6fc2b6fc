using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Schemes;

/// <summary>
/// What the demo run seeds besides the file (demo data only): rule sets and budgets for <see cref="CurrentYear"/> and
/// the year after, copied from each scheme's latest rule set in the file with the window moved to the year; when
/// <see cref="OpenCurrentYear"/>, the current year takes applications all year, so a new user can apply at once.
/// </summary>
public sealed record DemoYears(int CurrentYear, bool OpenCurrentYear);

/// <summary>
/// Seeds the three project schemes and their default rule sets (Seed/schemes.json) into a database that
/// has none. Only missing schemes and years are added: an administrator's rule set is never overwritten.
/// </summary>
public sealed class SchemeSeed(ProjectWorkflowDbContext db, TimeProvider time, FundLedger ledger, AuditTrail audit)
{
    private sealed record SeedFile(List<SeedScheme> Schemes);
    private sealed record SeedScheme(string Key, string Name, string NameZh, string ProcessKey, List<JsonElement> RuleSets, List<SeedBudget>? Budgets);
    private sealed record SeedBudget(int Year, long AmountFen, string? Source);

    public async Task SeedAsync(CancellationToken cancellationToken, DemoYears? demo = null)
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
            foreach (var document in Documents(seed, demo))
            {
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
                audit.Record("rule-set.added", "rule-set", $"{seed.Key}:{ruleSet.Year}", "seeded", detail: ruleSet.Source);
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        // A seeded budget is an allocation entry like an administrator's; a scheme-year that has a budget keeps it.
        foreach (var seed in file.Schemes)
            foreach (var budget in Budgets(seed, demo))
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

    /// <summary>The file's rule sets of a scheme, preceded by the demo years' (which win where both name a year).</summary>
    private static IEnumerable<RuleSetDocument> Documents(SeedScheme seed, DemoYears? demo)
    {
        var documents = seed.RuleSets.Select(e => e.Deserialize<RuleSetDocument>(SchemeJson.Options)!).ToList();
        if (demo is null || documents.Count == 0) return documents;
        var template = documents.MaxBy(d => d.Year)!;
        var years = new List<RuleSetDocument>();
        foreach (var year in new[] { demo.CurrentYear, demo.CurrentYear + 1 })
        {
            var open = demo.OpenCurrentYear && year == demo.CurrentYear;
            if (!open && documents.FirstOrDefault(d => d.Year == year) is { } published)
            {
                years.Add(published);
                continue;
            }
            var shift = year - template.Year!.Value;
            years.Add(template with
            {
                Year = year,
                Source = open
                    ? $"demo: {template.Year} rules taking applications all year round in {year}, so the demo can apply at once ({template.Source})"
                    : $"demo: {template.Year} rules with the window moved to {year} ({template.Source})",
                WindowOpens = open ? null : template.WindowOpens?.AddYears(shift),
                WindowCloses = open ? null : template.WindowCloses?.AddYears(shift),
            });
        }
        return years.Concat(documents.Where(d => !years.Any(y => y.Year == d.Year)));
    }

    /// <summary>The file's budgets of a scheme and, in the demo, the latest one's amount for each demo year without one.</summary>
    private static IEnumerable<SeedBudget> Budgets(SeedScheme seed, DemoYears? demo)
    {
        var budgets = seed.Budgets ?? [];
        if (demo is null || budgets.Count == 0) return budgets;
        var template = budgets.MaxBy(b => b.Year)!;
        return budgets.Concat(new[] { demo.CurrentYear, demo.CurrentYear + 1 }.Where(y => !budgets.Any(b => b.Year == y))
            .Select(y => template with { Year = y, Source = $"demo: the {template.Year} amount for {y}" }));
    }
}
