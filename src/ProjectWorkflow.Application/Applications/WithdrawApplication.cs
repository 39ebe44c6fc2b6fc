using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Applications;

public sealed record WithdrawRequest(string? Reason);

/// <summary>
/// The enterprise withdraws its submitted application while the district still reviews it (or waits for its
/// supplement): the application is withdrawn, its invoices are free again, and its process ends as cancelled with the
/// reason, all in one transaction (journaled and audited as the command <c>withdraw-application</c>).
/// </summary>
public sealed class WithdrawApplication(ProjectWorkflowDbContext db, ApplicationAccess access, WorkflowCommands commands, TimeProvider time)
{
    /// <summary>The tasks of the district stage: while one of them is open, the file is still with the district.</summary>
    public static readonly IReadOnlyList<string> DistrictStage = ["districtReview", "supplement"];

    public async Task<ApplicationView> HandleAsync(Guid id, WithdrawRequest request, Actor actor, CancellationToken cancellationToken)
    {
        // Whose application it is first, then what was asked.
        var application = await access.OwnedAsync(id, actor, cancellationToken);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) throw InvalidRequestException.For("reason", "Say why the application is withdrawn (it is kept in the file).", "请填写撤回理由（将存入申报档案）。");
        if (reason.Length > 1000) throw InvalidRequestException.For("reason", "At most 1000 characters.", "撤回理由最多 1000 个字符。");

        var instanceId = application.InstanceId;
        var withTheDistrict = instanceId is { } instance && await db.Set<TaskRecord>()
            .AnyAsync(t => t.InstanceId == instance && t.Status == TaskStatuses.Open && DistrictStage.Contains(t.ElementId), cancellationToken);
        application.Withdraw(withTheDistrict, time.GetUtcNow());
        await InvoiceClaims.ReleaseAsync(db, application, cancellationToken);
        await commands.RunAsync(actor,
            session => session.EndAsync(instanceId!.Value, InstanceStatus.Cancelled, $"withdrawn by the applicant: {reason}", cancellationToken),
            cancellationToken);
        return await ApplicationViews.OfAsync(db, application, cancellationToken);
    }
}
