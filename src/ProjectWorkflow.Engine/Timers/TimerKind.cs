namespace ProjectWorkflow.Engine.Timers;

/// <summary>The three BPMN timer definitions: timeDuration, timeDate and timeCycle.</summary>
public enum TimerKind
{
    Duration,
    Date,
    Cycle,
}
