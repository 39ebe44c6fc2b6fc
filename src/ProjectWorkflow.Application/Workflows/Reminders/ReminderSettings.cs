namespace ProjectWorkflow.Application.Workflows.Reminders;

/// <summary>Configuration section <c>Reminders</c>.</summary>
public sealed class ReminderSettings
{
    public const string Section = "Reminders";

    /// <summary>How long before its due date an open task gets its first reminder.</summary>
    public TimeSpan BeforeDue { get; set; } = TimeSpan.FromHours(24);
}
