using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Applications.Steps;

/// <summary>
/// panel.assign: draws the seats still empty (all of them the first time; after the department's redraw, those of
/// recused experts) at random from the pool in the rule set's mix (<see cref="ExpertPool"/>). When even a full draw
/// cannot bring the panel to its quorum, nobody new is seated: the empty round goes straight to the panel's result,
/// which hands the file to the department (panelShortage) instead of faulting. Who was drawn is audited and kept
/// in the process variables (the fund's internal file), never shown to the applicant.
/// </summary>
[SetsVariables("experts")]
public sealed class AssignPanel(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets, ExpertPool pool, AuditTrail audit) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var seats = await Db.Set<PanelMember>().Where(p => p.ApplicationId == application.Id).ToListAsync(cancellationToken);
        var vacancies = PanelDraw.Vacancies(rules.Panel, seats);
        var drawn = await pool.DrawAsync(application, rules.Panel, vacancies, seats, cancellationToken);
        var sitting = seats.Count(s => !s.Recused);
        var wanted = string.Join(", ", vacancies.Where(v => v.Value > 0).Select(v => $"{v.Value} {v.Key}"));
        if (sitting + drawn.Count < rules.Panel.Quorum)
        {
            audit.Record("panel.short", "application", application.Id.ToString("D"), outcome: AuditOutcomes.Refused,
                reason: $"the pool has {drawn.Count} eligible expert(s) for {wanted}; with {sitting} sitting the quorum of {rules.Panel.Quorum} cannot be reached",
                detail: $"{application.Number}: nobody drawn; the department is asked to add experts or decide");
            drawn = [];
        }
        else if (drawn.Count > 0)
        {
            audit.Record("panel.drawn", "application", application.Id.ToString("D"),
                detail: $"{application.Number}: {string.Join(", ", drawn.Select(d => $"{d.Expert} ({d.Field})"))} for {wanted}; {sitting} already sitting");
        }
        foreach (var seat in drawn)
            Db.Add(PanelMember.Seat(application.Id, seat.Expert, seat.Field));
        context.SetVariable("experts", new JsonArray(drawn.Select(d => (JsonNode?)JsonValue.Create(d.Expert)).ToArray()));
    }
}

/// <summary>
/// panel.conclude: once every seated expert has scored or recused, the trimmed mean of the score sheets against the
/// pass score — if the quorum of sheets is in (<c>panelQuorate</c>). Below the quorum nothing faults: the file goes
/// to the department's panelShortage task.
/// </summary>
[SetsVariables("panelScore", "panelPassed", "panelQuorate", "panelSheets")]
public sealed class ConcludePanel(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        // Filtered in memory: the last expert's scores are tracked in this very transaction, not yet in the database.
        var sheets = (await Db.Set<PanelMember>().Where(p => p.ApplicationId == application.Id).ToListAsync(cancellationToken))
            .Select(p => p.Sheet).OfType<ScoreSheet>().ToList();
        var quorate = sheets.Count >= rules.Panel.Quorum;
        context.SetVariable("panelQuorate", quorate);
        context.SetVariable("panelSheets", sheets.Count);
        if (!quorate)
        {
            context.SetVariable("panelPassed", false);
            return;
        }
        var result = PanelResult.Of(rules.Panel, sheets);
        context.SetVariable("panelScore", result.Score);
        context.SetVariable("panelPassed", result.Passed);
    }
}
