namespace ProjectWorkflow.Engine.Expressions;

/// <summary><c>a[expr]</c> where the key is computed: a list index or an object key.</summary>
internal sealed class IndexNode(ExpressionNode target, ExpressionNode index, int position)
    : ExpressionNode(position, Math.Max(target.Height, index.Height) + 1)
{
    public override object? Evaluate(IExpressionContext context)
    {
        var container = target.Evaluate(context);
        return PropertyAccess.Get(container, index.Evaluate(context));
    }
}
