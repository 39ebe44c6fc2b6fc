using System.Diagnostics;
using ProjectWorkflow.Engine.Model;
using Activity = System.Diagnostics.Activity;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>
/// The engine's steps as trace spans: one span each time an element of a process is entered or left, under whatever
/// span runs the command (an HTTP request, a job, a message). Nothing is recorded unless a listener subscribes to
/// <see cref="SourceName"/> (an OpenTelemetry tracer in the host): without one a step costs a null check.
/// </summary>
public static class EngineTracing
{
    public const string SourceName = "ProjectWorkflow.Engine";

    private static readonly ActivitySource Source = new(SourceName);

    internal static Activity? Step(ProcessInstance instance, FlowNode node, bool leaving)
    {
        var span = Source.StartActivity(leaving ? $"leave {node.Kind}" : $"enter {node.Kind}");
        if (span is null) return null;
        span.SetTag("workflow.element.id", node.Id);
        span.SetTag("workflow.element.kind", node.Kind);
        span.SetTag("workflow.instance.id", instance.Id);
        span.SetTag("workflow.definition.key", instance.DefinitionKey);
        span.SetTag("workflow.business_key", instance.BusinessKey);
        return span;
    }

    internal static void Failed(Activity? span, Exception exception) =>
        span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
}
