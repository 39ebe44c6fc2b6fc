using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.Expressions;

/// <summary>EL 2.2 coercions (spec section 1.18), narrowed to the normalised values of <see cref="Values"/>.</summary>
internal static class Coercion
{
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    /// <summary>Reuses two boxes so boolean results allocate nothing.</summary>
    public static object Box(bool value) => value ? BoxedTrue : BoxedFalse;

    /// <summary>
    /// EL turns null and "" into 0 and parses other text. Booleans, lists and objects are refused
    /// rather than guessed at.
    /// </summary>
    public static decimal ToNumber(object? value, string symbol) => value switch
    {
        null => 0m,
        decimal d => d,
        string s when TryParseNumber(s, out var parsed) => parsed,
        _ => throw new ExpressionEvaluationException(
            $"'{symbol}' needs numbers, but {Describe.Value(value)} is not a number"),
    };

    public static bool TryParseNumber(string text, out decimal value)
    {
        if (text.Length == 0)
        {
            value = 0m;
            return true;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// EL would read any text other than "true" as false; a typo like 'ture' then silently takes the
    /// wrong branch, so only "true"/"false" (any case) and "" are accepted.
    /// </summary>
    public static bool ToBoolean(object? value, string symbol) => value switch
    {
        bool b => b,
        null => false,
        string s when TryParseBoolean(s, out var parsed) => parsed,
        _ => throw new ExpressionEvaluationException(
            $"'{symbol}' needs true or false, but got {Describe.Value(value)}"),
    };

    public static bool TryParseBoolean(string text, out bool value)
    {
        if (text.Length == 0 || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        value = text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value;
    }

    /// <summary>How a value reads inside composite text: null is "", JSON containers are their JSON.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        JsonNode node => ToJson(node),
        _ => throw new ExpressionEvaluationException(
            $"{Describe.Value(value)} cannot be written into text; pick one of its values instead"),
    };

    private static string ToJson(JsonNode node)
    {
        try
        {
            return node.ToJsonString();
        }
        catch (JsonException ex)
        {
            // Only JSON built in code can get here: parsed JSON is already within the serializer's depth limit.
            throw new ExpressionEvaluationException($"{Describe.Value(node)} is nested too deeply to be written into text", ex);
        }
    }

    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        JsonObject o => o.Count == 0,
        JsonArray a => a.Count == 0,
        ICollection c => c.Count == 0,
        IReadOnlyCollection<KeyValuePair<string, object?>> d => d.Count == 0,
        IEnumerable e => !HasAny(e),
        _ => false,
    };

    private static bool HasAny(IEnumerable items)
    {
        var enumerator = items.GetEnumerator();
        try
        {
            return enumerator.MoveNext();
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }
    }
}
