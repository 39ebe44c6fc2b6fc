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
            errors.Add(new FieldError("elementId", $"Name the user task to reopen at, by its element id (1 to {ModifyInstance.MaxElementIdLength} characters)."));
        if (string.IsNullOrWhiteSpace(request.Reason))
            errors.Add(new FieldError("reason", "Give a reason: it is kept in the journal and the audit log."));
        else if (request.Reason.Length > ModifyInstance.MaxReasonLength)
            errors.Add(new FieldError("reason", $"The reason has at most {ModifyInstance.MaxReasonLength} characters."));
        if (errors.Count > 0) throw new InvalidRequestException(errors);
        var record = await db.Set<InstanceRecord>().AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new { i.DefinitionId, i.DefinitionKey }).FirstOrDefaultAsync(cancellationToken)
            ?? throw WorkflowException.NotFound($"There is no process instance {instanceId}.");
        var definition = await catalog.FindAsync(db, record.DefinitionId, cancellationToken);
        if (await money.IncludesAsync(record.DefinitionKey, cancellationToken) || (definition is not null && money.MovesMoney(definition)))
            throw new ConflictException($"'{record.DefinitionKey}' is a money process: going its way again would reserve, order or pay a second time. Use the application's own operations instead of reopening it.");
        await commands.RunAsync(actor, session => session.ReopenAsync(instanceId, request.ElementId!.Trim(), request.Reason!.Trim(), cancellationToken: cancellationToken),
            cancellationToken);
    }
}
