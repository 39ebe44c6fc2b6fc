namespace ProjectWorkflow.Engine.Expressions;

/// <param name="Text">The source text of the token, or the unescaped value of a string literal.</param>
/// <param name="Number">The value of a number literal.</param>
internal readonly record struct Token(TokenKind Kind, int Start, string Text, decimal Number = 0m)
{
    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the text",
        TokenKind.String => "the text " + Expressions.Describe.Quote(Text),
        TokenKind.Number => "the number " + Text,
        _ => Expressions.Describe.Quote(Text),
    };
}
