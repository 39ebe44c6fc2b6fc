namespace ProjectWorkflow.Engine.Expressions;

/// <summary>Bounds that keep parsing and evaluation cheap and the call stack safe, whatever a definition contains.</summary>
internal static class ExpressionLimits
{
    public const int MaxTextLength = 4096;

    /// <summary>Applies both to parser recursion (parentheses, unary chains) and to the height of the tree it builds.</summary>
    public const int MaxDepth = 64;
}
