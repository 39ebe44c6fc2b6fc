using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Definitions;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

public sealed record ReopenInstanceRequest(string? ElementId, string? Reason);

/// <summary>
/// 唤醒: an administrator reopens an ended instance at one of the user tasks it went through, with a reason; the task goes
/// to whoever did it last. Journaled (<c>reopened</c>) and audited as <c>workflow.reopen-instance</c>. What the process
/// did on its way to its end is not undone: reopening gives the file back to people. A process that is a money rule (a
/// scheme's process, one a money use case starts, one they call) or whose service tasks move money is never reopened
/// (409): going its way again would reserve, order or pay a second time behind the ledger's back.
/// </summary>
public sealed class ReopenInstance(WorkflowCommands commands, ProjectWorkflowDbContext db, DefinitionCatalog catalog, MoneyProcesses money)
{
    public async Task HandleAsync(Guid instanceId, ReopenInstanceRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.ElementId) || request.ElementId.Length > ModifyInstance.MaxElementIdLength)
            errors.Add(FieldError.Of("elementId", $"Name the user task to reopen at, by its element id (1 to {ModifyInstance.MaxElementIdLength} characters).", $"请以环节编号指定在哪个用户任务唤醒（1 至 {ModifyInstance.MaxElementIdLength} 个字符）。"));
        if (string.IsNullOrWhiteSpace(request.Reason))
            errors.Add(FieldError.Of("reason", "Give a reason: it is kept in the journal and the audit log.", "请填写原因：记入流程日志和审计日志。"));
        else if (request.Reason.Length > ModifyInstance.MaxReasonLength)
            errors.Add(FieldError.Of("reason", $"The reason has at most {ModifyInstance.MaxReasonLength} characters.", $"原因最多 {ModifyInstance.MaxReasonLength} 个字符。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);
        var record = await db.Set<InstanceRecord>().AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new { i.DefinitionId, i.DefinitionKey }).FirstOrDefaultAsync(cancellationToken)
            ?? throw WorkflowException.NotFound($"There is no process instance {instanceId}.", $"流程实例 {instanceId} 不存在。");
        var definition = await catalog.FindAsync(db, record.DefinitionId, cancellationToken);
        if (await money.IncludesAsync(record.DefinitionKey, cancellationToken) || (definition is not null && money.MovesMoney(definition)))
            throw new ConflictException($"'{record.DefinitionKey}' is a money process: going its way again would reserve, order or pay a second time. Use the application's own operations instead of reopening it.", $"“{record.DefinitionKey}”是涉及资金的流程：重新走一遍会重复预留资金、下达拨付或付款。请通过申报本身的操作办理，不要唤醒该流程。");
        await commands.RunAsync(actor, session => session.ReopenAsync(instanceId, request.ElementId!.Trim(), request.Reason!.Trim(), cancellationToken: cancellationToken),
            cancellationToken);
    }
}
