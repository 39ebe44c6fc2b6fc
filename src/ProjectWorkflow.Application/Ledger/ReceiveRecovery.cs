using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Ledger;

public sealed record RecoveryView(
    Guid Id, Guid ApplicationId, string ApplicationNumber, long AmountFen, string Reason, string Status, DateTimeOffset OpenedAt,
    DateTimeOffset? ReceivedAt, string? ReceivedBy, string? ReturnedTo)
{
    public static RecoveryView Of(Recovery r) =>
        new(r.Id, r.ApplicationId, r.ApplicationNumber, r.AmountFen, r.Reason, r.Status, r.OpenedAt, r.ReceivedAt, r.ReceivedBy, r.ReturnedTo);
}

/// <summary>
/// A finance officer records that a recovery's money came back. The ledger returns it to the budget or to the
/// treasury, as the scheme-year's rule set says (<c>recoveryReturnsTo</c>). Recorded once: a second click is a conflict.
/// </summary>
public sealed class ReceiveRecovery(ProjectWorkflowDbContext db, FundLedger ledger, RuleSets ruleSets, TimeProvider time)
{
    public async Task<RecoveryView> HandleAsync(Guid recoveryId, Actor actor, CancellationToken cancellationToken)
    {
        var recovery = await db.Set<Recovery>().FirstOrDefaultAsync(r => r.Id == recoveryId, cancellationToken)
            ?? throw new NotFoundException($"There is no recovery {recoveryId}.", $"追回记录 {recoveryId} 不存在。");
        if (!recovery.IsOutstanding)
            throw new ConflictException($"This recovery was already received by {recovery.ReceivedBy} at {recovery.ReceivedAt:u}; it is booked once.", $"该追回款已由 {recovery.ReceivedBy} 于 {recovery.ReceivedAt:u} 登记到账，不能重复登记。");
        var application = await db.Set<FundingApplication>().AsNoTracking().FirstAsync(a => a.Id == recovery.ApplicationId, cancellationToken);
        var destination = (await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken)).RecoveryReturnsTo;
        var budget = await db.Set<Budget>().FirstAsync(b => b.Id == recovery.BudgetId, cancellationToken);
        var project = await ledger.ProjectAsync(recovery.ApplicationId, cancellationToken);

        recovery.Receive(actor.Id, destination, time.GetUtcNow());
        ledger.Add(budget, budget.ReceiveRecovery(recovery.ApplicationId, recovery.Amount, destination, project,
            ledger.Booking($"recovery-received:{recovery.Id:N}", actor.Id, $"{recovery.ApplicationNumber}: recovery of {recovery.Amount} received, returned to the {destination}")));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("Someone recorded this recovery or booked against its budget at the same moment. Reload it and try again.", "他人同时登记了该追回款到账，或在其预算上记账，请刷新后重试。");
        }
        return RecoveryView.Of(recovery);
    }
}
