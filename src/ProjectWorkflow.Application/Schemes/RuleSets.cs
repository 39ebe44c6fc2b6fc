using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Application.Schemes;

/// <summary>Finds the rules an application is judged by: its scheme's rule set for its year.</summary>
public sealed class RuleSets(ProjectWorkflowDbContext db)
{
    public async Task<RuleSet> ForAsync(string schemeKey, int year, CancellationToken cancellationToken)
    {
        var record = await db.Set<RuleSetRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.SchemeKey == schemeKey && r.Year == year, cancellationToken)
            ?? throw new ConflictException($"{schemeKey} has no rules for {year} yet; the administrator adds them before applications open.", $"{schemeKey} 尚无 {year} 年规则，须由管理员在申报开始前新增。");
        var (ruleSet, _) = JsonSerializer.Deserialize<RuleSetDocument>(record.Document, SchemeJson.Options)!.ToRuleSet(schemeKey);
        return ruleSet!;
    }
}
