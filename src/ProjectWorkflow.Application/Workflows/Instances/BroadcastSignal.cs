using System.Text.Json.Nodes;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Instances;

public sealed record BroadcastSignalRequest(string? Name, JsonObject? Variables);

/// <summary>
/// <c>POST /api/signals</c>: an administrator broadcasts a BPMN signal, as Camunda's <c>POST /signal</c> does. Every event
/// of every running instance waiting for the name fires, and every process whose latest version has a signal start
/// event of that name starts, all in one transaction (recorded on the audit trail by the command).
/// </summary>
public sealed class BroadcastSignal(WorkflowCommands commands)
{
    public const int MaxNameLength = 255;

    /// <returns>How many events fired and instances started.</returns>
    public Task<int> HandleAsync(BroadcastSignalRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
            throw InvalidRequestException.For("name", "Name the signal (as the BPMN signal element names it).", "请填写信号名称（与 BPMN 信号元素的名称一致）。");
        if (request.Name.Length > MaxNameLength)
            throw InvalidRequestException.For("name", $"A signal name has at most {MaxNameLength} characters.", $"信号名称最多 {MaxNameLength} 个字符。");
        return commands.RunAsync(actor, session => session.BroadcastSignalAsync(request.Name, request.Variables, cancellationToken), cancellationToken);
    }
}
