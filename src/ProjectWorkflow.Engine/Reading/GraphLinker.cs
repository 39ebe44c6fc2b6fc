using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// Connects what the file refers to by id: flows to their nodes, boundary events to their
/// activity, gateways to their default flow. Only links that are valid are made; the
/// validator reports the rest, so a broken file never produces a half-linked graph that looks whole.
/// </summary>
internal static class GraphLinker
{
    public static void Link(ProcessModel process)
    {
        LinkFlows(process, process);
        foreach (var node in process.NodesById.Values)
        {
            if (node is BoundaryEvent boundary
                && process.NodesById.TryGetValue(boundary.AttachedToRef, out var host)
                && host.Scope == boundary.Scope
                && IsActivity(host))
            {
                boundary.AttachedTo = host;
                host.Boundaries.Add(boundary);
            }
            if (node is Gateway { DefaultFlowId: { } defaultId } gateway
                && process.FlowsById.TryGetValue(defaultId, out var flow)
                && flow.Source == gateway)
            {
                gateway.DefaultFlow = flow;
            }
        }
        // A compensation boundary event's handler: the activity an association leads to from it (either way round).
        foreach (var association in process.Associations)
        {
            if (!process.NodesById.TryGetValue(association.SourceRef, out var source) || !process.NodesById.TryGetValue(association.TargetRef, out var target)) continue;
            if (source is BoundaryEvent { Compensation: true } boundary && target.IsForCompensation) boundary.CompensationHandler ??= target;
            else if (target is BoundaryEvent { Compensation: true } reversed && source.IsForCompensation) reversed.CompensationHandler ??= source;
        }
    }

    /// <summary>The nodes a boundary event may sit on.</summary>
    public static bool IsActivity(FlowNode node) => node is Activity or SubProcess;

    // A flow only connects nodes of the scope that declares it: BPMN forbids crossing a
    // sub-process boundary, and the validator names the flows that try.
    private static void LinkFlows(FlowScope scope, ProcessModel process)
    {
        foreach (var flow in scope.Flows)
        {
            if (process.NodesById.TryGetValue(flow.SourceRef, out var source) && source.Scope == scope)
            {
                flow.Source = source;
                source.Outgoing.Add(flow);
            }
            if (process.NodesById.TryGetValue(flow.TargetRef, out var target) && target.Scope == scope)
            {
                flow.Target = target;
                target.Incoming.Add(flow);
            }
        }
        foreach (var subProcess in scope.Nodes.OfType<SubProcess>())
        {
            LinkFlows(subProcess, process);
        }
    }
}
