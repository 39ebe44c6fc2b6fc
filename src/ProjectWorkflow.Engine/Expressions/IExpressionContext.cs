namespace ProjectWorkflow.Engine.Expressions;

/// <summary>Where an expression reads its variables from (a process instance, a test, a preview).</summary>
public interface IExpressionContext
{
    /// <summary>
    /// Looks a variable up by its exact (case-sensitive) name. Values may be null, bool, string,
    /// int/long/decimal/double, a <c>JsonNode</c>, an <c>IReadOnlyDictionary&lt;string, object?&gt;</c>
    /// or a list; anything else is refused when the expression reads it.
    /// </summary>
    bool TryGetVariable(string name, out object? value);
}
