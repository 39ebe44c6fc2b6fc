using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

public sealed record ExternalTaskBpmnErrorRequest(string? WorkerId, string? ErrorCode, string? ErrorMessage, Dictionary<string, TypedValue?>? Variables);

/// <summary>
/// <c>POST /engine-rest/external-task/{id}/bpmnError</c>: the worker raises a business error; the task ends and the error
/// goes to the boundary error event (or event sub-process) that catches its code, as a handler's error would.
/// </summary>
public sealed class RaiseExternalTaskBpmnError(ExternalTaskInstances tasks, WorkflowCommands commands)
{
    public async Task HandleAsync(Guid id, ExternalTaskBpmnErrorRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var workerId = ExternalTaskInstances.WorkerId(request.WorkerId);
        if (string.IsNullOrWhiteSpace(request.ErrorCode) || request.ErrorCode.Length > TypedVariables.MaxNameLength)
            throw InvalidRequestException.For("errorCode", "Give the BPMN error's code (1 to 255 characters).", "请给出 BPMN 错误代码（1 至 255 个字符）。");
        var message = ExternalTaskInstances.Text(request.ErrorMessage, "errorMessage");
        var variables = TypedVariables.Read(request.Variables, "variables");
        var instanceId = await tasks.InstanceOfAsync(id, cancellationToken);
        await commands.RunAsync(actor, session => session.ExternalTaskBpmnErrorAsync(instanceId, id, workerId, request.ErrorCode, message, variables, cancellationToken), cancellationToken);
    }
}
