using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProjectWorkflow.Engine.Forms;

/// <summary>One input of a form-js schema: its key (the variable it fills), its type and its <c>validate</c> block.</summary>
public sealed class FormField
{
    public required string Key { get; init; }
    public string? Label { get; init; }

    /// <summary>textfield, textarea, number, select, radio, checkbox, checklist, datetime (form-js component types).</summary>
    public required string Type { get; init; }
    public bool Required { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public Regex? Pattern { get; init; }

    /// <summary>The allowed values of a select, radio or checklist; empty when any value of the type goes.</summary>
    public IReadOnlyList<JsonNode?> Values { get; init; } = [];

    /// <summary>What the field holds when nothing is sent (form-js <c>defaultValue</c>), as the form in a browser would submit it.</summary>
    public JsonNode? DefaultValue { get; init; }

    /// <summary>
    /// The <c>conditional.hide</c> expressions of the field and of the groups around it: while one is true the field is
    /// hidden in form-js, and a hidden field is not required (what is sent is still checked).
    /// </summary>
    public IReadOnlyList<FormCondition> HiddenWhen { get; init; } = [];

    internal FormField HiddenBy(IReadOnlyList<FormCondition> conditions) => new()
    {
        Key = Key, Label = Label, Type = Type, Required = Required, Min = Min, Max = Max, MinLength = MinLength, MaxLength = MaxLength,
        Pattern = Pattern, Values = Values, DefaultValue = DefaultValue, HiddenWhen = conditions,
    };

    public bool IsHidden(JsonObject values) => HiddenWhen.Any(c => c.IsTrue(values));

    public bool IsChoice => Type is "select" or "radio" or "checklist";
}
