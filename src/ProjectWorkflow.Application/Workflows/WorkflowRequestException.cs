using ProjectWorkflow.Application.Validation;

namespace ProjectWorkflow.Application.Workflows;

/// <summary>A request that is wrong before the engine even sees it: each field says what to correct.</summary>
public sealed class WorkflowRequestException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public static WorkflowRequestException For(string field, string message) => new([new FieldError(field, message)]);
}
