using System.Globalization;
using System.Text;

namespace ProjectWorkflow.Engine.Expressions;

/// <summary>
/// Entry point: splits text into plain runs and <c>${...}</c> / <c>#{...}</c> expressions, and parses each
/// expression. <c>\${</c> writes a literal <c>${</c>, as in JUEL.
/// </summary>
public static class ExpressionParser
{
    public static ParsedExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > ExpressionLimits.MaxTextLength)
        {
            throw new ExpressionSyntaxException(
                $"the expression is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; " +
                $"at most {ExpressionLimits.MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)} are allowed",
                ExpressionLimits.MaxTextLength);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var parts = new List<ExpressionNode>();
        var run = new StringBuilder();
        var runStart = 0;
        var hasText = false;
        var i = 0;
        while (i < text.Length)
        {
            if (IsOpening(text, i + 1) && text[i] == '\\')
            {
                run.Append(text[i + 1]).Append('{');
                i += 3;
                continue;
            }

            if (!IsOpening(text, i))
            {
                run.Append(text[i]);
                i++;
                continue;
            }

            if (run.Length > 0)
            {
                parts.Add(new LiteralNode(run.ToString(), runStart));
                run.Clear();
                hasText = true;
            }

            parts.Add(new Parser(text, i, names).ParseEmbedded(out i));
            runStart = i;
        }

        if (parts.Count == 0)
        {
            return ParsedExpression.Literal(text, run.ToString());
        }

        if (run.Length > 0)
        {
            parts.Add(new LiteralNode(run.ToString(), runStart));
            hasText = true;
        }

        // "${x}" alone keeps x's own type; any surrounding text makes the result a string.
        return parts.Count == 1 && !hasText
            ? ParsedExpression.Single(text, parts[0], names)
            : ParsedExpression.Composite(text, [.. parts], names);
    }

    public static bool TryParse(string text, out ParsedExpression? expression, out string? error)
    {
        if (text is null)
        {
            expression = null;
            error = "no expression text was given";
            return false;
        }

        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (ExpressionSyntaxException ex)
        {
            expression = null;
            error = ex.Message;
            return false;
        }
    }

    private static bool IsOpening(string text, int index) =>
        index + 1 < text.Length && text[index] is '$' or '#' && text[index + 1] == '{';
}
