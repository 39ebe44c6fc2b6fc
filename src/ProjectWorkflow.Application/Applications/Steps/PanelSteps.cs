using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Applications.Steps;

/// <summary>
/// panel.assign: draws the panel from the expert pool — never someone who already acted on this
/// project in another part (segregation of duties) — and opens a panel seat for each.
/// </summary>
[SetsVariables("experts")]
public sealed class AssignPanel(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var actedOnProject = await Db.Set<TaskRecord>().Where(t => t.InstanceId == context.InstanceId && t.CompletedBy != null)
            .Select(t => t.CompletedBy!).Distinct().ToListAsync(cancellationToken);
        var seated = await Db.Set<PanelMember>().Where(p => p.ApplicationId == application.Id).Select(p => p.Expert).ToListAsync(cancellationToken);
        var pool = await (from user in Db.Users
                          join link in Db.UserRoles on user.Id equals link.UserId
                          join role in Db.Roles on link.RoleId equals role.Id
                          where role.Name == Roles.Expert
                          select user.UserName!).ToListAsync(cancellationToken);
        var eligible = pool.Except(actedOnProject).Except(seated).Where(u => u != application.CreatedBy).Order(StringComparer.Ordinal).ToList();
        if (eligible.Count < rules.Panel.Size)
            throw new InvalidOperationException($"The panel needs {rules.Panel.Size} experts and only {eligible.Count} are eligible; add experts to the pool, then retry.");

        var panel = eligible.Take(rules.Panel.Size).ToList();
        foreach (var expert in panel)
            Db.Add(PanelMember.Seat(application.Id, expert));
        context.SetVariable("experts", new JsonArray(panel.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()));
    }
}

/// <summary>panel.conclude: the trimmed mean of the scores of the experts who did not recuse, against the pass score and quorum.</summary>
[SetsVariables("panelScore", "panelPassed")]
public sealed class ConcludePanel(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        // Filtered in memory: the last expert's scores are tracked in this very transaction, not yet in the database.
        var sheets = (await Db.Set<PanelMember>().Where(p => p.ApplicationId == application.Id).ToListAsync(cancellationToken))
            .Select(p => p.Sheet).OfType<ScoreSheet>().ToList();
        if (sheets.Count < rules.Panel.Quorum)
            throw new InvalidOperationException($"Only {sheets.Count} experts scored and the quorum is {rules.Panel.Quorum}: seat more experts (retry after adding them to the panel).");
        var result = PanelResult.Of(rules.Panel, sheets);
        context.SetVariable("panelScore", result.Score);
        context.SetVariable("panelPassed", result.Passed);
    }
}
