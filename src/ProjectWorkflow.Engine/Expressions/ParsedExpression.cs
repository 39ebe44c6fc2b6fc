using System.Collections.Frozen;

namespace ProjectWorkflow.Engine.Expressions;

/// <summary>
/// An expression text parsed once (at deploy) and evaluated many times. Immutable and thread-safe:
/// one instance can be shared by every process instance of a definition.
/// </summary>
public sealed class ParsedExpression
{
    // Exactly one of these is set: plain text, a single ${...}, or the pieces of composite text.
    private readonly string? _literal;
    private readonly ExpressionNode? _single;
    private readonly ExpressionNode[]? _parts;

    private ParsedExpression(string text, string? literal, ExpressionNode? single, ExpressionNode[]? parts, IReadOnlySet<string> variableNames)
    {
        Text = text;
        _literal = literal;
        _single = single;
        _parts = parts;
        VariableNames = variableNames;
    }

    public string Text { get; }

    /// <summary>True when the text has no <c>${...}</c>: it evaluates to itself (with <c>\${</c> unescaped).</summary>
    public bool IsLiteral => _literal is not null;

    /// <summary>Top-level variables the expression reads, e.g. <c>{ "a", "c" }</c> for <c>${a.b + c[0]}</c>.</summary>
    public IReadOnlySet<string> VariableNames { get; }

    internal static ParsedExpression Literal(string text, string value) =>
        new(text, value, null, null, FrozenSet<string>.Empty);

    internal static ParsedExpression Single(string text, ExpressionNode node, ISet<string> names) =>
        new(text, null, node, null, names.ToFrozenSet(StringComparer.Ordinal));

    internal static ParsedExpression Composite(string text, ExpressionNode[] parts, ISet<string> names) =>
        new(text, null, null, parts, names.ToFrozenSet(StringComparer.Ordinal));

    /// <summary>
    /// A single <c>${...}</c> gives its value (null, bool, decimal, string, or a JSON/dictionary/list container);
    /// literal and composite text give a string.
    /// </summary>
    public object? Evaluate(IExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_single is not null)
        {
            return _single.Evaluate(context);
        }

        if (_parts is null)
        {
            return _literal;
        }

        // The common shapes ("prefix:${x}", "${a}-${b}") concatenate without an intermediate array.
        var parts = _parts;
        switch (parts.Length)
        {
            case 2:
                return string.Concat(PartText(parts[0], context), PartText(parts[1], context));
            case 3:
                return string.Concat(PartText(parts[0], context), PartText(parts[1], context), PartText(parts[2], context));
        }

        var pieces = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            pieces[i] = PartText(parts[i], context);
        }

        return string.Concat(pieces);
    }

    /// <summary>For sequence flow conditions and completion conditions: the result must be a boolean or the text "true"/"false".</summary>
    public bool EvaluateCondition(IExpressionContext context)
    {
        var value = Evaluate(context);
        return value switch
        {
            bool b => b,
            string s when s.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
            string s when s.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw new ExpressionEvaluationException(
                $"the condition {Describe.Quote(Text)} must give true or false, but gave {Describe.Value(value)}"),
        };
    }

    public override string ToString() => Text;

    private static string PartText(ExpressionNode part, IExpressionContext context) => Coercion.ToText(part.Evaluate(context));
}
