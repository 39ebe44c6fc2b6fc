using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Vouchers;

namespace ProjectWorkflow.Application.Vouchers;

/// <summary>
/// A quota's review task completes only through <see cref="DecideQuota"/> (which grants and reserves, or refuses) and a
/// settlement's release task only through <see cref="ReleaseSettlement"/> (which checks who may pay): completing either
/// from the task inbox is refused with the way to do it, so the process never runs ahead of the voucher's state.
/// </summary>
public sealed class VoucherTasksByTheirRoutes(ProjectWorkflowDbContext db) : IWorkflowSessionObserver
{
    public Task OnStagedAsync(WorkflowSession session, CancellationToken cancellationToken)
    {
        foreach (var completion in session.Journal.Where(j => j.Event == "completed"))
        {
            if (completion.ElementId == DecideQuota.ReviewTask
                && session.Touched.Any(i => i.Id == completion.InstanceId && i.DefinitionKey.EndsWith("-voucher", StringComparison.Ordinal))
                && !db.Set<VoucherQuota>().Local.Any(q => q.InstanceId == completion.InstanceId && q.DecidedBy == completion.Actor))
                throw new ConflictException("Decide a voucher quota with POST /api/vouchers/quotas/{id}/decision: it grants and reserves the quota, or refuses it, with the task.", "请通过 POST /api/vouchers/quotas/{id}/decision 审核券额度：办结任务的同时核定额度并预留预算，或不予核定。");
            if (completion.ElementId == ReleaseSettlement.ReleaseTask
                && !db.Set<VoucherSettlement>().Local.Any(s => s.ReleasedBy == completion.Actor && s.Status is VoucherSettlementStatus.Released or VoucherSettlementStatus.Sent))
                throw new ConflictException("Release a voucher settlement with POST /api/vouchers/settlements/{id}/release: it checks who may pay and sends it once.", "请通过 POST /api/vouchers/settlements/{id}/release 批准券结算：核查审批人是否可以审批拨付，且只发送一次。");
        }
        return Task.CompletedTask;
    }
}
