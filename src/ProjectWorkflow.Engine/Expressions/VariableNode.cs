namespace ProjectWorkflow.Engine.Expressions;

/// <summary>A top-level identifier, read from the context.</summary>
internal sealed class VariableNode(string name, int position) : ExpressionNode(position, 1)
{
    public string Name { get; } = name;

    public override object? Evaluate(IExpressionContext context)
    {
        if (!context.TryGetVariable(Name, out var value))
        {
            throw new ExpressionEvaluationException($"unknown variable '{Name}'");
        }

        return Values.Normalize(value);
    }
}
