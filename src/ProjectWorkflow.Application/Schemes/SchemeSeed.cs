using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Schemes;

/// <summary>
/// Seeds the three project schemes and their default rule sets (Seed/schemes.json) into a database that
/// has none. Only missing schemes and years are added: an administrator's rule set is never overwritten.
/// </summary>
public sealed class SchemeSeed(ProjectWorkflowDbContext db, TimeProvider time)
{
    private sealed record SeedFile(List<SeedScheme> Schemes);
    private sealed record SeedScheme(string Key, string Name, string NameZh, string ProcessKey, List<JsonElement> RuleSets, List<SeedBudget>? Budgets);
    private sealed record SeedBudget(int Year, long AmountFen);

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
            }
            foreach (var budget in seed.Budgets ?? [])
                if (!await db.Set<SchemeBudgetRecord>().AnyAsync(b => b.SchemeKey == seed.Key && b.Year == budget.Year, cancellationToken))
                    db.Add(new SchemeBudgetRecord { SchemeKey = seed.Key, Year = budget.Year, AmountFen = budget.AmountFen });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
