using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.Expressions;

/// <summary>
/// Brings every value read from outside (variables, properties, list items) to the few shapes
/// the operators understand, so no operator has to know about int, double or JsonValue.
/// </summary>
internal static class Values
{
    public static object? Normalize(object? value) => value switch
    {
        null or bool or string or decimal => value,
        int i => (decimal)i,
        long l => (decimal)l,
        double d => FromDouble(d),
        float f => FromDouble(f),
        short or byte or sbyte or ushort or uint => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        ulong u => (decimal)u,
        char c => c.ToString(),
        JsonValue json => FromJsonValue(json),
        JsonNode => value,
        JsonElement element => FromJsonElement(element),

        // Read-only descriptions of common CLR values, so callers need not pre-convert them.
        Guid g => g.ToString("D"),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IDictionary or IReadOnlyDictionary<string, object?> or IEnumerable => value,

        // Anything else would need reflection to read, which the sandbox forbids.
        _ => throw new ExpressionEvaluationException(
            $"values of type {value.GetType().Name} cannot be used in expressions"),
    };

    private static decimal FromDouble(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            throw new ExpressionEvaluationException($"{d.ToString(CultureInfo.InvariantCulture)} is not a number expressions can use");
        }

        try
        {
            return (decimal)d;
        }
        catch (OverflowException ex)
        {
            throw new ExpressionEvaluationException($"the number {d.ToString(CultureInfo.InvariantCulture)} is too large", ex);
        }
    }

    private static object? FromJsonValue(JsonValue json)
    {
        // Every JsonValue can hand out what it wraps: a JsonElement when parsed, the CLR primitive when created from one.
        return json.TryGetValue<object>(out var inner) ? Normalize(inner) : null;
    }

    private static object? FromJsonElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetDecimal(out var d) ? d : FromDouble(element.GetDouble()),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object => JsonObject.Create(element),
        JsonValueKind.Array => JsonArray.Create(element),
        _ => null,
    };
}
