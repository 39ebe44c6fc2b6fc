namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// How the reader treats the BPMN elements it does not turn into runnable nodes: kept for the
/// drawing only, skipped as mere decoration, or refused with a reason the modeller can act on.
/// </summary>
internal static class ElementKinds
{
    /// <summary>Kept so the drawing stays complete; never executed.</summary>
    private static readonly HashSet<string> DescriptiveKinds = new(StringComparer.Ordinal)
    {
        "laneSet", "lane", "textAnnotation", "association", "group", "category",
        "dataObject", "dataObjectReference", "dataStoreReference", "dataInputAssociation", "dataOutputAssociation",
        "ioSpecification", "property", "performer", "humanPerformer", "potentialOwner", "resourceRole",
        "correlationSubscription", "messageFlow",
    };

    /// <summary>Children that carry no behaviour and need no record: notes, vendor data, redundant flow refs.</summary>
    private static readonly HashSet<string> IgnoredKinds = new(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "auditing", "monitoring", "incoming", "outgoing",
        "supportedInterfaceRef", "ioBinding", "dataInput", "dataOutput", "inputSet", "outputSet",
        "dataInputRefs", "dataOutputRefs", "dataInputAssociations", "flowNodeRef", "renderings", "rendering",
        // Read by the activity (a sub-process) that carries them, not as content of its scope.
        "multiInstanceLoopCharacteristics", "standardLoopCharacteristics",
    };

    private const string UseUserOrServiceTask =
        "Use a user task (work for a person) or a service task with camunda:type=\"external\" and a registered camunda:topic.";

    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["businessRuleTask"] = "Business rule (DMN) tasks are not supported. Use a service task with a registered topic that applies the rule.",
        ["complexGateway"] = "Complex gateways are not supported. Use an exclusive, inclusive or parallel gateway.",
        ["implicitThrowEvent"] = "Implicit throw events are not supported.",
        ["transaction"] = "Transactions (with cancel and compensation) are not supported. Use an embedded sub-process.",
        ["adHocSubProcess"] = "Ad-hoc sub-processes are not supported. Use an embedded sub-process with gateways.",
        ["callChoreography"] = "Choreography elements describe exchanges between partners and cannot run.",
        ["choreographyTask"] = "Choreography elements describe exchanges between partners and cannot run.",
        ["subChoreography"] = "Choreography elements describe exchanges between partners and cannot run.",
    };

    public static bool IsDescriptive(string localName) => DescriptiveKinds.Contains(localName);

    public static bool IsIgnored(string localName) => IgnoredKinds.Contains(localName);

    public static string UnsupportedReason(string localName) =>
        Reasons.TryGetValue(localName, out var reason)
            ? reason
            : $"'{localName}' is not part of the BPMN subset the engine runs.";
}
