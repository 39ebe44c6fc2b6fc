using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Application.Dashboards;

/// <summary>
/// Seeds the plan's targets (Dashboards/Seed/plan-targets.json) into every database, demo or not: a target the
/// database already has is left alone, except that one seeded before the fund measured it (no figure) takes the
/// file's measure, figures and unit.
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
        var have = await db.Set<PlanTarget>().ToDictionaryAsync(t => t.Key, cancellationToken);
        var added = 0;
        var measured = 0;
        foreach (var target in file.Targets)
        {
            if (target.Measure is not null && !PlanMeasures.All.Contains(target.Measure))
                throw new InvalidOperationException($"Plan target '{target.Key}' names an unknown measure '{target.Measure}'.");
            foreach (var figure in new[] { target.Figure, target.PerFigure }.OfType<string>())
                if (!PlanFigures.All.ContainsKey(figure))
                    throw new InvalidOperationException($"Plan target '{target.Key}' names an unknown figure '{figure}'.");
            if (!have.TryGetValue(target.Key, out var stored))
            {
                db.Add(target);
                added++;
            }
            else if (stored.Figure is null && stored.Measure is null && target.Figure is not null)
            {
                stored.Measure = target.Measure;
                stored.Figure = target.Figure;
                stored.PerFigure = target.PerFigure;
                stored.Scale = target.Scale;
                stored.ValueUnit = target.ValueUnit;
                measured++;
            }
        }
        if (added == 0 && measured == 0) return;
        audit.Record("dashboard.plan-targets-seeded", "plan-targets", "plan", "seeded", detail: $"{added} targets added, {measured} given their measure");
        await db.SaveChangesAsync(cancellationToken);
    }
}
