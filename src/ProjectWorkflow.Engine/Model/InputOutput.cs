using ProjectWorkflow.Engine.Expressions;

namespace ProjectWorkflow.Engine.Model;

/// <summary>
/// One <c>camunda:inputParameter</c> or <c>camunda:outputParameter</c>: a variable set local to the activity as it
/// starts (input), or set on the process as it ends (output), from a value as Camunda writes it.
/// </summary>
public sealed class IoParameter(string name, IoValue value, int line)
{
    public string Name { get; } = name;
    public IoValue Value { get; } = value;
    public int Line { get; } = line;
}

/// <summary>A parameter's value: a text (a constant, or an expression <c>${…}</c>, or a JUEL script), a list or a map of values.</summary>
public sealed class IoValue
{
    /// <summary>Set for a text value (null for an empty parameter, which sets null).</summary>
    public string? Text { get; init; }

    /// <summary>Set for <c>camunda:list</c>: its values in order.</summary>
    public IReadOnlyList<IoValue>? Items { get; init; }

    /// <summary>Set for <c>camunda:map</c>: its entries by key, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, IoValue>>? Entries { get; init; }

    /// <summary>The text parsed at deploy.</summary>
    internal ParsedExpression? Parsed { get; set; }

    /// <summary>Every text inside this value, lists and maps included.</summary>
    internal IEnumerable<IoValue> Texts()
    {
        if (Text is not null) yield return this;
        foreach (var item in Items ?? []) foreach (var text in item.Texts()) yield return text;
        foreach (var entry in Entries ?? []) foreach (var text in entry.Value.Texts()) yield return text;
    }
}
