using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Ledger;

namespace ProjectWorkflow.Application.Ledger;

/// <summary>
/// The release task of an installment completes only through <see cref="ApprovePaymentOrder"/>, which checks who may
/// pay and moves the order in the same transaction. Completing it from the task inbox is refused with the way to do it.
/// </summary>
public sealed class ReleaseOnlyByApproval(Persistence.ProjectWorkflowDbContext db) : IWorkflowSessionObserver
{
    public Task OnStagedAsync(WorkflowSession session, CancellationToken cancellationToken)
    {
        foreach (var completion in session.Journal.Where(j => j.Event == "completed" && j.ElementId == ApprovePaymentOrder.ReleaseTask))
        {
            var approvedNow = db.Set<PaymentOrder>().Local.Any(o => o.InstanceId == completion.InstanceId && o.IsReleasedBy(completion.Actor));
            if (!approvedNow)
                throw new ConflictException(
                    "Release an installment with POST /api/ledger/payment-orders/{id}/approve (see GET /api/ledger/payment-orders): it checks who may pay and sends the order once.",
                    "请通过 POST /api/ledger/payment-orders/{id}/approve 审核拨付（拨付单见 GET /api/ledger/payment-orders）：该操作核验审核人资格，拨付单只发送一次。");
        }
        return Task.CompletedTask;
    }
}
