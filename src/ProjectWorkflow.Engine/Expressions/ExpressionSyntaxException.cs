namespace ProjectWorkflow.Engine.Expressions;

/// <summary>The text of an expression is malformed; thrown at parse (deploy) time, never at evaluation.</summary>
public sealed class ExpressionSyntaxException : Exception
{
    public ExpressionSyntaxException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>Zero-based index into the whole expression text where the problem is; messages say "column Position + 1".</summary>
    public int Position { get; }
}
