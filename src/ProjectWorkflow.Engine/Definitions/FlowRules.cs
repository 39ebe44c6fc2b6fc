using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Definitions;

/// <summary>
/// The shape of the graph: flows connect existing nodes of their own scope, every node can be
/// reached, and a gateway's default flow leaves that gateway.
/// </summary>
internal static class FlowRules
{
    public static void Check(FlowScope scope, ValidationContext context)
    {
        foreach (var flow in scope.Flows)
        {
            CheckEnd(flow, flow.SourceRef, flow.Source, "sourceRef", context);
            CheckEnd(flow, flow.TargetRef, flow.Target, "targetRef", context);
        }
        foreach (var node in scope.Nodes)
        {
            // A node refused for a feature (e.g. a compensation handler, linked by association
            // rather than flows) would only repeat that refusal as "unreachable".
            if (!context.IsUnsupported(node.Id)) CheckConnections(node, context);
            if (node is ExclusiveGateway or InclusiveGateway) CheckDecision((Gateway)node, context);
            if (node is EventBasedGateway eventGateway) CheckEventGateway(eventGateway, context);
        }
    }

    // The reader links only ends that are valid, so an unlinked end is exactly a broken one.
    private static void CheckEnd(SequenceFlow flow, string reference, FlowNode? linked, string attribute, ValidationContext context)
    {
        if (linked is not null) return;
        if (reference.Length == 0)
        {
            context.Add(flow, $"The sequence flow has no {attribute}. Connect both ends of the flow.");
        }
        else if (context.Process.NodesById.TryGetValue(reference, out var node))
        {
            context.Add(flow, $"The sequence flow crosses a sub-process boundary: its {attribute} is {ValidationContext.Describe(node)}, which is not in the same (sub-)process as the flow. "
                + "A flow cannot enter or leave a sub-process; connect to the sub-process itself and use its start and end events.");
        }
        else if (!context.IsUnsupported(reference))
        {
            context.Add(flow, $"The sequence flow's {attribute} '{reference}' is not an element of this process. Reconnect the flow to an existing element.");
        }
    }

    private static void CheckConnections(FlowNode node, ValidationContext context)
    {
        switch (node)
        {
            case StartEvent when node.Incoming.Count > 0:
                context.Add(node, "A start event cannot have incoming sequence flows. Connect the flow to the step after the start event instead.");
                break;
            case BoundaryEvent when node.Incoming.Count > 0:
                context.Add(node, "A boundary event cannot have incoming sequence flows: it fires from the activity it is attached to.");
                break;
            case StartEvent or BoundaryEvent or SubProcess { TriggeredByEvent: true }:
                break;
            case { IsForCompensation: true }:
                // A compensation handler is reached through its compensation boundary event's association (CompensationRules).
                break;
            case IntermediateCatchEvent { LinkName: not null }:
                if (node.Incoming.Count > 0)
                    context.Add(node, "A link catch event cannot have incoming sequence flows: tokens reach it through link throw events of its name.");
                break;
            default:
                if (node.Incoming.Count == 0)
                {
                    context.Add(node, $"No sequence flow leads to this {node.Kind}, so it can never be reached. Connect it, or delete it.");
                }
                break;
        }

        if (node is EndEvent)
        {
            if (node.Outgoing.Count > 0)
            {
                context.Add(node, "An end event cannot have outgoing sequence flows. Use an intermediate event or an activity if the process goes on.");
            }
        }
        // A node without outgoing flow is not refused: its path simply ends there, as Camunda runs it.
    }

    // What follows an event-based gateway is what it waits for: catch events of a timer or a message, nothing else.
    private static void CheckEventGateway(EventBasedGateway gateway, ValidationContext context)
    {
        if (gateway.Outgoing.Count < 2)
            context.Add(gateway, "An event-based gateway waits for the first of several events; it needs at least two outgoing flows, each to an intermediate catch event.");
        foreach (var flow in gateway.Outgoing)
        {
            if (flow.ConditionText is not null)
                context.Add(flow, "A flow leaving an event-based gateway cannot have a condition: the event that happens first decides.");
            if (flow.Target is not null and not IntermediateCatchEvent { Timer: not null } and not IntermediateCatchEvent { Message: not null } and not IntermediateCatchEvent { Signal: not null })
                context.Add(gateway, $"The event-based gateway leads to {ValidationContext.Describe(flow.Target)}; after an event-based gateway only intermediate catch events of a timer, a message or a signal can follow.");
            else if (flow.Target is { Incoming.Count: > 1 } shared)
                context.Add(gateway, $"The catch event '{shared.Id}' after the event-based gateway has other incoming flows too; give the gateway its own catch events.");
        }
    }

    private static void CheckDecision(Gateway gateway, ValidationContext context)
    {
        if (gateway.DefaultFlowId is { } defaultId && gateway.DefaultFlow is null)
        {
            var message = context.Process.FlowsById.TryGetValue(defaultId, out var flow)
                ? $"The gateway's default flow '{defaultId}' does not leave this gateway (it starts at '{flow.SourceRef}'). Choose one of the gateway's outgoing flows as its default."
                : $"The gateway's default flow '{defaultId}' does not exist. Choose one of the gateway's outgoing flows as its default.";
            context.Add(gateway, message);
        }
        // An unconditioned flow that is not the default is taken as true, as Camunda takes it: at an exclusive
        // gateway it wins when it comes first in the file's order, at an inclusive one it is always taken.
    }
}
