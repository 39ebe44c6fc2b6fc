namespace ProjectWorkflow.Application.Validation;

/// <summary>A request that is wrong before any rule is judged: each field says what to correct.</summary>
public sealed class InvalidRequestException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public static InvalidRequestException For(string field, string message) => new([new FieldError(field, message)]);
}
