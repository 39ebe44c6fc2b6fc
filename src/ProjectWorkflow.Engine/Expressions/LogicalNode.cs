namespace ProjectWorkflow.Engine.Expressions;

/// <summary><c>&amp;&amp;</c>/<c>and</c> and <c>||</c>/<c>or</c>; the right side is evaluated only when it decides the result.</summary>
internal sealed class LogicalNode(bool isAnd, string symbol, ExpressionNode left, ExpressionNode right, int position)
    : ExpressionNode(position, Math.Max(left.Height, right.Height) + 1)
{
    public override object? Evaluate(IExpressionContext context)
    {
        var first = Coercion.ToBoolean(left.Evaluate(context), symbol);
        if (first != isAnd)
        {
            return Coercion.Box(first);
        }

        return Coercion.Box(Coercion.ToBoolean(right.Evaluate(context), symbol));
    }
}
