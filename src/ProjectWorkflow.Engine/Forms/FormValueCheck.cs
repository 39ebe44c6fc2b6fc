using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProjectWorkflow.Engine.Forms;

/// <summary>Whether one sent value fits its field's type, allowed values, range, length and pattern.</summary>
internal static class FormValueCheck
{
    public static string? Problem(FormField field, JsonNode value)
    {
        var name = FormSchema.Name(field);
        switch (field.Type)
        {
            case "number":
                if (!TryNumber(value, out var number)) return $"{name} must be a number.";
                if (field.Min is { } min && number < min) return $"{name} must be at least {min.ToString(CultureInfo.InvariantCulture)}.";
                if (field.Max is { } max && number > max) return $"{name} must be at most {max.ToString(CultureInfo.InvariantCulture)}.";
                return Allowed(field, value, name);
            case "checkbox":
                return value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : $"{name} must be true or false.";
            case "checklist":
                if (value is not JsonArray items) return $"{name} must be a list of the allowed values.";
                foreach (var item in items)
                {
                    if (item is null) return $"{name} holds an empty item.";
                    if (Allowed(field, item, name) is { } wrong) return wrong;
                }
                return null;
            case "datetime":
                var when = FormSchema.Text(value);
                return when is not null && (DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
                                            || TimeOnly.TryParse(when, CultureInfo.InvariantCulture, out _))
                    ? null
                    : $"{name} must be a date or time (ISO 8601, e.g. 2026-12-01).";
            case "select" or "radio":
                return Allowed(field, value, name);
            default:
                var text = FormSchema.Text(value);
                if (text is null) return $"{name} must be text.";
                if (field.MinLength is { } least && text.Length < least) return $"{name} must have at least {least} characters.";
                if (field.MaxLength is { } most && text.Length > most) return $"{name} must have at most {most} characters.";
                if (field.Pattern is { } pattern && !Matches(pattern, text)) return $"{name} does not have the expected form.";
                return Allowed(field, value, name);
        }
    }

    private static string? Allowed(FormField field, JsonNode value, string name)
    {
        if (field.Values.Count == 0) return null;
        if (field.Values.Any(allowed => Same(allowed, value))) return null;
        return $"{name} must be one of: {string.Join(", ", field.Values.Select(v => v?.ToJsonString() ?? "null"))}.";
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
