using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// Something a command did that the world outside the instance state may act on:
/// schedule a job, notify a person, publish an event. The host decides how.
/// </summary>
public abstract record EngineEffect(Guid InstanceId);

public sealed record TaskCreated(Guid InstanceId, UserTaskItem Task) : EngineEffect(InstanceId);

/// <summary>
/// The task's activity completed; <paramref name="Variables"/> are what the completer submitted (the decision), if anything;
/// <paramref name="CopiedTo"/> whoever the task was copied to (抄送) while it was open (null: not known).
/// </summary>
public sealed record TaskCompleted(Guid InstanceId, Guid TaskId, string ElementId, string Actor, JsonObject? Variables = null,
    IReadOnlyList<string>? CopiedTo = null) : EngineEffect(InstanceId);

/// <summary>The task left the inbox without being completed (boundary timer, send-back, cancel...).</summary>
public sealed record TaskCancelled(Guid InstanceId, Guid TaskId, string ElementId, string Reason) : EngineEffect(InstanceId);

/// <summary>Assignee or candidates changed, or a reminder or copy was sent: these users should hear of it.</summary>
public sealed record TaskNotification(Guid InstanceId, Guid TaskId, string Event, IReadOnlyList<string> Users, IReadOnlyList<string> Groups, string? Message)
    : EngineEffect(InstanceId);

public sealed record TimerScheduled(Guid InstanceId, Guid BookmarkId, DateTimeOffset DueAt) : EngineEffect(InstanceId);

/// <summary>A job (an asynchronous continuation, or the next try of a failed one) is due at <paramref name="DueAt"/>.</summary>
public sealed record JobScheduled(Guid InstanceId, Guid BookmarkId, DateTimeOffset DueAt) : EngineEffect(InstanceId);

public sealed record TimerCancelled(Guid InstanceId, Guid BookmarkId) : EngineEffect(InstanceId);

public sealed record MessageSubscribed(Guid InstanceId, Guid BookmarkId, string MessageName, string? CorrelationKey) : EngineEffect(InstanceId);

/// <summary>A message throw event, message end event or send task sent <paramref name="MessageName"/>, under the instance's business key.</summary>
public sealed record MessageSent(Guid InstanceId, string ElementId, string MessageName, string? BusinessKey) : EngineEffect(InstanceId);

public sealed record InstanceEnded(Guid InstanceId, string DefinitionKey, string? BusinessKey, InstanceStatus Status) : EngineEffect(InstanceId);

public sealed record IncidentRaised(Guid InstanceId, Incident Incident) : EngineEffect(InstanceId);
