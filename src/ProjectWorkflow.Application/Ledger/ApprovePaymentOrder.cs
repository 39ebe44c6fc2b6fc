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

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// A finance officer who played no other part on the project approves a payment order: the order's release
/// task completes, and in the same transaction the order goes to the treasury. A second click, a retry or a
/// concurrent approval finds the order no longer awaiting approval (or loses the optimistic save) and answers
/// a conflict: an order is sent once per approval, and approved again only after the bank rejected it. The order's
/// <see cref="PaymentOrder.Approve"/> refuses a status that does not allow it and an approver who played another part.
/// </summary>
public sealed class ApprovePaymentOrder(ProjectWorkflowDbContext db, WorkflowCommands commands, ProjectRoles roles, TimeProvider time, AuditTrail audit)
{
    /// <summary>The user task of workflows/installment-payment.bpmn this approval completes.</summary>
    public const string ReleaseTask = "releaseInstallment";

    public async Task<PaymentOrderView> HandleAsync(Guid orderId, Actor actor, CancellationToken cancellationToken)
    {
        var order = await db.Set<PaymentOrder>().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new NotFoundException($"There is no payment order {orderId}.", $"拨付单 {orderId} 不存在。");
        var application = await db.Set<FundingApplication>().FirstOrDefaultAsync(a => a.Id == order.ApplicationId, cancellationToken)
            ?? throw new NotFoundException($"The application of payment order {orderId} does not exist.", $"拨付单 {orderId} 对应的申报不存在。");
        order.Approve(actor.Id, await roles.PlayedAsync(application, actor.Id, cancellationToken), time.GetUtcNow());

        var taskId = await db.Set<TaskRecord>().AsNoTracking()
            .Where(t => t.InstanceId == order.InstanceId && t.ElementId == ReleaseTask && t.Status == TaskStatuses.Open)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ConflictException("This payment order's process is not waiting for a release (it may have been approved a moment ago). Reload the order.", "该拨付单当前不在待审核拨付环节（可能刚刚已审核），请刷新后查看。");

        await commands.RunAsync(actor, async session =>
        {
            audit.RecordOrder("payment-order.approved", order);
            await session.CompleteAsync(taskId, new JsonObject { ["approvedBy"] = actor.Id }, cancellationToken);
        }, cancellationToken);
        return PaymentOrderView.Of(order);
    }
}
