using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.Expressions;

/// <summary>EL equality and ordering (spec sections 1.8.1 and 1.8.2) over normalised values.</summary>
internal static class Comparison
{
    public static bool AreEqual(object? a, object? b, string symbol)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        // A number on either side makes the comparison numeric, as in EL: 100 == '100' is true.
        if (a is decimal || b is decimal)
        {
            return ToComparableNumber(a, a, b, symbol) == ToComparableNumber(b, a, b, symbol);
        }

        if (a is bool || b is bool)
        {
            return AsBoolean(a, a, b, symbol) is { } x && AsBoolean(b, a, b, symbol) is { } y && x == y;
        }

        return (a, b) switch
        {
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (JsonNode x, JsonNode y) => JsonNode.DeepEquals(x, y),
            _ => a.Equals(b),
        };
    }

    public static bool Compare(BinaryOperator op, object? a, object? b, string symbol)
    {
        if (a is null || b is null)
        {
            return false;
        }

        int order;
        if (a is decimal || b is decimal)
        {
            order = ToComparableNumber(a, a, b, symbol).CompareTo(ToComparableNumber(b, a, b, symbol));
        }
        else if (a is string x && b is string y)
        {
            order = string.CompareOrdinal(x, y);
        }
        else
        {
            throw Mismatch(a, b, symbol, "numbers or texts");
        }

        return op switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.Greater => order > 0,
            BinaryOperator.LessOrEqual => order <= 0,
            _ => order >= 0,
        };
    }

    private static decimal ToComparableNumber(object value, object a, object b, string symbol) => value switch
    {
        decimal d => d,
        string s when Coercion.TryParseNumber(s, out var parsed) => parsed,
        _ => throw Mismatch(a, b, symbol, "numbers"),
    };

    /// <summary>Null when a text is neither "true" nor "false": such a text is simply not equal to a boolean.</summary>
    private static bool? AsBoolean(object value, object a, object b, string symbol) => value switch
    {
        bool x => x,
        string s => Coercion.TryParseBoolean(s, out var parsed) ? parsed : null,
        _ => throw Mismatch(a, b, symbol, "true/false"),
    };

    private static ExpressionEvaluationException Mismatch(object a, object b, string symbol, string expected) =>
        new($"cannot compare {Describe.Value(a)} with {Describe.Value(b)} using '{symbol}': it compares {expected}");
}
