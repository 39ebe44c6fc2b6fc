namespace ProjectWorkflow.Engine.Expressions;

/// <summary>
/// A well-formed expression could not be evaluated against the given variables:
/// unknown variable, type mismatch, division by zero, overflow, unsupported value.
/// </summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException(string message)
        : base(message)
    {
    }

    public ExpressionEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
