namespace ProjectWorkflow.Engine.Expressions;

/// <summary>Arithmetic, comparison and equality. <paramref name="symbol"/> is the operator as written, for messages.</summary>
internal sealed class BinaryNode(BinaryOperator op, string symbol, ExpressionNode left, ExpressionNode right, int position)
    : ExpressionNode(position, Math.Max(left.Height, right.Height) + 1)
{
    public override object? Evaluate(IExpressionContext context)
    {
        var a = left.Evaluate(context);
        var b = right.Evaluate(context);
        return op switch
        {
            BinaryOperator.Add => Arithmetic.Add(a, b, symbol),
            BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo
                => Arithmetic.Apply(op, a, b, symbol),
            BinaryOperator.Equal => Coercion.Box(Comparison.AreEqual(a, b, symbol)),
            BinaryOperator.NotEqual => Coercion.Box(!Comparison.AreEqual(a, b, symbol)),
            _ => Coercion.Box(Comparison.Compare(op, a, b, symbol)),
        };
    }
}
