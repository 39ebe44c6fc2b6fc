using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProjectWorkflow.Engine.Forms;

/// <summary>
/// A form-js schema (the JSON of bpmn.io's form-js and Camunda Forms) read for what the server checks: the fields a
/// task's completion must carry. Layout components (text, group, spacer, button) are walked or skipped; the schema's
/// JSON is kept whole so a browser can render it.
/// </summary>
public sealed class FormSchema
{
    public const int MaxBytes = 512 * 1024;
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly HashSet<string> InputTypes = ["textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "datetime"];
    private static readonly HashSet<string> LayoutTypes = ["text", "html", "spacer", "separator", "button", "image", "group", "dynamiclist", "iframe", "table", "expression", "filepicker", "taglist", "documentPreview"];

    private FormSchema(string id, JsonObject json, IReadOnlyList<FormField> fields)
    {
        Id = id;
        Json = json;
        Fields = fields;
    }

    public string Id { get; }

    /// <summary>The schema as written, to hand to form-js.</summary>
    public JsonObject Json { get; }

    public IReadOnlyList<FormField> Fields { get; }

    /// <summary>Reads a schema; <paramref name="problems"/> says everything wrong with it at once (the result is null then).</summary>
    public static FormSchema? Read(string text, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject;
        }
        catch (JsonException e)
        {
            found.Add($"The form is not valid JSON: {e.Message}");
            return null;
        }
        if (json is null)
        {
            found.Add("The form must be a JSON object with an id and components.");
            return null;
        }
        var id = Text(json["id"]);
        if (string.IsNullOrWhiteSpace(id)) found.Add("The form has no \"id\".");
        if (json["components"] is not JsonArray components)
        {
            found.Add("The form has no \"components\" list.");
            return null;
        }
        var fields = new List<FormField>();
        ReadComponents(components, fields, found, "components", []);
        foreach (var duplicate in fields.GroupBy(f => f.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
            found.Add($"The key '{duplicate.Key}' is used by {duplicate.Count()} fields.");
        return found.Count > 0 ? null : new FormSchema(id!, json, fields);
    }

    private static void ReadComponents(JsonArray components, List<FormField> fields, List<string> problems, string path, IReadOnlyList<FormCondition> hiddenWhen)
    {
        for (var i = 0; i < components.Count; i++)
        {
            var at = $"{path}[{i}]";
            if (components[i] is not JsonObject component)
            {
                problems.Add($"{at} is not an object.");
                continue;
            }
            var type = Text(component["type"]);
            if (type is null)
            {
                problems.Add($"{at} has no type.");
                continue;
            }
            var hidden = hiddenWhen;
            if (component["conditional"] is JsonObject conditional && conditional["hide"] is { } hide)
            {
                string? problem = "must be an expression string";
                if (Text(hide) is { } hideText && FormCondition.Read(hideText, out problem) is { } condition) hidden = [.. hiddenWhen, condition];
                else problems.Add($"{at}: conditional.hide {problem}");
            }
            if (component["components"] is JsonArray inner) ReadComponents(inner, fields, problems, $"{at}.components", hidden);
            if (LayoutTypes.Contains(type)) continue;
            if (!InputTypes.Contains(type))
            {
                problems.Add($"{at} has the type '{type}', which the server cannot check; use one of {string.Join(", ", InputTypes)}.");
                continue;
            }
            var field = ReadField(component, type, at, problems);
            if (field is not null) fields.Add(hidden.Count == 0 ? field : field.HiddenBy(hidden));
        }
    }

    private static FormField? ReadField(JsonObject component, string type, string at, List<string> problems)
    {
        var key = Text(component["key"]);
        if (string.IsNullOrWhiteSpace(key))
        {
            problems.Add($"{at} ({type}) has no key: the key names the variable it fills.");
            return null;
        }
        var validate = component["validate"] as JsonObject;
        Regex? pattern = null;
        if (Text(validate?["pattern"]) is { Length: > 0 } patternText)
        {
            try
            {
                pattern = new Regex($"^(?:{patternText})$", RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException e)
            {
                problems.Add($"The pattern of '{key}' is not a regular expression: {e.Message}");
            }
        }
        var values = component["values"] is JsonArray list
            ? list.OfType<JsonObject>().Select(v => v["value"]?.DeepClone()).ToList()
            : [];
        if (type is "select" or "radio" or "checklist" && values.Count == 0 && component["valuesKey"] is null && component["valuesExpression"] is null)
            problems.Add($"'{key}' ({type}) lists no values.");
        return new FormField
        {
            Key = key,
            Label = Text(component["label"]),
            Type = type,
            Required = validate?["required"] is JsonValue required && required.TryGetValue<bool>(out var r) && r,
            Min = Number(validate?["min"]),
            Max = Number(validate?["max"]),
            MinLength = (int?)Number(validate?["minLength"]),
            MaxLength = (int?)Number(validate?["maxLength"]),
            Pattern = pattern,
            Values = values,
            DefaultValue = component["defaultValue"]?.DeepClone(),
        };
    }

    /// <summary>
    /// Checks the variables a completion sends against every field; returns each wrong or missing one. Fields with a
    /// default that were not sent get it (what the form in a browser submits); variables the form does not name pass.
    /// A field its <c>conditional.hide</c> hides for these values is neither required nor defaulted (form-js submits
    /// nothing for it); a value sent for it is still checked.
    /// </summary>
    /// <param name="requireFields">False for a signature (加签) on a task whose holder decides: what it sends is checked, nothing is demanded.</param>
    public IReadOnlyList<FormFieldError> Check(JsonObject variables, bool requireFields = true)
    {
        var errors = new List<FormFieldError>();
        foreach (var field in Fields)
        {
            var value = variables[field.Key];
            var hidden = field.HiddenWhen.Count > 0 && field.IsHidden(variables);
            if (requireFields && !hidden && value is null && field.DefaultValue is not null && !variables.ContainsKey(field.Key))
            {
                variables[field.Key] = field.DefaultValue.DeepClone();
                value = variables[field.Key];
            }
            if (IsEmpty(value))
            {
                if (field.Required && requireFields && !hidden) errors.Add(new FormFieldError(field.Key, $"{Name(field)} is required.", $"{NameZh(field)}为必填项。"));
                continue;
            }
            if (FormValueCheck.Problem(field, value!) is { } problem) errors.Add(problem);
        }
        return errors;
    }

    internal static string Name(FormField field) => field.Label is { Length: > 0 } label ? $"'{label}' ({field.Key})" : $"'{field.Key}'";

    /// <summary>The field as a Chinese sentence names it: its label (the form's own words) and key, or the key alone.</summary>
    internal static string NameZh(FormField field) => field.Label is { Length: > 0 } label ? $"“{label}”（{field.Key}）" : $"“{field.Key}”";

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s),
        JsonArray a => a.Count == 0,
        _ => false,
    };

    internal static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static decimal? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}

/// <summary>
/// A field a completion got wrong or left out, and what to do about it: <see cref="Message"/> in English,
/// <see cref="MessageZh"/> the same in Chinese (kept apart: a page shows the reader's language).
/// </summary>
public sealed record FormFieldError(string Field, string Message, string MessageZh);
