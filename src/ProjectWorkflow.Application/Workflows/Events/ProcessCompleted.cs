namespace ProjectWorkflow.Application.Workflows.Events;

/// <summary>A process instance reached its end (not cancelled, not terminated).</summary>
public sealed record ProcessCompleted(Guid InstanceId, string DefinitionKey, string? BusinessKey, DateTimeOffset CompletedAt);
