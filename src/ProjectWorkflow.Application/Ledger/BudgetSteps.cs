using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications.Steps;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// budget.reserve: right before approval, reserves the approved amount against the scheme-year's budget.
/// Refused by the BudgetExceeded rule (an incident the administrator can retry after raising the budget)
/// rather than over-committing. Booked once per application, however often the step runs.
/// </summary>
public sealed class ReserveBudget(ProjectWorkflowDbContext db, TimeProvider time, FundLedger ledger) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var reference = $"reserve:{application.Id:N}";
        var amount = new Money(application.ApprovedAmountFen ?? 0);
        if (amount.Fen <= 0 || await ledger.HasEntryAsync(reference, cancellationToken)) return;
        var budget = await ledger.BudgetForAsync(application.SchemeKey, application.Year, cancellationToken);
        var project = await ledger.ProjectAsync(application.Id, cancellationToken);
        ledger.Add(budget, budget.Reserve(application.Id, amount, project, ledger.Booking(reference, "system", $"{application.Number} approved at {amount}")));
        context.SetVariable("reservedFen", amount.Fen);
    }
}

/// <summary>
/// budget.release: at close or termination, gives back to the budget what is reserved for the project and
/// not paid (orders already on their way to the treasury keep their share).
/// </summary>
public sealed class ReleaseBudget(ProjectWorkflowDbContext db, TimeProvider time, FundLedger ledger) : ApplicationStep(db, time)
{
    protected override async Task RunAsync(FundingApplication application, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var released = await ReleaseUnpaid.RunAsync(Db, ledger, application, $"{application.Number} {ApplicationStatusText.Of(application.Status)}: unpaid reservation released", Now, cancellationToken);
        context.SetVariable("releasedFen", released.Fen);
    }
}

/// <summary>
/// Releases a project's reservation beyond what is paid or on its way to be paid, and cancels the orders that
/// will now never leave (waiting for approval, or returned by the bank): they would otherwise sit in the finance
/// officers' "due" list with no reservation behind them.
/// </summary>
internal static class ReleaseUnpaid
{
    private static readonly PaymentOrderStatus[] InFlight = [PaymentOrderStatus.Approved, PaymentOrderStatus.Sent];
    private static readonly PaymentOrderStatus[] NotLeft = [PaymentOrderStatus.AwaitingApproval, PaymentOrderStatus.Rejected];

    public static async Task<Money> RunAsync(ProjectWorkflowDbContext db, FundLedger ledger, FundingApplication application, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var order in await db.Set<PaymentOrder>().Where(o => o.ApplicationId == application.Id && NotLeft.Contains(o.Status)).ToListAsync(cancellationToken))
            order.Cancel(reason, now);
        var project = await ledger.ProjectAsync(application.Id, cancellationToken);
        var inFlight = await db.Set<PaymentOrder>()
            .Where(o => o.ApplicationId == application.Id && InFlight.Contains(o.Status))
            .SumAsync(o => o.AmountFen, cancellationToken);
        var release = project.Reserved - new Money(inFlight);
        if (release.Fen <= 0) return Money.Zero;
        var budget = await ledger.BudgetForAsync(application.SchemeKey, application.Year, cancellationToken);
        ledger.Add(budget, budget.Release(application.Id, release, project, ledger.Booking($"release:{application.Id:N}:{Guid.NewGuid():N}", "system", reason)));
        return release;
    }
}
