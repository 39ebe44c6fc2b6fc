namespace ProjectWorkflow.Engine.Expressions;

/// <summary><c>c ? a : b</c>; only the chosen branch is evaluated.</summary>
internal sealed class ConditionalNode(ExpressionNode condition, ExpressionNode whenTrue, ExpressionNode whenFalse, int position)
    : ExpressionNode(position, Math.Max(condition.Height, Math.Max(whenTrue.Height, whenFalse.Height)) + 1)
{
    public override object? Evaluate(IExpressionContext context) =>
        Coercion.ToBoolean(condition.Evaluate(context), "?")
            ? whenTrue.Evaluate(context)
            : whenFalse.Evaluate(context);
}
