namespace ProjectWorkflow.Web.Tests.Timers;

/// <summary>Small processes whose timers fire within seconds.</summary>
internal static class TimerBpmn
{
    private static string Definitions(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
        {body}
        </definitions>
        """;

    /// <summary>start → wait (intermediate timer) → a task for admin1 → end.</summary>
    public static string Wait(string key, string duration) => Definitions($"""
          <process id="{key}" isExecutable="true">
            <startEvent id="start" />
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>{duration}</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <userTask id="afterWait" camunda:assignee="admin1" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <sequenceFlow id="f2" sourceRef="wait" targetRef="afterWait" />
            <sequenceFlow id="f3" sourceRef="afterWait" targetRef="end" />
          </process>
        """);

    /// <summary>A review for admin1 with a boundary timer: interrupting escalates, non-interrupting nudges each round.</summary>
    public static string ReviewWithDeadline(string key, string timer, bool interrupting, string timerElement = "timeDuration") => Definitions($"""
          <process id="{key}" isExecutable="true">
            <startEvent id="start" />
            <userTask id="review" camunda:assignee="admin1" />
            <boundaryEvent id="deadline" attachedToRef="review" cancelActivity="{(interrupting ? "true" : "false")}">
              <timerEventDefinition><{timerElement}>{timer}</{timerElement}></timerEventDefinition>
            </boundaryEvent>
            <endEvent id="done" />
            <endEvent id="afterDeadline" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <sequenceFlow id="f2" sourceRef="review" targetRef="done" />
            {(interrupting
                ? """
                  <userTask id="escalated" camunda:assignee="admin1" />
                  <sequenceFlow id="f3" sourceRef="deadline" targetRef="escalated" />
                  <sequenceFlow id="f4" sourceRef="escalated" targetRef="afterDeadline" />
                  """
                : """<sequenceFlow id="f3" sourceRef="deadline" targetRef="afterDeadline" />""")}
          </process>
        """);

    /// <summary>A process started only by its timer start event (a cycle), which opens a task for admin1.</summary>
    public static string Ticking(string key, string cycle, string taskName) => Definitions($"""
          <process id="{key}" isExecutable="true">
            <startEvent id="tick"><timerEventDefinition><timeCycle>{cycle}</timeCycle></timerEventDefinition></startEvent>
            <userTask id="ticked" name="{taskName}" camunda:assignee="admin1" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="tick" targetRef="ticked" />
            <sequenceFlow id="f2" sourceRef="ticked" targetRef="end" />
          </process>
        """);

    /// <summary>A task offered to two groups, district reviewers and department approvers, due at the variable <c>due</c>.</summary>
    public static string TaskForTwoGroupsDue(string key) => TaskDue(key, "district-reviewer,dept-approver");

    /// <summary>A task for <paramref name="groups"/> (reviewers unless told) with a due date given by the variable <c>due</c>.</summary>
    public static string TaskDue(string key, string groups = "district-reviewer") => Definitions($"""
          <process id="{key}" isExecutable="true">
            <startEvent id="start" />
            <userTask id="review" camunda:candidateGroups="{groups}" camunda:dueDate="${"{"}due{"}"}" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <sequenceFlow id="f2" sourceRef="review" targetRef="end" />
          </process>
        """);
}
