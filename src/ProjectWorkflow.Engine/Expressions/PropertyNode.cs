namespace ProjectWorkflow.Engine.Expressions;

/// <summary><c>a.b</c> or <c>a['b']</c>: the key is known at parse time.</summary>
internal sealed class PropertyNode(ExpressionNode target, string key, int position)
    : ExpressionNode(position, target.Height + 1)
{
    public override object? Evaluate(IExpressionContext context) =>
        PropertyAccess.Get(target.Evaluate(context), key);
}
