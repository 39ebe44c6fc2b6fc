using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProjectWorkflow.Engine.Forms;

/// <summary>Whether one sent value fits its field's type, allowed values, range, length and pattern.</summary>
internal static class FormValueCheck
{
    /// <summary>What is wrong with <paramref name="value"/> for <paramref name="field"/>, in English and Chinese; null when it fits.</summary>
    public static FormFieldError? Problem(FormField field, JsonNode value)
    {
        var name = FormSchema.Name(field);
        var nameZh = FormSchema.NameZh(field);
        FormFieldError Wrong(string english, string chinese) => new(field.Key, english, chinese);
        switch (field.Type)
        {
            case "number":
                if (!TryNumber(value, out var number)) return Wrong($"{name} must be a number.", $"{nameZh}须为数字。");
                if (field.Min is { } min && number < min)
                    return Wrong($"{name} must be at least {min.ToString(CultureInfo.InvariantCulture)}.", $"{nameZh}不得小于 {min.ToString(CultureInfo.InvariantCulture)}。");
                if (field.Max is { } max && number > max)
                    return Wrong($"{name} must be at most {max.ToString(CultureInfo.InvariantCulture)}.", $"{nameZh}不得大于 {max.ToString(CultureInfo.InvariantCulture)}。");
                return Allowed(field, value, name, nameZh);
            case "checkbox":
                return value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? null
                    : Wrong($"{name} must be true or false.", $"{nameZh}须为 true 或 false。");
            case "checklist":
                if (value is not JsonArray items) return Wrong($"{name} must be a list of the allowed values.", $"{nameZh}须为由允许值组成的列表。");
                foreach (var item in items)
                {
                    if (item is null) return Wrong($"{name} holds an empty item.", $"{nameZh}含有空项。");
                    if (Allowed(field, item, name, nameZh) is { } wrong) return wrong;
                }
                return null;
            case "datetime":
                var when = FormSchema.Text(value);
                return when is not null && (DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
                                            || TimeOnly.TryParse(when, CultureInfo.InvariantCulture, out _))
                    ? null
                    : Wrong($"{name} must be a date or time (ISO 8601, e.g. 2026-12-01).", $"{nameZh}须为日期或时间（ISO 8601 格式，如 2026-12-01）。");
            case "select" or "radio":
                return Allowed(field, value, name, nameZh);
            default:
                var text = FormSchema.Text(value);
                if (text is null) return Wrong($"{name} must be text.", $"{nameZh}须为文本。");
                if (field.MinLength is { } least && text.Length < least)
                    return Wrong($"{name} must have at least {least} characters.", $"{nameZh}至少须有 {least} 个字符。");
                if (field.MaxLength is { } most && text.Length > most)
                    return Wrong($"{name} must have at most {most} characters.", $"{nameZh}最多只能有 {most} 个字符。");
                if (field.Pattern is { } pattern && !Matches(pattern, text))
                    return Wrong($"{name} does not have the expected form.", $"{nameZh}的格式不符合要求。");
                return Allowed(field, value, name, nameZh);
        }
    }

    private static FormFieldError? Allowed(FormField field, JsonNode value, string name, string nameZh)
    {
        if (field.Values.Count == 0) return null;
        if (field.Values.Any(allowed => Same(allowed, value))) return null;
        var values = field.Values.Select(v => v?.ToJsonString() ?? "null").ToList();
        return new FormFieldError(field.Key, $"{name} must be one of: {string.Join(", ", values)}.", $"{nameZh}须为以下值之一：{string.Join("、", values)}。");
    }

    /// <summary>Equal as JSON, numbers by value and "true" the same as true (form-js radios send the value as written).</summary>
    private static bool Same(JsonNode? allowed, JsonNode value)
    {
        if (allowed is null) return false;
        if (TryNumber(allowed, out var a) && TryNumber(value, out var b)) return a == b;
        return JsonNode.DeepEquals(allowed, value);
    }

    private static bool TryNumber(JsonNode value, out decimal number)
    {
        number = 0;
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return false;
        // A value parsed from JSON gives its decimal; one built in code (an int, a long, a double) only its own type.
        return v.TryGetValue(out number)
            || decimal.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out number);
    }

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
