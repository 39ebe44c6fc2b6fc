using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Definitions;

/// <summary>
/// Compensation and transactions as Camunda 7 accepts them: a compensation boundary event is associated with one
/// handler (<c>isForCompensation</c>, no flows in or out) of its own scope; a compensation throw names an activity
/// of the scope it compensates; a cancel end event sits directly in a transaction that has a cancel boundary event.
/// </summary>
internal static class CompensationRules
{
    public static void Check(FlowNode node, ValidationContext context)
    {
        if (node.IsForCompensation) CheckHandler(node, context);
        switch (node)
        {
            case BoundaryEvent { Compensation: true } boundary:
                CheckCompensationBoundary(boundary, context);
                break;
            case BoundaryEvent { Cancel: true } cancelBoundary:
                if (cancelBoundary.AttachedTo is { } host && host is not SubProcess { IsTransaction: true })
                    context.Add(cancelBoundary, $"A cancel boundary event can only sit on a transaction, not on {ValidationContext.Describe(host)}.");
                if (!cancelBoundary.CancelActivity)
                    context.Add(cancelBoundary, "A cancel boundary event always interrupts its transaction; remove cancelActivity=\"false\".");
                break;
            case EndEvent { Cancel: true } cancelEnd:
                CheckCancelEnd(cancelEnd, context);
                break;
            case EndEvent { Compensate: { } compensate } end:
                CheckThrow(end, compensate, context);
                break;
            case IntermediateThrowEvent { Compensate: { } compensate } throwEvent:
                CheckThrow(throwEvent, compensate, context);
                break;
        }
    }

    private static void CheckHandler(FlowNode handler, ValidationContext context)
    {
        if (handler.Incoming.Count > 0 || handler.Outgoing.Count > 0)
            context.Add(handler, "A compensation handler (isForCompensation=\"true\") cannot have incoming or outgoing sequence flows: it runs only when its activity is compensated. Remove the flows, or remove isForCompensation.");
        if (handler is SubProcess { TriggeredByEvent: true })
            context.Add(handler, "An event sub-process cannot be a compensation handler. Use a task or an embedded sub-process with isForCompensation=\"true\".");
        if (handler.Boundaries.Count > 0)
            context.Add(handler, "A compensation handler cannot have boundary events of its own.");
    }

    private static void CheckCompensationBoundary(BoundaryEvent boundary, ValidationContext context)
    {
        if (boundary.Outgoing.Count > 0)
            context.Add(boundary, "A compensation boundary event cannot have outgoing sequence flows: its handler is linked by an association. Draw an association to an activity with isForCompensation=\"true\" instead.");
        if (boundary.CompensationHandler is not { } handler)
        {
            context.Add(boundary, "The compensation boundary event is associated with no compensation handler, so compensating its activity would do nothing. Draw an association from it to an activity with isForCompensation=\"true\".");
        }
        else if (handler.Scope != boundary.Scope)
        {
            context.Add(boundary, $"The compensation handler {ValidationContext.Describe(handler)} lies in a different (sub-)process than the boundary event; draw it beside the activity it compensates.");
        }
        if (boundary.AttachedTo is { } host && host.Boundaries.FirstOrDefault(b => b.Compensation) is { } first && first != boundary)
            context.Add(boundary, $"{ValidationContext.Describe(host)} already has the compensation boundary event '{first.Id}'; an activity has one compensation handler.");
        if (boundary.AttachedTo is SubProcess { TriggeredByEvent: true })
            context.Add(boundary, "An event sub-process cannot have boundary events.");
    }

    private static void CheckCancelEnd(EndEvent end, ValidationContext context)
    {
        if (end.Scope is not SubProcess { IsTransaction: true } transaction)
        {
            context.Add(end, "A cancel end event can only stand directly inside a transaction. Put it in the transaction it cancels, or use an error end event.");
            return;
        }
        if (!transaction.Boundaries.Any(b => b.Cancel))
            context.Add(end, $"The transaction '{transaction.Id}' has no cancel boundary event, so a cancelled transaction would have no way out. Attach a cancel boundary event to it.");
        if (transaction.MultiInstance is not null)
            context.Add(end, $"A cancel end event in a multi-instance transaction is not supported; the transaction '{transaction.Id}' has multiInstanceLoopCharacteristics.");
    }

    // The scope a compensation throw compensates: its own, or, inside an event sub-process, the scope around it (as in Camunda).
    private static FlowScope CompensatedScope(FlowNode thrower) =>
        thrower.Scope is SubProcess { TriggeredByEvent: true } eventSubProcess ? eventSubProcess.Scope : thrower.Scope;

    private static void CheckThrow(FlowNode thrower, CompensateDefinition compensate, ValidationContext context)
    {
        if (compensate.ActivityRef is not { } reference) return;
        var scope = CompensatedScope(thrower);
        if (!context.Process.NodesById.TryGetValue(reference, out var activity))
        {
            if (!context.IsUnsupported(reference))
                context.Add(thrower, $"The compensation event names activity '{reference}' (activityRef), which is not an element of this process.");
            return;
        }
        if (activity.Scope != scope)
        {
            context.Add(thrower, $"The compensation event names {ValidationContext.Describe(activity)}, which is not in the (sub-)process it compensates ('{scope.Id}'). Name an activity beside the event, or remove activityRef to compensate all.");
            return;
        }
        if (!activity.Boundaries.Any(b => b.Compensation) && activity is not SubProcess)
        {
            context.Add(thrower, $"The compensation event names {ValidationContext.Describe(activity)}, which has no compensation boundary event, so there is nothing to compensate. Attach one with a handler, or name another activity.");
            return;
        }
        compensate.Activity = activity;
    }
}
