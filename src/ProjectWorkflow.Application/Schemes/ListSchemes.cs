using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Schemes;

/// <summary>The schemes and the years they have rules for; any signed-in user may read them (they are public policy).</summary>
public sealed class ListSchemes(ProjectWorkflowDbContext db)
{
    public async Task<IReadOnlyList<SchemeSummary>> HandleAsync(CancellationToken cancellationToken)
    {
        var schemes = await db.Set<SchemeRecord>().AsNoTracking().Include(s => s.RuleSets).OrderBy(s => s.Key).ToListAsync(cancellationToken);
        return schemes.Select(s => new SchemeSummary(s.Key, s.Name, s.NameZh, s.ProcessKey, s.RuleSets.Select(r => r.Year).Order().ToList())).ToList();
    }

    public async Task<SchemeDetail> GetAsync(string key, CancellationToken cancellationToken)
    {
        var scheme = await db.Set<SchemeRecord>().AsNoTracking().Include(s => s.RuleSets).FirstOrDefaultAsync(s => s.Key == key, cancellationToken)
            ?? throw new NotFoundException($"There is no scheme '{key}'. Schemes: tech-upgrade, smart-factory, green-park.", $"专项“{key}”不存在。可选专项：tech-upgrade（技术改造）、smart-factory（智能工厂）、green-park（绿色园区）。");
        return new SchemeDetail(scheme.Key, scheme.Name, scheme.NameZh, scheme.ProcessKey,
            scheme.RuleSets.OrderBy(r => r.Year).Select(r => new RuleSetView(r.Year, JsonSerializer.Deserialize<RuleSetDocument>(r.Document, SchemeJson.Options)!, r.AddedAt, r.AddedBy)).ToList());
    }
}
