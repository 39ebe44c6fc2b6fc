using System.Text.Json;
using System.Text.Json.Nodes;
using ProjectWorkflow.Application.Validation;

namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

/// <summary>One variable in Camunda's REST format: <c>{ "value": …, "type": "String", "valueInfo": { … } }</c>.</summary>
public sealed record TypedValue(JsonNode? Value, string? Type, JsonObject? ValueInfo);

/// <summary>
/// Camunda's typed variables, as its external-task workers send and read them, against our plain JSON variables:
/// String, Boolean, Short, Integer, Long, Double, Date, Null, and Json (or a JSON-serialized Object) for objects and lists.
/// File and Bytes variables are refused naming the variable.
/// </summary>
public static class TypedVariables
{
    public const int MaxNameLength = 255;

    public static JsonObject? Read(Dictionary<string, TypedValue?>? typed, string field)
    {
        if (typed is null) return null;
        var plain = new JsonObject();
        foreach (var (name, variable) in typed)
        {
            var path = $"{field}.{name}";
            if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
                throw InvalidRequestException.For(field, $"A variable name is 1 to {MaxNameLength} characters.", $"变量名长度须为 1 至 {MaxNameLength} 个字符。");
            if (variable is null)
                throw InvalidRequestException.For(path, "Give the variable as { \"value\": …, \"type\": … }.", "变量须写成 { \"value\": …, \"type\": … }。");
            plain[name] = Plain(variable, path);
        }
        return plain;
    }

    private static JsonNode? Plain(TypedValue variable, string path)
    {
        var type = variable.Type?.Trim().ToLowerInvariant();
        var value = variable.Value;
        switch (type)
        {
            case null or "" when value is null:
            case "null":
                return null;
            case null or "" or "string" or "date":
                if (type is "string" or "date" && value is not null && value.GetValueKind() != JsonValueKind.String)
                    throw Wrong(path, variable.Type!);
                return value?.DeepClone();
            case "boolean":
                return value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False or null ? value?.DeepClone() : throw Wrong(path, variable.Type!);
            case "short" or "integer" or "long":
                return value is null ? null
                    : value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out var whole) ? JsonValue.Create(whole)
                    : throw Wrong(path, variable.Type!);
            case "double":
                return value is null ? null
                    : value.GetValueKind() == JsonValueKind.Number ? value.DeepClone()
                    : throw Wrong(path, variable.Type!);
            case "json" or "object":
                if (type == "object" && variable.ValueInfo?["serializationDataFormat"]?.GetValueKind() == JsonValueKind.String
                    && variable.ValueInfo["serializationDataFormat"]!.GetValue<string>() != "application/json")
                    throw InvalidRequestException.For(path, "Only JSON-serialized objects are accepted (serializationDataFormat application/json).", "只接受以 JSON 序列化的对象（serializationDataFormat 为 application/json）。");
                if (value?.GetValueKind() != JsonValueKind.String) return value?.DeepClone();
                try
                {
                    return JsonNode.Parse(value!.GetValue<string>());
                }
                catch (JsonException)
                {
                    throw InvalidRequestException.For(path, "A Json variable's value is JSON text; this is not valid JSON.", "Json 变量的值须为合法的 JSON 文本。");
                }
            default:
                throw InvalidRequestException.For(path,
                    $"The variable type '{variable.Type}' is not accepted: use String, Boolean, Short, Integer, Long, Double, Date, Null or Json.",
                    $"不接受变量类型“{variable.Type}”：请使用 String、Boolean、Short、Integer、Long、Double、Date、Null 或 Json。");
        }
    }

    private static InvalidRequestException Wrong(string path, string type) =>
        InvalidRequestException.For(path, $"The value does not fit the type '{type}'.", $"变量值与类型“{type}”不符。");

    /// <summary>Our variables as a worker reads them; <paramref name="names"/> (when given) picks which.</summary>
    public static Dictionary<string, TypedValue> Write(JsonObject variables, IReadOnlyCollection<string>? names)
    {
        var typed = new Dictionary<string, TypedValue>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            if (names is not null && !names.Contains(name)) continue;
            typed[name] = Typed(value);
        }
        return typed;
    }

    private static TypedValue Typed(JsonNode? value)
    {
        if (value is null || value.GetValueKind() == JsonValueKind.Null) return new TypedValue(null, "Null", []);
        return value.GetValueKind() switch
        {
            JsonValueKind.String => new TypedValue(value.DeepClone(), "String", []),
            JsonValueKind.True or JsonValueKind.False => new TypedValue(value.DeepClone(), "Boolean", []),
            JsonValueKind.Number when value.AsValue().TryGetValue<long>(out var whole) => whole is >= int.MinValue and <= int.MaxValue
                ? new TypedValue(JsonValue.Create(whole), "Integer", [])
                : new TypedValue(JsonValue.Create(whole), "Long", []),
            JsonValueKind.Number => new TypedValue(value.DeepClone(), "Double", []),
            _ => new TypedValue(JsonValue.Create(value.ToJsonString()), "Json", []),
        };
    }
}
