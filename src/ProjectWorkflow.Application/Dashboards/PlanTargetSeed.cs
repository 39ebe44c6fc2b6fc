using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Dashboards;

/// <summary>
/// Seeds the plan's targets (Dashboards/Seed/plan-targets.json) into every database, demo or not: a target the
/// database already has is left alone.
/// </summary>
public sealed class PlanTargetSeed(ProjectWorkflowDbContext db, AuditTrail audit)
{
    private sealed record SeedFile(List<PlanTarget> Targets);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(PlanTargetSeed).Assembly.GetManifestResourceStream("ProjectWorkflow.Application.Dashboards.Seed.plan-targets.json")
            ?? throw new InvalidOperationException("The plan-target seed file is not embedded in the assembly.");
        var file = await JsonSerializer.DeserializeAsync<SeedFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web), cancellationToken)
            ?? throw new InvalidOperationException("The plan-target seed file is empty.");
        var have = await db.Set<PlanTarget>().Select(t => t.Key).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var target in file.Targets.Where(t => !have.Contains(t.Key)))
        {
            if (target.Measure is not null && !PlanMeasures.All.Contains(target.Measure))
                throw new InvalidOperationException($"Plan target '{target.Key}' names an unknown measure '{target.Measure}'.");
            db.Add(target);
            added++;
        }
        if (added == 0) return;
        audit.Record("dashboard.plan-targets-seeded", "plan-targets", "plan", "seeded", detail: $"{added} targets");
        await db.SaveChangesAsync(cancellationToken);
    }
}
