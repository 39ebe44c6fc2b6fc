using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Ledger;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// A finance officer who played no other part on the project approves a payment order: the order's release
/// task completes, and in the same transaction the order goes to the treasury. A second click, a retry or a
/// concurrent approval finds the order no longer awaiting approval (or loses the optimistic save) and answers
/// a conflict: an order is sent once per approval, and approved again only after the bank rejected it.
/// </summary>
public sealed class ApprovePaymentOrder(ProjectWorkflowDbContext db, WorkflowCommands commands, ProjectRoles roles, TimeProvider time, AuditTrail audit)
{
    /// <summary>The user task of workflows/installment-payment.bpmn this approval completes.</summary>
    public const string ReleaseTask = "releaseInstallment";

    public async Task<PaymentOrderView> HandleAsync(Guid orderId, Actor actor, CancellationToken cancellationToken)
    {
        var order = await db.Set<PaymentOrderRecord>().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new NotFoundException($"There is no payment order {orderId}.");
        var status = PaymentOrderStatusText.Parse(order.Status);
        if (status == PaymentOrderStatus.Cancelled)
            throw new ConflictException($"This payment order is {PaymentOrderTransitionException.Describe(status)} ({order.CancelReason}): it will not be paid.");
        if (status is not (PaymentOrderStatus.AwaitingApproval or PaymentOrderStatus.Rejected))
            throw new ConflictException(
                $"This payment order is {PaymentOrderTransitionException.Describe(status)}: {order.ApprovedBy} approved it at {order.ApprovedAt:u}. It is paid once; nothing was sent again.");
        var application = await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == order.ApplicationId, cancellationToken)
            ?? throw new NotFoundException($"The application of payment order {orderId} does not exist.");
        await roles.RefuseConflictAsync(application, actor.Id, ProjectRole.Payer, cancellationToken);

        var taskId = await db.Set<TaskRecord>().AsNoTracking()
            .Where(t => t.InstanceId == order.InstanceId && t.ElementId == ReleaseTask && t.Status == TaskStatuses.Open)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ConflictException("This payment order's process is not waiting for a release (it may have been approved a moment ago). Reload the order.");

        await commands.RunAsync(actor, async session =>
        {
            order.Move(o => o.Approve());
            order.ApprovedBy = actor.Id;
            order.ApprovedAt = time.GetUtcNow();
            audit.RecordOrder("payment-order.approved", order);
            await session.CompleteAsync(taskId, new JsonObject { ["approvedBy"] = actor.Id }, cancellationToken);
        }, cancellationToken);
        return PaymentOrderView.Of(order);
    }
}
