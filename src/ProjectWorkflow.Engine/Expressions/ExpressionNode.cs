namespace ProjectWorkflow.Engine.Expressions;

/// <summary>
/// A node of the parsed tree. Nodes evaluate themselves (a plain tree walk): a parsed expression
/// is immutable and shared, so evaluation keeps no state outside the call.
/// </summary>
internal abstract class ExpressionNode
{
    protected ExpressionNode(int position, int height)
    {
        Position = position;
        Height = height;
    }

    /// <summary>Zero-based index of the node's first character (or its operator) in the expression text.</summary>
    public int Position { get; }

    /// <summary>Levels of nodes below and including this one; bounded at parse time so evaluation cannot exhaust the stack.</summary>
    public int Height { get; }

    /// <summary>Returns a normalised value: null, bool, decimal, string, or a JSON/dictionary/list container.</summary>
    public abstract object? Evaluate(IExpressionContext context);
}
