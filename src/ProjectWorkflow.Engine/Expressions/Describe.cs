using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.Expressions;

/// <summary>Renders tokens and values for error messages, short enough to read in an incident list.</summary>
internal static class Describe
{
    private const int MaxShown = 40;

    public static string Quote(string text) =>
        text.Length <= MaxShown ? $"'{text}'" : $"'{text[..MaxShown]}...'";

    public static string Value(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        string s => "the text " + Quote(s),
        JsonArray => "a list",
        JsonObject => "an object",
        IDictionary or IReadOnlyDictionary<string, object?> => "an object",
        IEnumerable => "a list",
        _ => "a value of type " + value.GetType().Name,
    };

    /// <summary>Columns are one-based in messages because that is how editors count; positions stay zero-based.</summary>
    public static string Column(int position) => "column " + (position + 1).ToString(CultureInfo.InvariantCulture);
}
