namespace ProjectWorkflow.Engine.Expressions;

/// <summary>A constant: number, text, true/false/null, or a run of plain text in a composite template.</summary>
internal sealed class LiteralNode(object? value, int position) : ExpressionNode(position, 1)
{
    /// <summary>Boxed once at parse time so evaluating a literal allocates nothing.</summary>
    public object? Value { get; } = value;

    public override object? Evaluate(IExpressionContext context) => Value;
}
