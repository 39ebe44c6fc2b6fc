using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProjectWorkflow.Engine.Runtime;

/// <summary>How instance state is written as JSON: the same everywhere, so snapshots and stores agree.</summary>
public static class RuntimeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
