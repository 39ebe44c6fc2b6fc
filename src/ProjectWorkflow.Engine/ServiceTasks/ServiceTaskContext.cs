using System.Text.Json.Nodes;

namespace ProjectWorkflow.Engine.ServiceTasks;

/// <summary>What a service task handler sees of the instance, and the variables it may set.</summary>
public sealed class ServiceTaskContext
{
    private readonly JsonObject _variables;
    private readonly JsonObject? _local;

    internal ServiceTaskContext(Guid instanceId, string? businessKey, string definitionKey, string elementId, string topic, JsonObject variables, IServiceProvider? services,
        JsonObject? local = null)
    {
        _local = local;
        Services = services;
        InstanceId = instanceId;
        BusinessKey = businessKey;
        DefinitionKey = definitionKey;
        ElementId = elementId;
        Topic = topic;
        _variables = variables;
    }

    public Guid InstanceId { get; }
    public string? BusinessKey { get; }
    public string DefinitionKey { get; }
    public string ElementId { get; }
    public string Topic { get; }

    /// <summary>The host's services for this unit of work (its database context, clock...), when the host gives them.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>The task's own variables (its input parameters; for one instance of a multi-instance task its element variable and loopCounter) come first.</summary>
    private JsonNode? Read(string name) => _local is not null && _local.TryGetPropertyValue(name, out var local) ? local : _variables[name];

    public JsonNode? GetVariable(string name) => Read(name);

    public T? GetVariable<T>(string name) => Read(name) is { } node ? node.GetValue<T>() : default;

    /// <summary>The variable as trimmed text; null when it is missing, blank or not a string.</summary>
    public string? GetText(string name) =>
        Read(name) is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    public void SetVariable(string name, JsonNode? value) => _variables[name] = value?.DeepClone();
}
