using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Definitions;

/// <summary>
/// A checked, runnable definition: the executable process of one BPMN file.
/// Immutable once compiled; the store gives it a version when it is deployed.
/// </summary>
public sealed class ProcessDefinition
{
    /// <summary>The process-level start event that a message of this name starts an instance at, if any.</summary>
    public Model.StartEvent? MessageStart(string messageName) =>
        Process.Nodes.OfType<Model.StartEvent>().FirstOrDefault(s => s.Message is { } m && string.Equals(m.Name, messageName, StringComparison.Ordinal));

    public ProcessDefinition(BpmnDocument document, ProcessModel process, string xml, string contentHash)
    {
        Document = document;
        Process = process;
        Xml = xml;
        ContentHash = contentHash;
    }

    /// <summary>The process id: what instances are started by.</summary>
    public string Key => Process.Id;

    public string? Name => Process.Name;

    public BpmnDocument Document { get; }
    public ProcessModel Process { get; }

    /// <summary>The file as deployed, diagram included, so it can be shown as drawn.</summary>
    public string Xml { get; }

    /// <summary>SHA-256 of the deployed bytes, lower-case hex: equal bytes are the same version.</summary>
    public string ContentHash { get; }

    /// <summary>Set by the store on deployment.</summary>
    public int Version { get; set; }

    /// <summary>Unique id of this version, e.g. <c>tech-upgrade:3</c>.</summary>
    public string Id => $"{Key}:{Version}";
}
