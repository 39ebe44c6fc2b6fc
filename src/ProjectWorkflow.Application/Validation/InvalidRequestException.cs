namespace ProjectWorkflow.Application.Validation;

/// <summary>A request that is wrong before any rule is judged: each field says what to correct.</summary>
public sealed class InvalidRequestException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public static InvalidRequestException For(string field, string message) => new([new FieldError(field, message)]);

    /// <summary>One field's error said in English and in Chinese, kept apart.</summary>
    public static InvalidRequestException For(string field, string english, string chinese) => new([FieldError.Of(field, english, chinese)]);
}
