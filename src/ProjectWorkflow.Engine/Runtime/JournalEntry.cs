namespace ProjectWorkflow.Engine.Runtime;

/// <summary>One line of an instance's journal: an element entered or left, or a human operation.</summary>
public sealed record JournalEntry(
    Guid InstanceId,
    long Sequence,
    DateTimeOffset At,
    string ElementId,
    string Kind,
    string Event,
    string? Actor,
    string? Detail);
