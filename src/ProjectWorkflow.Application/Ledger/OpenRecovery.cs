using ProjectWorkflow.Application.Applications.Steps;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// recovery.open: claims back (追回) what was paid beyond what the project is entitled to — nothing when it is
/// recovered or terminated, else the accepted amount (the approved amount before acceptance) — and releases the
/// unpaid reservation. Nothing is opened when nothing is owed. Sets <c>recoveryFen</c> and <c>recoveryId</c>.
/// </summary>
public sealed class OpenRecovery(ProjectWorkflowDbContext db, TimeProvider time, FundLedger ledger) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var reason = context.GetText("recoveryReason") ?? $"{application.Number} {ApplicationStatusText.Of(application.Status)}";
        await ReleaseUnpaid.RunAsync(Db, ledger, application, $"{reason}: unpaid reservation released", Now, cancellationToken);

        var entitled = application.Status is ApplicationStatus.Recovered or ApplicationStatus.Terminated ? Money.Zero
            : new Money(application.AcceptedAmountFen ?? application.ApprovedAmountFen ?? 0);
        var project = await ledger.ProjectAsync(application.Id, cancellationToken);
        var owed = project.Paid - entitled;
        context.SetVariable("recoveryFen", Math.Max(0, owed.Fen));
        if (owed.Fen <= 0) return;

        var budget = await ledger.BudgetForAsync(application.SchemeKey, application.Year, cancellationToken);
        var recovery = Recovery.Open(application.Id, application.Number, budget.Id, owed, reason, Now);
        Db.Add(recovery);
        ledger.Add(budget, budget.OpenRecovery(application.Id, owed, project, ledger.Booking($"recovery-open:{recovery.Id:N}", "system", reason)));
        context.SetVariable("recoveryId", recovery.Id.ToString());
    }
}
