using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications.Steps;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Projects;
using ProjectWorkflow.Funding.Schemes;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Projects;

/// <summary>
/// project.start-building: the first installment is paid, so building starts today (Shanghai): the build
/// period runs the rule set's months and acceptance is due AcceptanceWindowMonths after it (acceptanceDueAt).
/// </summary>
[SetsVariables("projectClosed", "buildEndsOn", "acceptanceDueAt")]
public sealed class StartBuilding(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var schedule = application.StartBuilding(rules, Now);
        ProjectSteps.SetAcceptanceDue(schedule, context);
        context.SetVariable("projectClosed", false);
    }
}

/// <summary>change.apply: an approved extension moves the end of the build period and the acceptance deadline (once, as the rules allow).</summary>
public sealed class ApplyChange(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(context.GetVariable<string>("changeRequestId") ?? throw new InvalidOperationException("The process carries no changeRequestId."));
        var change = Db.Set<ChangeRequest>().Local.FirstOrDefault(c => c.Id == id)
            ?? await Db.Set<ChangeRequest>().FirstAsync(c => c.Id == id, cancellationToken);
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        if (application.GrantExtension(change, rules) is { } extended)
            ProjectSteps.SetAcceptanceDue(extended, context);
    }
}

/// <summary>
/// acceptance.deadline: the acceptance window closed while the project was still building. If an extension
/// moved the deadline meanwhile, building goes on (acceptanceExtended); otherwise the project overran. The reason is kept
/// with the recovery as part of the record, like an officer's own typed reason: written once, in the city's language
/// (Chinese), not two languages pasted into one string.
/// </summary>
[SetsVariables("acceptanceExtended", "recoveryReason")]
public sealed class CheckAcceptanceDeadline(ProjectWorkflowDbContext db, TimeProvider time) : ApplicationStep(db, time)
{
    protected override Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var extended = application.AcceptanceDueAt > Now;
        context.SetVariable("acceptanceExtended", extended);
        if (!extended)
            context.SetVariable("recoveryReason",
                $"建设期于{application.BuildEndsOn:yyyy-MM-dd}届满，至{application.AcceptanceDueAt?.ToOffset(ShanghaiDate.Offset):yyyy-MM-dd HH:mm}（北京时间）仍未申请验收。");
        return Task.CompletedTask;
    }
}

/// <summary>acceptance.requested: building is over; the project waits for the department's acceptance review.</summary>
public sealed class AcceptanceRequested(ProjectWorkflowDbContext db, TimeProvider time) : ApplicationStep(db, time)
{
    protected override Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        application.PutUpForAcceptance();
        return Task.CompletedTask;
    }
}

/// <summary>
/// acceptance.settle: the project passed acceptance. It is entitled to the approved amount, cut pro rata when the
/// actual eligible investment fell short of the approved one (AcceptedAmountFen); the ledger pays the rest of it.
/// </summary>
[SetsVariables("acceptedAmountFen", "acceptanceCalculation")]
public sealed class SettleAcceptance(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var acceptance = (await Db.Set<Acceptance>().Where(a => a.ApplicationId == application.Id).ToListAsync(cancellationToken))
            .Where(a => a.Passed).OrderByDescending(a => a.RequestedAt).FirstOrDefault()
            ?? throw new InvalidOperationException("The project has no passed acceptance to settle.");
        var settled = application.Accept(acceptance, rules);
        context.SetVariable("acceptedAmountFen", settled.Amount.Fen);
        context.SetVariable("acceptanceCalculation", acceptance.Calculation);
    }
}

