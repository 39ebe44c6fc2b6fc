namespace ProjectWorkflow.Engine.ServiceTasks;

/// <summary>
/// Thrown by a service task handler to raise a BPMN error (a business outcome, not a failure): an error boundary
/// event with this code (or with none) on the task or an enclosing sub-process or call activity catches it, as
/// Camunda's <c>BpmnError</c>. Uncaught, it stops the branch with an incident, like any failure.
/// </summary>
public sealed class BpmnErrorException(string errorCode, string? message = null)
    : Exception(message ?? $"BPMN error '{errorCode}'")
{
    public string ErrorCode { get; } = errorCode;
}
