using System.Text.Json.Nodes;

namespace ProjectWorkflow.Application.Workflows.Instances;

/// <summary>
/// Deliver the BPMN message <paramref name="Name"/> to every process waiting for it under the business key
/// <paramref name="CorrelationKey"/>: the bus twin of <c>POST /api/messages</c>, sent to <see cref="Queue"/>.
/// </summary>
public sealed record DeliverWorkflowMessage(string Name, string? CorrelationKey, JsonObject? Variables)
{
    public const string Queue = "workflow-messages";
}