/// <summary>
/// project.close: evaluated and paid in full, the project is closed. An evaluation the department filled in on the
/// task's own form (the portal's task page, not POST …/evaluation) is recorded here from the form's figures, by whoever
/// completed the task, so the plan's figures have what the project delivered either way.
/// </summary>
[SetsVariables("projectClosed", "evaluationScore", "evaluationGrade")]
public sealed class CloseProject(ProjectWorkflowDbContext db, TimeProvider time, Audit.AuditTrail audit) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        if (application.Status == ApplicationStatus.Accepted && context.GetVariable("energySavedTce") is not null
            // POST …/evaluation adds its evaluation in the same save as the completion that runs this step.
            && !Db.Set<Evaluation>().Local.Any(e => e.ApplicationId == application.Id)
            && !await Db.Set<Evaluation>().AnyAsync(e => e.ApplicationId == application.Id, cancellationToken)
            && await EvaluatorAsync(context, cancellationToken) is { } by)
        {
            var evaluation = application.Evaluate(FromTheForm(context), by, Now, context.GetText("evaluationComment"));
            Db.Add(evaluation);
            context.SetVariable("evaluationScore", evaluation.Score);
            context.SetVariable("evaluationGrade", evaluation.Grade);
        }
        application.Close(Now);
        context.SetVariable("projectClosed", true);
    }

    /// <summary>
    /// Who evaluated: the person whose completion of the evaluation task runs this step (the scope's actor; the task's
    /// row is saved with this step, so it still reads open), else the task's holder.
    /// </summary>
    private async Task<string?> EvaluatorAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
        audit.Actor != Audit.AuditActor.System ? audit.Actor.Name
            : await Db.Set<Workflows.Storage.TaskRecord>().AsNoTracking()
                .Where(t => t.InstanceId == context.InstanceId && t.ElementId == "evaluation" && t.Assignee != null)
                .OrderByDescending(t => t.CreatedAt).Select(t => t.Assignee).FirstOrDefaultAsync(cancellationToken);

    private static ProjectIndicators FromTheForm(ServiceTaskContext context)
    {
        decimal Number(string name) => context.GetVariable(name) is JsonValue value && value.TryGetValue<decimal>(out var number) ? Math.Max(0, number) : 0;
        var reached = new ProjectIndicators(Number("energySavedTce"), new Money((long)Number("outputFen")), new Money((long)Number("valueAddedFen")), (int)Number("robots"))
        {
            RdSpend = new Money((long)Number("rdSpendFen")),
            InventionPatents = (int)Number("inventionPatents"),
            WaterSavedM3 = (long)Number("waterSavedM3"),
            Co2ReducedTonnes = decimal.Round(Number("co2ReducedTonnes"), 3),
            SolidWasteTonnes = decimal.Round(Number("solidWasteTonnes"), 3),
            SolidWasteUtilisedTonnes = decimal.Round(Number("solidWasteUtilisedTonnes"), 3),
            LandM2 = (long)Number("landM2"),
        };
        // The form cannot compare two fields: more waste used than produced is left unreported rather than stop the closing.
        return reached.Problems().Count == 0 ? reached : reached with { SolidWasteTonnes = 0, SolidWasteUtilisedTonnes = 0 };
    }
}

/// <summary>
/// project.recover: the project's funds are recovered (ordered by the department, a failed acceptance, or an
/// overrun): the status becomes recovered and the enterprise and the project leader are barred from applying
/// for the rule set's SanctionYears. The ledger's recovery.open then claims back what was paid.
/// </summary>
[SetsVariables("projectClosed", "sanctionedUntil")]
public sealed class RecoverFunds(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var reason = context.GetText("recoveryReason") ?? "责令追回";
        Db.AddRange(application.Recover(reason, Now, rules.SanctionYears));
        context.SetVariable("projectClosed", false);
        context.SetVariable("sanctionedUntil", Now.AddYears(rules.SanctionYears).ToString("O", CultureInfo.InvariantCulture));
    }
}

internal static class ProjectSteps
{
    public static void SetAcceptanceDue(ProjectSchedule schedule, ServiceTaskContext context)
    {
        context.SetVariable("buildEndsOn", schedule.BuildEndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        context.SetVariable("acceptanceDueAt", schedule.AcceptanceDueAt.ToString("O", CultureInfo.InvariantCulture));
    }
}
