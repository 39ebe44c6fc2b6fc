using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Calendar;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Reviews;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Calendar;
using ProjectWorkflow.Funding.Schemes;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Applications.Steps;

/// <summary>
/// subsidy.calculate: approved amount = min(what the rule set's support rule gives, its cap, the budget
/// left), with each step written out for the joint review.
/// </summary>
[SetsVariables("approvedAmountFen", "calculation")]
public sealed class CalculateSubsidy(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets, BudgetLeft budgetLeft) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        var option = rules.OptionFor(application.SupportMethod)
            ?? throw new InvalidOperationException($"{application.Number} names the support method '{application.SupportMethod}', which its rules do not offer.");
        var left = await budgetLeft.ForAsync(application.SchemeKey, application.Year, application.Id, cancellationToken);
        var calculated = SubsidyCalculation.Approved(option.Rule, application.Figures(rules), left);
        application.RecordCalculatedSubsidy(calculated.Amount);
        context.SetVariable("approvedAmountFen", calculated.Amount.Fen);
        context.SetVariable("supportMethod", option.Key);
        context.SetVariable("calculation", $"{option.Key}: " + string.Join("; ", calculated.Steps));
    }
}

/// <summary>
/// notice.publish: the approved project is published for the rule set's number of working days, counted on the holiday
/// calendar from the day after publication (a notice published on Tuesday 2026-09-22 runs Sep 23, 24, 28, 29, 30).
/// </summary>
[SetsVariables("noticeEndsAt")]
public sealed class PublishNotice(ProjectWorkflowDbContext db, TimeProvider time, RuleSets ruleSets, WorkingDays workingDays) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
        application.PublishNotice();
        var calendar = await workingDays.CalendarAsync(cancellationToken);
        var lastDay = calendar.AddWorkingDays(ShanghaiDate.Of(Now), rules.NoticeWorkingDays);
        // The notice runs to the end of its last working day, Shanghai time.
        var endsAt = ShanghaiDate.EndOf(lastDay);
        context.SetVariable("noticeEndsAt", endsAt.ToString("O", CultureInfo.InvariantCulture));
    }
}

/// <summary>notice.close: were signed objections filed during the notice?</summary>
[SetsVariables("hasObjections")]
public sealed class CloseNotice(ProjectWorkflowDbContext db, TimeProvider time) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken) =>
        context.SetVariable("hasObjections", await Db.Set<ObjectionRecord>().AnyAsync(o => o.ApplicationId == application.Id, cancellationToken));
}

/// <summary>application.approve: the project is approved at its calculated amount, if the scheme-year's budget left still covers it.</summary>
public sealed class Approve(ProjectWorkflowDbContext db, TimeProvider time, BudgetLeft budgetLeft) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var left = await budgetLeft.ForAsync(application.SchemeKey, application.Year, application.Id, cancellationToken);
        application.Approve(new Money(application.ApprovedAmountFen ?? 0), left);
    }
}
