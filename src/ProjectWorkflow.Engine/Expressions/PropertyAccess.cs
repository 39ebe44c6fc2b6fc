using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.Expressions;

/// <summary>
/// <c>a.b</c> and <c>a[k]</c> over data only: JSON, dictionaries and lists. There is deliberately
/// no reflection fallback, so an expression can never reach into a CLR object.
/// </summary>
internal static class PropertyAccess
{
    /// <summary>As in EL, reading through null (or with a null key) gives null, and missing keys or indexes give null.</summary>
    public static object? Get(object? container, object? key)
    {
        if (container is null || key is null)
        {
            return null;
        }

        switch (container)
        {
            case JsonObject json:
                return json.TryGetPropertyValue(ToKey(key), out var node) ? Values.Normalize(node) : null;
            case JsonArray json:
                return TryIndex(key, json.Count, out var i) ? Values.Normalize(json[i]) : null;
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(ToKey(key), out var value) ? Values.Normalize(value) : null;
            case IDictionary map:
                return FromDictionary(map, ToKey(key));
            case string text:
                throw new ExpressionEvaluationException(
                    $"cannot read {DescribeKey(key)} of the text {Describe.Quote(text)}");
            case IList list:
                return TryIndex(key, list.Count, out var j) ? Values.Normalize(list[j]) : null;
            case IReadOnlyList<object?> list:
                return TryIndex(key, list.Count, out var k) ? Values.Normalize(list[k]) : null;
            case IEnumerable items:
                return FromSequence(items, key);
            default:
                throw new ExpressionEvaluationException(
                    $"cannot read {DescribeKey(key)} of {Describe.Value(container)}: only objects and lists have properties");
        }
    }

    private static object? FromDictionary(IDictionary map, string key)
    {
        try
        {
            return map.Contains(key) ? Values.Normalize(map[key]) : null;
        }
        catch (ArgumentException)
        {
            // The dictionary's keys are not text (e.g. Dictionary<int, T>): no text key can be in it.
            return null;
        }
    }

    private static object? FromSequence(IEnumerable items, object key)
    {
        if (!TryIndex(key, int.MaxValue, out var index))
        {
            return null;
        }

        foreach (var item in items)
        {
            if (index-- == 0)
            {
                return Values.Normalize(item);
            }
        }

        return null;
    }

    /// <summary>EL coerces a map key to text; JSON keys are text, so a number key like 1 reads "1".</summary>
    private static string ToKey(object key) => key switch
    {
        string s => s,
        decimal or bool => Coercion.ToText(key),
        _ => throw new ExpressionEvaluationException($"{Describe.Value(key)} cannot be used as a property name"),
    };

    private static bool TryIndex(object key, int count, out int index)
    {
        var number = key switch
        {
            decimal d => d,
            string s when decimal.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new ExpressionEvaluationException(
                $"a list is read by position, e.g. [0], not by {Describe.Value(key)}"),
        };

        if (decimal.Truncate(number) != number)
        {
            throw new ExpressionEvaluationException(
                $"a list position must be a whole number, not {number.ToString(CultureInfo.InvariantCulture)}");
        }

        var inRange = number >= 0 && number < count;
        index = inRange ? (int)number : -1;
        return inRange;
    }

    private static string DescribeKey(object key) => key is string s ? Describe.Quote(s) : Describe.Value(key);
}
