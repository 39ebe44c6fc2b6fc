using System.Text.Json.Serialization;

namespace ProjectWorkflow.Application.Validation;

/// <summary>
/// One thing to correct in a request: which field, and what to do about it. <see cref="Message"/> is English; a use case
/// that says it in Chinese too gives <see cref="MessageZh"/> (never both pasted into one string), and the portal shows
/// the reader's language.
/// </summary>
public sealed record FieldError(string Field, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MessageZh { get; init; }

    public static FieldError Of(string field, string english, string chinese) => new(field, english) { MessageZh = chinese };
}
