namespace ProjectWorkflow.Engine.Expressions;

/// <summary><c>-x</c>, <c>!x</c> / <c>not x</c>, <c>empty x</c>.</summary>
internal sealed class UnaryNode(UnaryOperator op, string symbol, ExpressionNode operand, int position)
    : ExpressionNode(position, operand.Height + 1)
{
    public override object? Evaluate(IExpressionContext context)
    {
        var value = operand.Evaluate(context);
        return op switch
        {
            UnaryOperator.Negate => Arithmetic.Negate(value),
            UnaryOperator.Not => Coercion.Box(!Coercion.ToBoolean(value, symbol)),
            _ => Coercion.Box(Coercion.IsEmpty(value)),
        };
    }
}
